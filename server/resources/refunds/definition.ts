import { REFUND_REASONS, REFUND_STATUSES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { withMerchantName } from '../../list/merchantNames.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

export const refunds = defineResource({
  name: 'refunds',
  table: 'refunds',
  columns: [
    'id', 'payment_id', 'intent_id', 'merchant_id', 'amount', 'currency', 'reason', 'status', 'note',
    'created_by', 'created_at',
  ],
  fields: {
    id: field.id(),
    payment_id: field.ref(),
    intent_id: field.ref(),
    merchant_id: field.ref(),
    amount: field.amount(),
    currency: field.currency(),
    reason: field.enum(REFUND_REASONS),
    status: field.enum(REFUND_STATUSES),
    created_by: nullable(field.ref()),
    created_at: field.time(),
  },
  search: [search.id(), search.idPrefix('refund'), search.id('payment_id'), search.merchantName()],
  computed: withMerchantName(),
});
