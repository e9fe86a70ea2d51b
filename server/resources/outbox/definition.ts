// The outbox as admins see it (docs/processor.md, "Actions out"): what the back office asked of
// the processor, about which object, and how delivery went — attempts, the last error, the next
// try — so a failed delivery can be found and retried.
import { OUTBOX_KINDS, OUTBOX_STATUSES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

export const outbox = defineResource({
  name: 'outbox',
  table: 'outbox',
  columns: [
    'id', 'kind', 'object_id', 'status', 'attempts', 'next_attempt_at', 'leased_until', 'last_error', 'request_id',
    'created_at', 'delivered_at', 'payload',
  ],
  fields: {
    id: field.id(),
    kind: field.enum(OUTBOX_KINDS, { sort: false }),
    object_id: field.ref({ sort: false }),
    status: field.enum(OUTBOX_STATUSES, { sort: false }),
    attempts: field.integer({ sort: false }),
    next_attempt_at: field.time({ sort: false }),
    created_at: field.time(),
    delivered_at: nullable(field.time({ sort: false })),
  },
  search: [search.id(), search.id('object_id')],
  defaultSort: { field: 'created_at', order: 'DESC' },
  // What the request carries (a dispute's evidence by attachment id, never the files' bytes).
  toRecord: (row) => ({ ...row, attempts: Number(row.attempts), payload: JSON.parse(row.payload) }),
});
