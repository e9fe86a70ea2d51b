import { defineResource } from '../../list/definition.ts';
import { withMerchantName } from '../../list/merchantNames.ts';
import { field } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

// Balances follow from the ledger (see server/ledger); this table is their running total,
// updated in the same transaction as every ledger entry.
export const balances = defineResource({
  name: 'balances',
  table: 'balances',
  columns: ['id', 'merchant_id', 'currency', 'available', 'pending', 'updated_at'],
  fields: {
    id: { type: 'string', filter: true, sort: true },
    merchant_id: field.ref(),
    currency: field.currency(),
    available: field.money(),
    pending: field.money(),
    updated_at: field.time(),
  },
  defaultSort: { field: 'id', order: 'ASC' },
  search: [search.id('merchant_id')],
  computed: withMerchantName(),
});
