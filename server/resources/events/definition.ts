// The processor's events as admins see them (docs/processor.md): what came, about which object,
// and what became of it — with the payload as received and the error of a failed one.
import { PROCESSOR_EVENT_STATUSES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

export const events = defineResource({
  name: 'events',
  table: 'processor_events',
  columns: ['id', 'type', 'object_id', 'status', 'waiting_for', 'error', 'payload', 'received_at', 'applied_at', 'attempts'],
  fields: {
    id: field.id(),
    type: field.text(),
    object_id: nullable(field.ref({ sort: false })),
    status: field.enum(PROCESSOR_EVENT_STATUSES),
    waiting_for: nullable(field.ref({ sort: false })),
    received_at: field.time(),
    applied_at: nullable(field.time({ sort: false })),
    attempts: field.integer({ sort: false }),
  },
  search: [search.id(), search.id('object_id')],
  defaultSort: { field: 'received_at', order: 'DESC' },
  // The payload as the processor sent it (stored verbatim, so its signature could be re-checked).
  toRecord: (row) => ({ ...row, payload: parsed(row.payload) }),
});

function parsed(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}
