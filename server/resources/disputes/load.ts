// Reading a dispute for an action, and the refusal every action shares.
import type { Knex } from 'knex';
import { conflict, notFound } from '../../errors.ts';

export async function loadDispute(trx: Knex | Knex.Transaction, id: string) {
  const row = await trx('disputes').where('id', id).first();
  if (!row) throw notFound(`No dispute with id "${id}"`);
  return { ...row, amount: Number(row.amount) };
}

/** 409 unless the dispute still needs a response — the only state in which it can be worked. */
export function assertNeedsResponse(dispute: { status: string }, doing: string): void {
  if (dispute.status !== 'needs_response') {
    throw conflict(`This dispute is ${dispute.status.replace('_', ' ')}; ${doing} is only possible while it needs a response`);
  }
}

export async function changedMeanwhile(trx: Knex.Transaction, id: string) {
  const now = await trx('disputes').where('id', id).first('status');
  return conflict(`This dispute changed meanwhile and is now ${String(now?.status).replace('_', ' ')}; reload and try again`);
}
