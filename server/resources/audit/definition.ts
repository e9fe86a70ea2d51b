import { defineResource } from '../../list/definition.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

export const audit = defineResource({
  name: 'audit',
  table: 'audit',
  columns: ['id', 'actor_id', 'action', 'entity', 'entity_id', 'detail', 'ip', 'created_at'],
  fields: {
    id: field.id(),
    actor_id: nullable(field.ref()),
    action: field.text(),
    entity: field.text(),
    entity_id: nullable(field.ref()),
    created_at: field.time(),
  },
  search: [search.id(), search.idPrefix('audit'), search.id('entity_id'), search.id('actor_id')],
  toRecord: (row) => ({ ...row, detail: row.detail ? JSON.parse(row.detail) : null }),
});
