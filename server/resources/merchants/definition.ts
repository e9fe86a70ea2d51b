import { MERCHANT_STATUSES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { field } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

export const merchants = defineResource({
  name: 'merchants',
  table: 'merchants',
  columns: ['id', 'name', 'email', 'country', 'default_currency', 'status', 'plan_id', 'created_at', 'updated_at'],
  fields: {
    id: field.id(),
    name: field.text(),
    email: field.text(),
    country: field.text(),
    default_currency: field.currency(),
    status: field.enum(MERCHANT_STATUSES),
    plan_id: field.ref(),
    created_at: field.time(),
  },
  search: [search.id(), search.idPrefix('merchant'), search.contains('name'), search.contains('email')],
});
