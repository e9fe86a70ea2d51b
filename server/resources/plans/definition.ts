import { PLAN_TYPES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { field } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

export const plans = defineResource({
  name: 'plans',
  table: 'plans',
  columns: ['id', 'name', 'plan_type', 'percent_bps', 'fixed_fee', 'currency', 'created_at'],
  fields: {
    id: field.id(),
    name: field.text(),
    plan_type: field.enum(PLAN_TYPES),
    percent_bps: field.integer(),
    fixed_fee: field.amount(),
    currency: field.currency(),
    created_at: field.time(),
  },
  search: [search.id(), search.idPrefix('plan'), search.contains('name')],
});
