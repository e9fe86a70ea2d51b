// Saved queries: a list's filter, sort and page size under a name, kept per user on the server
// (they lived in one browser's localStorage), and optionally shared with the team — every user
// sees a shared one, only its owner changes or deletes it (server/savedQueries/). On PostgreSQL
// the text columns compare by bytes, as every other table's (migration 20261123_06).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.createTable('saved_queries', (t) => {
    const text = (name: string, length: number) => (pg ? t.specificType(name, `varchar(${length}) collate "C"`) : t.string(name, length));
    text('id', 40).primary();
    text('user_id', 40).notNullable().references('users.id');
    text('resource', 40).notNullable();
    text('name', 100).notNullable();
    /** {filter, sort, order, perPage, displayedFilters}: the list's URL parameters, as JSON. */
    t.text('params').notNullable();
    t.boolean('shared').notNullable().defaultTo(false);
    text('created_at', 24).notNullable();
    text('updated_at', 24).notNullable();
    // A user's own queries of a list, and the team's shared ones of it.
    t.index(['user_id', 'resource']);
    t.index(['resource', 'shared']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('saved_queries');
}
