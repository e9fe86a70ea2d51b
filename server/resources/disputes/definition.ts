import { DISPUTE_STATUSES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { withMerchantName } from '../../list/merchantNames.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';
import { assigneeNames } from './assignees.ts';

export const disputes = defineResource({
  name: 'disputes',
  table: 'disputes',
  columns: [
    'id', 'payment_id', 'merchant_id', 'amount', 'currency', 'status', 'reason_code', 'reason',
    'dispute_date', 'response_due_date', 'closed_date', 'assignee_id', 'response_text',
    'submitted_at', 'created_at', 'updated_at',
  ],
  fields: {
    id: field.id(),
    payment_id: field.ref(),
    merchant_id: field.ref(),
    amount: field.amount(),
    currency: field.currency(),
    status: field.enum(DISPUTE_STATUSES),
    reason_code: field.text(),
    dispute_date: field.date(),
    response_due_date: field.date(),
    closed_date: nullable(field.date()),
    assignee_id: nullable(field.ref()),
    created_at: field.time(),
  },
  search: [search.id(), search.idPrefix('dispute'), search.id('payment_id'), search.merchantName()],
  computed: withMerchantName(assigneeNames),
});
