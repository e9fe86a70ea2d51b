// Saved queries: a list's filter, sort and page size under a name, per user, optionally shared
// with the team. Everyone sees their own and the shared ones of a list; only the owner renames,
// re-shares, changes or deletes one — another user's shared query is a 403, another user's
// private one does not exist for them (404). A saved filter must be one the list accepts, so a
// query saved today still opens tomorrow.
import type { Knex } from 'knex';
import { z } from 'zod';
import type { SavedQuery, SavedQueryParams } from '../../shared/api/savedQueries.ts';
import { newId } from '../../shared/ids.ts';
import type { Role } from '../../shared/enums.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { parseListQuery } from '../list/parseListQuery.ts';
import { resources } from '../resources/index.ts';
import type { Actor } from '../resources/actor.ts';

/** A user keeps at most this many queries per list: a menu, not a database. */
export const MAX_PER_LIST = 50;

const Params = z.strictObject({
  filter: z.record(z.string(), z.unknown()),
  sort: z.string().max(100).optional(),
  order: z.enum(['ASC', 'DESC']).optional(),
  perPage: z.number().int().min(1).max(1000).optional(),
  displayedFilters: z.record(z.string(), z.boolean()).optional(),
});

const Name = z.string().trim().min(1, 'A saved query needs a name').max(100, 'A name holds at most 100 characters');

export const SavedQueryCreate = z.strictObject({
  resource: z.string().max(40),
  name: Name,
  params: Params,
  shared: z.boolean().optional(),
});

export const SavedQueryUpdate = z.strictObject({
  name: Name.optional(),
  params: Params.optional(),
  shared: z.boolean().optional(),
}).refine((body) => Object.keys(body).length > 0, 'Nothing to change: send name, params or shared');

export const SavedQueryList = z.strictObject({
  resource: z.string({ error: '"resource" is required: the list whose saved queries to read' }).max(40),
});

interface Row {
  id: string; user_id: string; resource: string; name: string; params: string; shared: boolean | number;
  created_at: string; updated_at: string; owner_name: string;
}

function readableList(resource: string, role: Role) {
  const entry = resources.find((r) => r.def.name === resource);
  if (!entry) throw badRequest(`No list named "${resource}"`, { resource: 'unknown list' });
  if (!entry.read.includes(role)) throw forbidden(`You cannot read ${resource}`);
  return entry.def;
}

/** The saved filter and sort must be ones the list takes: the list's own parser says so. */
function checkParams(resource: string, role: Role, params: SavedQueryParams) {
  const def = readableList(resource, role);
  const raw: Record<string, string> = { filter: JSON.stringify(params.filter) };
  if (params.sort) raw.sort = JSON.stringify([params.sort, params.order ?? 'ASC']);
  parseListQuery(def, raw);
}

function toSavedQuery(row: Row, userId: string): SavedQuery {
  return {
    id: row.id, resource: row.resource, name: row.name, params: JSON.parse(row.params) as SavedQueryParams,
    shared: Boolean(row.shared), owner_id: row.user_id, owner_name: row.owner_name, mine: row.user_id === userId,
    created_at: row.created_at, updated_at: row.updated_at,
  };
}

const selectRows = (db: Knex) => db('saved_queries')
  .join('users', 'users.id', 'saved_queries.user_id')
  .select('saved_queries.*', 'users.name as owner_name');

export async function listSavedQueries(db: Knex, user: { id: string; role: Role }, resource: string): Promise<SavedQuery[]> {
  readableList(resource, user.role);
  const rows: Row[] = await selectRows(db)
    .where('saved_queries.resource', resource)
    .andWhere((w) => w.where('saved_queries.user_id', user.id).orWhere('saved_queries.shared', true))
    .orderBy([{ column: 'saved_queries.name' }, { column: 'saved_queries.id' }]);
  return rows.map((r) => toSavedQuery(r, user.id));
}

/** The query if `user` may see it (theirs, or shared), else 404. */
async function visible(db: Knex, user: { id: string }, id: string): Promise<Row> {
  const row: Row | undefined = await selectRows(db).where('saved_queries.id', id).first();
  if (!row || (row.user_id !== user.id && !row.shared)) throw notFound(`No saved query ${id}`);
  return row;
}

async function owned(db: Knex, user: { id: string }, id: string): Promise<Row> {
  const row = await visible(db, user, id);
  if (row.user_id !== user.id) throw forbidden('Only the user who saved this query can change or delete it');
  return row;
}

export async function createSavedQuery(
  trx: Knex.Transaction, user: { id: string; role: Role }, body: z.infer<typeof SavedQueryCreate>, actor: Actor,
): Promise<SavedQuery> {
  checkParams(body.resource, user.role, body.params);
  const [{ n }] = await trx('saved_queries').where({ user_id: user.id, resource: body.resource }).count({ n: '*' });
  if (Number(n) >= MAX_PER_LIST) throw badRequest(`You keep at most ${MAX_PER_LIST} saved queries per list: delete one first`);
  const id = newId('savedQuery', Date.parse(actor.at));
  await trx('saved_queries').insert({
    id, user_id: user.id, resource: body.resource, name: body.name, params: JSON.stringify(body.params),
    shared: body.shared ?? false, created_at: actor.at, updated_at: actor.at,
  });
  return toSavedQuery(await visible(trx, user, id), user.id);
}

export async function updateSavedQuery(
  trx: Knex.Transaction, user: { id: string; role: Role }, id: string, body: z.infer<typeof SavedQueryUpdate>, actor: Actor,
): Promise<SavedQuery> {
  const row = await owned(trx, user, id);
  if (body.params) checkParams(row.resource, user.role, body.params);
  const changes: Record<string, unknown> = { updated_at: actor.at };
  if (body.name !== undefined) changes.name = body.name;
  if (body.params !== undefined) changes.params = JSON.stringify(body.params);
  if (body.shared !== undefined) changes.shared = body.shared;
  await trx('saved_queries').where({ id, user_id: user.id }).update(changes);
  return toSavedQuery(await visible(trx, user, id), user.id);
}

export async function deleteSavedQuery(trx: Knex.Transaction, user: { id: string }, id: string): Promise<void> {
  await owned(trx, user, id);
  await trx('saved_queries').where({ id, user_id: user.id }).delete();
}
