import { ADMIN_GRANT_KINDS, ADMIN_GRANT_STATUSES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

// Requests that a user become an active admin, waiting for (or decided by) a second admin.
export const adminGrants = defineResource({
  name: 'admin_grants',
  table: 'admin_grants',
  columns: ['id', 'user_id', 'kind', 'changes', 'status', 'requested_by', 'requested_at', 'decided_by', 'decided_at'],
  fields: {
    id: field.id(),
    user_id: field.ref(),
    kind: field.enum(ADMIN_GRANT_KINDS),
    status: field.enum(ADMIN_GRANT_STATUSES),
    requested_by: field.ref(),
    requested_at: field.time(),
    decided_by: nullable(field.ref()),
    decided_at: nullable(field.time()),
  },
  search: [search.id(), search.id('user_id')],
  defaultSort: { field: 'requested_at', order: 'DESC' },
  toRecord: (row) => ({ ...row, changes: JSON.parse(row.changes) }),
});
