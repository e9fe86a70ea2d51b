import { ROLES } from '../../../shared/enums.ts';
import { defineResource } from '../../list/definition.ts';
import { field, nullable } from '../../list/fields.ts';
import { search } from '../../list/search.ts';

// password_hash is deliberately absent from `columns`: it never leaves the server.
export const users = defineResource({
  name: 'users',
  table: 'users',
  columns: ['id', 'email', 'name', 'role', 'disabled', 'created_at', 'last_login_at'],
  fields: {
    id: field.id(),
    email: field.text(),
    name: field.text(),
    role: field.enum(ROLES),
    disabled: field.boolean(),
    created_at: field.time(),
    last_login_at: nullable(field.time()),
  },
  search: [search.id(), search.idPrefix('user'), search.contains('email'), search.contains('name')],
  toRecord: (row) => ({ ...row, disabled: Boolean(row.disabled) }),
});
