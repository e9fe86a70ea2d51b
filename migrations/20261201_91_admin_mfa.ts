// Two-factor sign-in (docs/security.md, "Two-factor authentication"):
//   users.totp_secret        the TOTP secret, encrypted (server/auth/mfa/secretBox.ts); null: never enrolled
//   users.totp_confirmed_at  when enrolment was confirmed with a first code; null: enrolment pending
//   users.totp_last_step     the last 30-second step whose code was accepted: a code is accepted only
//                            for a later step, so none is used twice (RFC 6238 §5.2)
//   sessions.verified_at     the last time this session proved the second factor (sign-in or step-up)
//   mfa_recovery_codes       one-time codes, only their SHA-256; used_at set once, by a conditional update
import type { Knex } from 'knex';

const ID = 40;
const TS = 24;
const isPg = (knex: Knex) => String(knex.client.config.client).startsWith('p');

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.string('totp_secret', 200);
    t.string('totp_confirmed_at', TS);
    t.bigInteger('totp_last_step');
  });
  await knex.schema.alterTable('sessions', (t) => {
    t.string('verified_at', TS);
  });
  await knex.schema.createTable('mfa_recovery_codes', (t) => {
    t.string('code_hash', 64).primary();
    t.string('user_id', ID).notNullable().references('users.id');
    t.string('created_at', TS).notNullable();
    t.string('used_at', TS);
    t.index(['user_id']);
  });
  if (isPg(knex)) {
    // Byte order, like every text column (20261123_06_pg_text_byte_order).
    for (const [table, column, type] of [
      ['users', 'totp_secret', 'varchar(200)'], ['users', 'totp_confirmed_at', `varchar(${TS})`],
      ['sessions', 'verified_at', `varchar(${TS})`], ['mfa_recovery_codes', 'code_hash', 'varchar(64)'],
      ['mfa_recovery_codes', 'user_id', `varchar(${ID})`], ['mfa_recovery_codes', 'created_at', `varchar(${TS})`],
      ['mfa_recovery_codes', 'used_at', `varchar(${TS})`],
    ]) {
      await knex.raw(`alter table ?? alter column ?? type ${type} collate "C"`, [table, column]);
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('mfa_recovery_codes');
  await knex.schema.alterTable('sessions', (t) => t.dropColumn('verified_at'));
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('totp_secret');
    t.dropColumn('totp_confirmed_at');
    t.dropColumn('totp_last_step');
  });
}
