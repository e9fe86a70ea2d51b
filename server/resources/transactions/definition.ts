import { LEDGER_SOURCE_TYPES, SETTLEMENT_STATUSES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { withMerchantName } from '../../list/merchantNames.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

export const transactions = defineResource({
  name: 'transactions',
  table: 'transactions',
  columns: [
    'id', 'merchant_id', 'currency', 'amount', 'source_type', 'source_id', 'settlement_status',
    'description', 'settled_at', 'created_at',
  ],
  fields: {
    id: field.id(),
    merchant_id: field.ref(),
    currency: field.currency({ sort: false }),
    amount: field.money(),
    source_type: field.enum(LEDGER_SOURCE_TYPES),
    source_id: field.ref(),
    settlement_status: field.enum(SETTLEMENT_STATUSES),
    settled_at: nullable(field.time()),
    created_at: field.time(),
  },
  search: [search.id(), search.idPrefix('transaction'), search.id('source_id'), search.merchantName()],
  computed: withMerchantName(),
});
