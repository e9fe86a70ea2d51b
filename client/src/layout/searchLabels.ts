// How each kind of record reads in one line of the app-bar search: money in the record's
// currency, card brands by name, reasons and types in the user's language, dates in their time
// zone. The server sends the records (shared/api/search.ts); the words are made here.
import { useTranslate, type RaRecord } from 'react-admin';
import { formatMoney } from '../../../shared/currencies.ts';
import type { SearchHit } from '../../../shared/api/search.ts';
import { useEnumLabel } from '../common/EnumField.tsx';
import { formatDateTime } from '../common/formatDateTime.ts';
import { useIntlLocale } from '../common/useIntlLocale.ts';
import { auditActionKey } from '../i18n/admin/en.ts';
import { cardText } from '../resources/payments/CardField.tsx';

/** A record as the API answers with it, read field by field (react-admin's record type). */
type Row = RaRecord;
const join = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' · ');

export function useSearchLabel(): (hit: SearchHit) => string {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const locale = useIntlLocale();
  const money = (r: Row, field = 'amount') => (r[field] === null || r[field] === undefined || !r.currency ? '' : formatMoney(Number(r[field]), r.currency, locale));
  const when = (iso: unknown) => (typeof iso === 'string' && iso ? formatDateTime(iso, locale) : '');
  /** A calendar date (a dispute's due day): the same day everywhere, so formatted in UTC. */
  const day = (date: unknown) => (typeof date === 'string' && date
    ? new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`))
    : '');

  const labels: Record<string, (r: Row) => string> = {
    payments: (r) => join(money(r), cardText(r), r.customer_email, when(r.created_at)),
    intents: (r) => join(r.reference_id, money(r), r.customer_email, when(r.created_at)),
    refunds: (r) => join(money(r), r.reason && enumLabel('refund_reason', r.reason), when(r.created_at)),
    disputes: (r) => join(
      money(r),
      r.reason_code && `${r.reason_code} ${translate(`app.dispute_reason.${r.reason_code}`, { _: r.reason ?? '' })}`.trim(),
      r.response_due_date && translate('app.search.due', { day: day(r.response_due_date) }),
    ),
    payouts: (r) => join(`#${r.payout_number}`, money(r), when(r.created_at)),
    merchants: (r) => join(r.name, r.email),
    plans: (r) => join(r.name, r.plan_type && enumLabel('plan_type', r.plan_type)),
    users: (r) => join(r.name, r.email, r.role && enumLabel('role', r.role)),
    transactions: (r) => join(r.source_type && enumLabel('source_type', r.source_type), money(r), when(r.created_at)),
    audit: (r) => join(r.action && translate(auditActionKey(r.action), { _: r.action }), r.entity_id, when(r.created_at)),
  };
  // A hit's record is one its list answered with, read the way react-admin reads records.
  return (hit) => labels[hit.resource]?.(hit.record as Row) || hit.id;
}
