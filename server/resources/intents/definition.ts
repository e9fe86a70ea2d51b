import { CAPTURE_METHODS, INTENT_STATUSES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { withMerchantName } from '../../list/merchantNames.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

export const intents = defineResource({
  name: 'intents',
  table: 'intents',
  columns: [
    'id', 'merchant_id', 'amount', 'currency', 'status', 'capture_method', 'amount_captured',
    'amount_refunded', 'amount_disputed', 'reference_id', 'description', 'customer_email',
    'cancellation_reason', 'created_at', 'updated_at',
  ],
  fields: {
    id: field.id(),
    merchant_id: field.ref(),
    amount: field.amount(),
    currency: field.currency({ sort: false }),
    status: field.enum(INTENT_STATUSES),
    capture_method: field.enum(CAPTURE_METHODS),
    amount_refunded: field.amount(),
    amount_disputed: field.amount(),
    reference_id: nullable(field.text()),
    customer_email: nullable(field.text()),
    created_at: field.time(),
    updated_at: field.time(),
  },
  search: [search.id(), search.idPrefix('intent'), search.reference(), search.email('customer_email'), search.merchantName()],
  computed: withMerchantName(),
});
