// Refund and dispute events need their payment captured in the back office: until it is (its
// payment.* events may still be on their way) they wait for it; a payment that can no longer be
// captured never will be, so waiting would be forever.
import type { Knex } from 'knex';
import { EventRejected } from './types.ts';

const NEVER_CAPTURED = ['failed', 'cancelled', 'voided'];

/** The captured payment, or `{waitingFor}` while it is missing or not captured yet. */
export interface CapturedPayment {
  id: string;
  intent_id: string;
  merchant_id: string;
  currency: string;
  amount: unknown;
  amount_refunded: unknown;
  amount_charged_back: unknown;
}

export async function capturedPayment(
  trx: Knex.Transaction, paymentId: string,
): Promise<{ payment: CapturedPayment; waitingFor?: undefined } | { waitingFor: string; payment?: undefined }> {
  const payment = await trx('payments').where('id', paymentId)
    .first('id', 'intent_id', 'merchant_id', 'amount', 'currency', 'status', 'amount_refunded', 'amount_charged_back');
  if (!payment || payment.status !== 'captured') {
    if (payment && NEVER_CAPTURED.includes(payment.status)) {
      throw new EventRejected(`Payment ${paymentId} is ${payment.status} here, so it cannot have a refund or a dispute`);
    }
    return { waitingFor: paymentId };
  }
  return { payment };
}
