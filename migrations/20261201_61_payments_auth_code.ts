// An index on payments.auth_code: support finds a payment by the authorisation code a cardholder
// reads off a bank statement, through `q` on the payments list and the app-bar search
// (server/list/search.ts, search.authCode). Without it that `q` would read every payment
// (docs/scaling.md: `q` never scans).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index "payments_auth_code_index" on "payments" ("auth_code")');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index "payments_auth_code_index"');
}
