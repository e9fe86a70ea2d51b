// Payout decisions (docs/money.md, "Payouts"). pending → processing; at or above the dual-approval
// amount, pending → pending_second_approval → processing by a second, different admin. The debit
// happens exactly once, at the final approval, in the same transaction as the state change that
// only one racing request can win, and as the outbox item asking the processor to pay it
// (docs/processor.md). Declines need a reason, never touch the ledger (nothing was debited) and
// tell the processor too. A payout that fails afterwards gets its debit credited back.
import type { Knex } from 'knex';
import { z } from 'zod';
import { formatMoney } from '../../../shared/currencies.ts';
import { OPEN_PAYOUT_STATUSES } from '../../../shared/enums.ts';
import { writeAudit } from '../../audit/audit.ts';
import { transition } from '../../db/transition.ts';
import { conflict, notFound } from '../../errors.ts';
import { availableBalance, creditPayoutFailed, debitPayout } from '../../ledger/movements.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import type { Actor } from '../actor.ts';
import { assertIndependentApprovers } from '../adminGrants/independence.ts';
import { assertStillAdmin } from '../users/activeAdmins.ts';
import { approvalsRequired } from './review.ts';

export interface Approval {
  user_id: string;
  at: string;
}

export const PayoutDecline = z.object({
  reason: z.string({ error: 'A reason is required to decline a payout' }).trim()
    .min(1, 'A reason is required to decline a payout').max(500),
});

const OPEN = OPEN_PAYOUT_STATUSES;

interface Payout {
  id: string;
  merchant_id: string;
  currency: string;
  amount: number;
  payout_number: number;
  status: string;
  approvals: Approval[];
}

async function loadPayout(trx: Knex.Transaction, id: string): Promise<Payout> {
  const row = await trx('payouts').where('id', id).first('id', 'merchant_id', 'currency', 'amount', 'payout_number', 'status', 'approvals');
  if (!row) throw notFound(`No payout with id "${id}"`);
  return { ...row, amount: Number(row.amount), approvals: JSON.parse(row.approvals ?? '[]') };
}

const changedMeanwhile = async (trx: Knex.Transaction, id: string) => {
  const now = await trx('payouts').where('id', id).first('status');
  return conflict(`This payout changed meanwhile and is now ${now?.status}; reload and try again`);
};

/** One admin's approval. Returns the payout's new status. */
export async function approvePayout(
  trx: Knex.Transaction, id: string, actor: Actor, opts: { dualApprovalMinor: number },
): Promise<string> {
  await assertStillAdmin(trx, actor.id);
  const payout = await loadPayout(trx, id);
  if (!(OPEN as readonly string[]).includes(payout.status)) {
    throw conflict(`This payout is ${payout.status}; only pending payouts can be approved`);
  }
  if (payout.approvals.some((a) => a.user_id === actor.id)) {
    throw conflict('You have already approved this payout; a second, different admin must approve it');
  }
  const approvals = [...payout.approvals, { user_id: actor.id, at: actor.at }];
  const needsTwo = approvalsRequired(payout.amount, { PAYOUT_DUAL_APPROVAL_MINOR: opts.dualApprovalMinor }) === 2;
  const final = !needsTwo || payout.status === 'pending_second_approval';

  if (!final) {
    // A first approval moves no money, but approving what the balance cannot cover helps nobody.
    const available = await availableBalance(trx, payout.merchant_id, payout.currency);
    if (available < payout.amount) throw insufficient(payout, available);
    const won = await transition(trx, 'payouts', id, ['pending'], {
      status: 'pending_second_approval', approvals: JSON.stringify(approvals), updated_at: actor.at,
    });
    if (!won) throw await changedMeanwhile(trx, id);
    await writeAudit(trx, {
      actorId: actor.id, action: 'payout.first_approval', entity: 'payouts', entityId: id,
      detail: { amount: payout.amount, currency: payout.currency, from: 'pending', to: 'pending_second_approval' },
      ip: actor.ip, at: actor.at,
    });
    return 'pending_second_approval';
  }

  // Two approvals count only from two people: not from an account the other approver created or
  // made an admin (docs/security.md, "Dual control").
  await assertIndependentApprovers(trx, actor.id, payout.approvals.map((a) => a.user_id));
  const won = await transition(trx, 'payouts', id, [payout.status], {
    status: 'processing', approvals: JSON.stringify(approvals), decided_by: actor.id, decided_at: actor.at, updated_at: actor.at,
  });
  if (!won) throw await changedMeanwhile(trx, id);
  try {
    await debitPayout(trx, payout, actor.at);
  } catch (err) {
    // The conditional debit's 409 rolls the approval back with it; say by how much it falls short.
    if ((err as { status?: unknown } | null)?.status === 409) throw insufficient(payout, await availableBalance(trx, payout.merchant_id, payout.currency));
    throw err;
  }
  await writeAudit(trx, {
    actorId: actor.id, action: 'payout.approved', entity: 'payouts', entityId: id,
    detail: { amount: payout.amount, currency: payout.currency, from: payout.status, to: 'processing', approvals: approvals.length },
    ip: actor.ip, at: actor.at,
  });
  await enqueue(trx, {
    kind: 'payout.approve', objectId: id, requestId: actor.requestId, at: actor.at, payload: { transactionId: id },
  });
  return 'processing';
}

