// The life of a payment as dated events: created, authorised or declined, captured, refunded,
// disputed (and how the dispute ended), cancelled or voided, settled. Pure, so it is tested alone.
import type { RaRecord } from 'react-admin';
import type { Tone } from '../../common/StatusChip.tsx';

export interface TimelineEvent {
  at: string;
  /** i18n key under app.timeline */
  key: string;
  params?: Record<string, string>;
  tone: Tone;
  /** Only the calendar day is known (a dispute's closing date): show no time. */
  dateOnly?: boolean;
  /** The record the event is about, when it is not the payment. */
  link?: { resource: string; id: string };
}

/** A record as the API answers with it, read field by field (react-admin's record type). */
type Row = RaRecord;

const DISPUTE_TONE: Record<string, Tone> = { won: 'success', lost: 'error', accepted: 'neutral' };

export function paymentTimeline(
  payment: Row,
  refunds: Row[],
  disputes: Row[],
  money: (amount: number, currency: string) => string,
): TimelineEvent[] {
  const events: TimelineEvent[] = [{ at: payment.created_at, key: 'created', tone: 'neutral' }];
  if (payment.status === 'failed') {
    events.push({ at: payment.created_at, key: 'failed', tone: 'error', params: { code: payment.decline_code ?? '' } });
  } else if (payment.auth_code) {
    events.push({ at: payment.created_at, key: 'authorised', tone: 'info', params: { code: payment.auth_code } });
  }
  if (payment.captured_at) events.push({ at: payment.captured_at, key: 'captured', tone: 'success' });
  if (payment.status === 'cancelled' || payment.status === 'voided') {
    events.push({ at: payment.updated_at ?? payment.created_at, key: payment.status, tone: 'neutral' });
  }
  for (const r of refunds) {
    const key = r.status === 'succeeded' ? 'refunded' : r.status === 'failed' ? 'refund_failed' : 'refund_pending';
    const tone: Tone = r.status === 'succeeded' ? 'neutral' : r.status === 'failed' ? 'error' : 'warning';
    events.push({ at: r.created_at, key, tone, params: { amount: money(r.amount, r.currency) }, link: { resource: 'refunds', id: String(r.id) } });
  }
  for (const d of disputes) {
    events.push({ at: d.created_at, key: 'disputed', tone: 'warning', params: { reason: d.reason_code ?? '' }, link: { resource: 'disputes', id: String(d.id) } });
    if (d.closed_date && DISPUTE_TONE[d.status]) {
      // A date without a time: sorted at the end of that day, shown as the day alone.
      events.push({ at: `${d.closed_date}T23:59:59.999Z`, dateOnly: true, key: `dispute_${d.status}`, tone: DISPUTE_TONE[d.status], link: { resource: 'disputes', id: String(d.id) } });
    }
  }
  if (payment.settled_at) events.push({ at: payment.settled_at, key: 'settled', tone: 'success' });
  // Stable: events at the same instant keep the order they were added in (created before authorised).
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i).map(({ e }) => e);
}
