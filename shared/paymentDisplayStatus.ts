// What a payment's status says to a person, as Stripe's dashboard says it: a captured payment
// that was refunded in full reads "Refunded", in part "Partially refunded", and one with a
// dispute that holds money back (open, lost or accepted: `amount_charged_back` > 0) reads
// "Disputed", whatever else happened to it; a won dispute gives the money back and the payment
// reads as before. The processing status (`status`) stays what it is; this is the payment's
// `display_status`, which the database keeps from the row's own columns
// (migrations/20261130_71_payment_display_status.ts), so lists filter on it through an index.
// A refund still pending counts: it is in `amount_refunded` from the moment it is asked for.
import { PAYMENT_STATUSES, type PaymentStatus } from './enums.ts';

export const PAYMENT_DISPLAY_STATUSES = [...PAYMENT_STATUSES, 'partially_refunded', 'refunded', 'disputed'] as const;
export type PaymentDisplayStatus = (typeof PAYMENT_DISPLAY_STATUSES)[number];

/** The display statuses beyond the processing status: the payments list's "Refunds and disputes" filter. */
export const AFTER_CAPTURE_STATUSES = ['partially_refunded', 'refunded', 'disputed'] as const;

export interface DisplayStatusInput {
  status: PaymentStatus | string;
  amount: number;
  amount_refunded: number;
  /** What the payment's disputes not won hold back (docs/money.md). */
  amount_charged_back: number;
}

export function paymentDisplayStatus(p: DisplayStatusInput): PaymentDisplayStatus {
  if (p.status !== 'captured') return p.status as PaymentDisplayStatus;
  if (p.amount_charged_back > 0) return 'disputed';
  if (p.amount_refunded > 0 && p.amount_refunded >= p.amount) return 'refunded';
  if (p.amount_refunded > 0) return 'partially_refunded';
  return 'captured';
}
