import { PAYOUT_STATUSES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { withMerchantName } from '../../list/merchantNames.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';
import { payoutReview } from './review.ts';

export const payouts = defineResource({
  name: 'payouts',
  table: 'payouts',
  columns: [
    'id', 'merchant_id', 'payout_number', 'amount', 'fee_amount', 'net_amount', 'currency', 'status',
    'transaction_count', 'approvals', 'decided_by', 'decided_at', 'decline_reason', 'created_at',
    'updated_at',
  ],
  fields: {
    id: field.id(),
    merchant_id: field.ref(),
    payout_number: field.integer(),
    amount: field.amount(),
    fee_amount: field.amount(),
    net_amount: field.amount(),
    currency: field.currency(),
    status: field.enum(PAYOUT_STATUSES),
    decided_by: nullable(field.ref()),
    decided_at: nullable(field.time()),
    created_at: field.time(),
  },
  search: [search.id(), search.idPrefix('payout'), search.number('payout_number'), search.merchantName()],
  toRecord: (row) => ({ ...row, approvals: JSON.parse(row.approvals ?? '[]') }),
  computed: withMerchantName(payoutReview),
});
