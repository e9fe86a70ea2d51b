// How each kind of record reads in one line of the app-bar search results. Labels are built
// from the record alone and stay language-neutral (amounts in en-US form, codes as stored); the
// SPA shows the resource name and status in the user's language beside them.
import { formatMoney } from '../../shared/currencies.ts';

type Row = Record<string, any>;

const money = (r: Row, field = 'amount') => formatMoney(Number(r[field]), r.currency, 'en-US');
const join = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' · ');

export const SEARCH_LABELS: Record<string, (r: Row) => string> = {
  payments: (r) => join(money(r), r.card_brand && r.card_last4 && `${r.card_brand} •••• ${r.card_last4}`, r.customer_email),
  intents: (r) => join(r.reference_id, money(r), r.customer_email),
  refunds: (r) => join(money(r), r.reason, r.payment_id),
  disputes: (r) => join(money(r), r.reason_code && `${r.reason_code} ${r.reason ?? ''}`.trim(), r.response_due_date && `due ${r.response_due_date}`),
  payouts: (r) => join(`#${r.payout_number}`, money(r)),
  merchants: (r) => join(r.name, r.email),
  plans: (r) => join(r.name, r.plan_type),
  users: (r) => join(r.name, r.email, r.role),
  transactions: (r) => join(r.source_type, money(r), r.source_id),
  audit: (r) => join(r.action, r.entity_id),
};
