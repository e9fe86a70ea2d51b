// Dual control over who becomes an admin (docs/security.md, "Dual control"). Creating an admin,
// promoting a user to admin and re-enabling a disabled admin are requests — rows of
// `admin_grants` — that take effect only when a second, different admin approves them; until
// then the account is not an active admin. `users.created_by` keeps who created each account
// (they chose its first password): a payout's two approvals must not come from an account and the
// admin who created it, or who asked for it to become an admin.
import type { Knex } from 'knex';

const ID = 40;
const TS = 24;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('admin_grants', (t) => {
    t.string('id', ID).primary();
    t.string('user_id', ID).notNullable().references('users.id');
    /** create | promote | enable — what the request is, for people reading it. */
    t.string('kind', 20).notNullable();
    /** JSON of the user's fields the approval sets: {"role":"admin"} and/or {"disabled":false}. */
    t.string('changes', 200).notNullable();
    /** pending | approved | rejected | cancelled (superseded by another change to the user). */
    t.string('status', 20).notNullable();
    t.string('requested_by', ID).notNullable().references('users.id');
    t.string('requested_at', TS).notNullable();
    t.string('decided_by', ID).references('users.id');
    t.string('decided_at', TS);
    t.index(['status', 'requested_at', 'id']);
    t.index(['user_id', 'status']);
    t.index(['requested_by', 'status']);
  });
  // No foreign key: SQLite can drop a plain column in place (down), not one a constraint names.
  await knex.schema.alterTable('users', (t) => {
    t.string('created_by', ID);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table users drop column created_by');
  await knex.schema.dropTableIfExists('admin_grants');
}
