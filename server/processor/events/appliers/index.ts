// Which applier handles each event type (docs/processor.md, "Types").
import type { ProcessorEventType } from '../../../../shared/enums.ts';
import { applyDisputeOpened, applyDisputeOutcome } from './disputes.ts';
import { applyIntentCreated } from './intents.ts';
import { applyMerchant } from './merchants.ts';
import { applyPayment } from './payments.ts';
import { applyPayoutCreated, applyPayoutOutcome } from './payouts.ts';
import { applyRefund } from './refunds.ts';
import type { Applier } from './types.ts';

export const APPLIERS: Record<ProcessorEventType, Applier> = {
  'merchant.created': applyMerchant,
  'merchant.updated': applyMerchant,
  'payment_intent.created': applyIntentCreated,
  'payment.authorized': applyPayment,
  'payment.captured': applyPayment,
  'payment.failed': applyPayment,
  'payment.cancelled': applyPayment,
  'payment.voided': applyPayment,
  'payment.settled': applyPayment,
  'refund.succeeded': applyRefund,
  'refund.failed': applyRefund,
  'dispute.opened': applyDisputeOpened,
  'dispute.won': applyDisputeOutcome,
  'dispute.lost': applyDisputeOutcome,
  'payout.created': applyPayoutCreated,
  'payout.paid': applyPayoutOutcome,
  'payout.failed': applyPayoutOutcome,
};
