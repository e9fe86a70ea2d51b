import { ENTRY_MODES, PAYMENT_STATUSES, SETTLEMENT_STATUSES } from '../../../shared/enums.ts';
import { PAYMENT_DISPLAY_STATUSES } from '../../../shared/paymentDisplayStatus.ts';
import { defineResource } from '../../list/definition.ts';
import { withMerchantName } from '../../list/merchantNames.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

export const payments = defineResource({
  name: 'payments',
  table: 'payments',
  columns: [
    'id', 'intent_id', 'merchant_id', 'amount', 'currency', 'status', 'display_status', 'entry_mode', 'card_brand',
    'card_last4', 'fee_amount', 'net_amount', 'amount_refunded', 'amount_charged_back', 'decline_code', 'decline_reason',
    'auth_code', 'settlement_status', 'settled_at', 'captured_at', 'customer_email', 'reference_id',
    'created_at', 'updated_at',
  ],
  fields: {
    id: field.id(),
    intent_id: field.ref(),
    merchant_id: field.ref(),
    amount: field.amount(),
    currency: field.currency({ sort: false }),
    status: field.enum(PAYMENT_STATUSES),
    // Refunded / partially refunded / disputed, else the status: kept by the database
    // (migrations/20261130_71_payment_display_status.ts), filterable through its own index.
    display_status: field.enum(PAYMENT_DISPLAY_STATUSES, { sort: false }),
    entry_mode: field.enum(ENTRY_MODES),
    card_brand: field.text({ sort: false }),
    card_last4: field.last4(),
    fee_amount: field.amount(),
    amount_refunded: field.amount(),
    decline_code: nullable(field.text()),
    settlement_status: field.enum(SETTLEMENT_STATUSES),
    settled_at: nullable(field.time()),
    customer_email: field.text(),
    reference_id: field.text(),
    created_at: field.time(),
  },
  search: [
    search.id(),
    search.idPrefix('payment'),
    search.id('intent_id'),
    search.last4(),
    search.authCode(),
    search.email('customer_email'),
    search.reference(),
    search.merchantName(),
  ],
  computed: withMerchantName(),
});
