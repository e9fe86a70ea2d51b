// payments.amount_charged_back: the sum of the payment's disputes that are not won (open, lost or
// accepted) — what the cardholder has got or will get back through the card network. A refund
// may only take what neither a refund nor such a dispute has taken already:
//   amount_refunded + amount_charged_back <= amount
// Keeping the sum on the payment row (rather than summing disputes in a subquery) puts both sides
// of that rule on one row: a refund and a dispute opening each move it with a conditional UPDATE,
// so on PostgreSQL the second one waits for the first and re-checks the condition against the
// committed row (a subquery would be re-checked against its old snapshot and miss the other's
// dispute). docs/money.md, "Refunds and disputes".
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('payments', (t) => {
    t.bigInteger('amount_charged_back').notNullable().defaultTo(0);
  });
  // Only the (few) payments that have disputes: one indexed pass, not a scan of every payment.
  await knex('payments')
    .whereIn('id', knex('disputes').whereNot('status', 'won').distinct('payment_id'))
    .update({
      // knex sets a column from a subquery, "(select sum(...) ...)", but its types only accept
      // a value or a raw: the subquery is passed through as the value it computes.
      amount_charged_back: knex('disputes')
        .whereRaw('disputes.payment_id = payments.id')
        .whereNot('status', 'won')
        .sum('amount') as unknown as number,
    });
}

export async function down(knex: Knex): Promise<void> {
  // Plain ALTER TABLE on both engines (SQLite ≥ 3.35): knex would rebuild the SQLite table,
  // and with it lose the triggers that other migrations put on payments.
  await knex.raw('alter table payments drop column amount_charged_back');
}