export async function declinePayout(trx: Knex.Transaction, id: string, reason: string, actor: Actor): Promise<void> {
  await assertStillAdmin(trx, actor.id);
  const payout = await loadPayout(trx, id);
  if (!(OPEN as readonly string[]).includes(payout.status)) {
    throw conflict(`This payout is ${payout.status}; only pending payouts can be declined`);
  }
  const won = await transition(trx, 'payouts', id, OPEN, {
    status: 'declined', decline_reason: reason, decided_by: actor.id, decided_at: actor.at, updated_at: actor.at,
  });
  if (!won) throw await changedMeanwhile(trx, id);
  await writeAudit(trx, {
    actorId: actor.id, action: 'payout.declined', entity: 'payouts', entityId: id,
    detail: { amount: payout.amount, currency: payout.currency, from: payout.status, reason }, ip: actor.ip, at: actor.at,
  });
  await enqueue(trx, {
    kind: 'payout.decline', objectId: id, requestId: actor.requestId, at: actor.at, payload: { transactionId: id },
  });
}

/** Payouts whose money has left the balance and that can still fail (the seed's history has `approved` ones). */
const IN_FLIGHT = ['approved', 'processing'] as const;

/**
 * A payout the processor could not pay — it reported `payout.failed`, or refused the approval
 * outright — fails, and its debit is credited back in the same transaction (docs/money.md).
 * False when it was no longer in flight (paid, failed already): nothing happens.
 */
export async function failPayout(
  trx: Knex.Transaction, id: string, reason: string, actor: { id: string | null; ip?: string | null; at: string },
): Promise<boolean> {
  const payout = await loadPayout(trx, id);
  if (!(await transition(trx, 'payouts', id, IN_FLIGHT, { status: 'failed', updated_at: actor.at }))) return false;
  await creditPayoutFailed(trx, payout, actor.at);
  await writeAudit(trx, {
    actorId: actor.id, action: 'payout.failed', entity: 'payouts', entityId: id,
    detail: { amount: payout.amount, currency: payout.currency, from: payout.status, to: 'failed', reason: reason.slice(0, 500), credited: true },
    ip: actor.ip ?? null, at: actor.at,
  });
  return true;
}

function insufficient(payout: { amount: number; currency: string }, available: number) {
  const money = (n: number) => formatMoney(n, payout.currency, 'en-US');
  return conflict(`The merchant\u2019s available balance (${money(available)}) does not cover this payout of ${money(payout.amount)}`);
}
