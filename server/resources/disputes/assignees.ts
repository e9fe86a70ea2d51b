// Who works disputes, by name: the people a dispute can be handed to, and the assignee's name on
// every dispute the API answers with — so support and operators see "Ana Ruiz", not a user id,
// without the users list (admins only) being opened to them.
import type { Knex } from 'knex';
import type { ComputedFields } from '../../list/definition.ts';

/** The roles that work disputes: a dispute is assigned to an active user with one of them. */
export const ASSIGNABLE_ROLES = ['support', 'admin'] as const;

export interface Assignee {
  id: string;
  name: string;
  role: string;
}

/** Active users a dispute can be assigned to, support agents first, then by name. */
export async function listAssignees(db: Knex): Promise<Assignee[]> {
  const rows: Assignee[] = await db('users')
    .whereIn('role', [...ASSIGNABLE_ROLES]).andWhere('disabled', false)
    .orderBy('name').select('id', 'name', 'role');
  return [...rows.filter((u) => u.role === 'support'), ...rows.filter((u) => u.role !== 'support')];
}

export const assigneeNames: ComputedFields = {
  fields: ['assignee_name'],
  async add(db, records: Array<{ assignee_id?: string | null; assignee_name?: string | null }>) {
    const ids = [...new Set(records.map((r) => r.assignee_id).filter((id): id is string => !!id))];
    const rows: Array<{ id: string; name: string }> = ids.length ? await db('users').whereIn('id', ids).select('id', 'name') : [];
    const names = new Map(rows.map((u) => [u.id, u.name]));
    for (const r of records) r.assignee_name = r.assignee_id ? (names.get(r.assignee_id) ?? null) : null;
  },
};
