// The `data` of each event type, checked before anything is written: the fields the back office
// stores, with the limits of their columns (unknown fields are ignored). A `data` that does not
// fit is an EventRejected naming the fields.
import { z } from 'zod';
import {
  CAPTURE_METHODS, DISPUTE_STATUSES, ENTRY_MODES, INTENT_STATUSES, MERCHANT_STATUSES, PAYMENT_STATUSES,
  PAYOUT_STATUSES, REFUND_STATUSES, SETTLEMENT_STATUSES,
} from '../../../../shared/enums.ts';
import { EventRejected } from './types.ts';

const id = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);
const time = z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 time')
  .transform((v) => new Date(v).toISOString());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const positive = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const currency = z.string().regex(/^[A-Z]{3}$/);
const text = (max: number) => z.string().max(max).nullish().transform((v) => v ?? null);

export const MerchantData = z.object({
  id, name: z.string().min(1).max(200), email: z.string().min(3).max(254), country: z.string().regex(/^[A-Z]{2}$/),
  default_currency: currency, status: z.enum(MERCHANT_STATUSES), plan_id: id, created_at: time, updated_at: time,
});

export const IntentData = z.object({
  id, merchant_id: id, amount: positive, currency, status: z.enum(INTENT_STATUSES), capture_method: z.enum(CAPTURE_METHODS),
  reference_id: text(100), description: text(500), customer_email: text(254), cancellation_reason: text(100),
  created_at: time, updated_at: time,
});

export const PaymentData = z.object({
  id, intent_id: id, merchant_id: id, amount: positive, currency, status: z.enum(PAYMENT_STATUSES), entry_mode: z.enum(ENTRY_MODES),
  card_brand: z.string().min(1).max(20), card_last4: z.string().regex(/^\d{4}$/), fee_amount: minor.default(0),
  decline_code: text(10), decline_reason: text(200), auth_code: text(12), settlement_status: z.enum(SETTLEMENT_STATUSES).default('unsettled'),
  settled_at: time.nullish(), captured_at: time.nullish(), customer_email: text(254), reference_id: text(100),
  created_at: time, updated_at: time,
});

export const RefundData = z.object({
  id, payment_id: id, intent_id: id.optional(), merchant_id: id.optional(), amount: positive, currency,
  reason: z.string().max(40).default('other'), status: z.enum(REFUND_STATUSES), created_at: time,
});

export const DisputeData = z.object({
  id, payment_id: id, merchant_id: id.optional(), amount: positive, currency, status: z.enum(DISPUTE_STATUSES),
  reason_code: z.string().min(1).max(10), reason: text(200), dispute_date: day, response_due_date: day, closed_date: day.nullish(),
  created_at: time, updated_at: time,
});

export const PayoutData = z.object({
  id, merchant_id: id, payout_number: z.number().int().positive().max(2_147_483_647), amount: positive, fee_amount: minor,
  net_amount: z.number().int().max(Number.MAX_SAFE_INTEGER), currency, status: z.enum(PAYOUT_STATUSES),
  transaction_count: z.number().int().min(0).max(2_147_483_647).default(0), created_at: time, updated_at: time,
});

/** `data` as the schema wants it, or an EventRejected saying which fields are wrong. */
export function dataOf<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new EventRejected(`Invalid data: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
