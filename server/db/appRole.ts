// PostgreSQL least privilege (docs/security.md, "The database"): migrations run as the owner of
// the schema (MIGRATION_DATABASE_URL), the app as a role that owns nothing and may only read and
// write rows — on the audit table only SELECT and INSERT. Triggers can be switched off only by a
// table's owner (ALTER TABLE … DISABLE TRIGGER) or a superuser (session_replication_role), and
// TRUNCATE is a privilege of its own: the app role has none of these, so neither a bug nor a
// stolen app credential can rewrite the audit trail.
import type { Knex } from 'knex';
import type { Db } from './connect.ts';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Tables the app never touches: the migration tool's own. */
const MIGRATION_TABLES = ['knex_migrations', 'knex_migrations_lock'];
/** Append-only tables: the app may add rows and read them, nothing else. */
const APPEND_ONLY = ['audit'];

/** The role name a postgres:// URL signs in as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** Runs SQL that PostgreSQL builds itself with format(): identifiers (%I) and literals (%L) quoted by the server. */
async function exec(db: Knex, template: string, args: string[]): Promise<void> {
  const built = await db.raw(`select format(${['?::text', ...args.map(() => '?::text')].join(', ')}) as sql`, [template, ...args]);
  // knex reads every ? as a placeholder, even in a statement without bindings: escape them.
  await db.raw(String(built.rows[0].sql).replace(/\?/g, '\\?'));
}

/**
 * Creates the app's role, or brings an existing one back in line: signs in, owns nothing, no
 * superuser, cannot create roles, databases or tables, bypasses no row security; may connect to
 * this database and use its schema; then its table privileges (grantAppPrivileges). Run once by
 * `npm run db:app-role`, as the owner (MIGRATION_DATABASE_URL), which needs CREATEROLE for it.
 */
export async function ensureAppRole(owner: Db, role: string, opts: { password?: string } = {}): Promise<void> {
  const me = await whoAmI(owner, role);
  const exists = (await owner.raw('select 1 from pg_roles where rolname = ?', [role])).rows.length > 0;
  const attributes = 'login nosuperuser nocreatedb nocreaterole noreplication nobypassrls';
  await exec(owner, `${exists ? 'alter' : 'create'} role %I ${attributes}`, [role]);
  if (opts.password) await exec(owner, 'alter role %I password %L', [role, opts.password]);
  await exec(owner, 'grant connect on database %I to %I', [me.db, role]);
  await exec(owner, 'revoke create on database %I from %I', [me.db, role]);
  await exec(owner, 'grant usage on schema %I to %I', [me.schema, role]);
  await exec(owner, 'revoke create on schema %I from %I', [me.schema, role]);
  await grantAppPrivileges(owner, role);
}

async function whoAmI(owner: Db, role: string): Promise<{ me: string; schema: string; db: string }> {
  if (owner.engine !== 'pg') throw new Error('An app role is a PostgreSQL thing: SQLite has no roles');
  if (!ROLE_NAME.test(role)) throw new Error(`Role names are lower-case letters, digits and _ (got "${role}")`);
  const me = (await owner.raw('select current_user as me, current_schema() as schema, current_database() as db')).rows[0];
  if (role === me.me) throw new Error(`The app role must not be the owner (${role}) that runs the migrations`);
  return me;
}

/**
 * The app role's privileges on the tables, from nothing to exactly this: SELECT, INSERT, UPDATE
 * and DELETE on the app's tables, only SELECT and INSERT on the append-only ones, nothing on the
 * migration tool's, USAGE on sequences. Idempotent, and needs only the tables' owner: the app
 * runs it after migrating at every start (and `npm run db:migrate` after migrating), so a table
 * a migration adds gets its grants.
 */
export async function grantAppPrivileges(owner: Db, role: string): Promise<void> {
  const me = await whoAmI(owner, role);
  await owner.transaction(async (trx) => {
    await exec(trx, 'revoke all on all tables in schema %I from %I', [me.schema, role]);
    await exec(trx, 'grant select, insert, update, delete on all tables in schema %I to %I', [me.schema, role]);
    const tables = (await trx.raw('select tablename from pg_tables where schemaname = ?', [me.schema])).rows.map((r: { tablename: string }) => r.tablename);
    for (const t of MIGRATION_TABLES.filter((n) => tables.includes(n))) await exec(trx, 'revoke all on %I.%I from %I', [me.schema, t, role]);
    for (const t of APPEND_ONLY.filter((n) => tables.includes(n))) {
      await exec(trx, 'revoke all on %I.%I from %I', [me.schema, t, role]);
      await exec(trx, 'grant select, insert on %I.%I to %I', [me.schema, t, role]);
    }
    await exec(trx, 'grant usage, select on all sequences in schema %I to %I', [me.schema, role]);
  });
}
