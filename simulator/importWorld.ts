// What the processor is told about the world it joins: the back office's merchants and plans (so
// new payments belong to them and are priced with their plans; known ones are updated), and the
// objects still in flight (pending refunds, payouts awaiting a decision or being paid, open
// disputes; objects it already knows are left as they are). With `finish`, the ones left
// half-way — a refund pending, a payout processing, a response under review — get their outcome
// later like any other, so nothing in a demo waits forever.
import type { Knex } from 'knex';
import { z } from 'zod';
import type { SimContext } from './context.ts';
import { schedule } from './lifecycle.ts';
import { adoptRecord, putRecord, type Kind, type RecordKinds } from './records.ts';
import { raiseCounter } from './storage.ts';

const withId = z.looseObject({ id: z.string().min(1).max(60) });

export const World = z.strictObject({
  plans: z.array(z.looseObject({
    id: z.string().min(1), plan_type: z.enum(['FLAT_RATE', 'INTERCHANGE_PLUS', 'TIERED']), percent_bps: z.number().int(),
    fixed_fee: z.number().int(), currency: z.string().length(3),
  })).default([]),
  merchants: z.array(z.looseObject({
    id: z.string().min(1), status: z.string(), plan_id: z.string().min(1), default_currency: z.string().length(3),
  })).default([]),
  payments: z.array(withId).default([]),
  refunds: z.array(withId).default([]),
  disputes: z.array(withId).default([]),
  payouts: z.array(withId).default([]),
  finish: z.boolean().default(false),
  /** Merchants not in `merchants` are forgotten (the back office's list is the whole list). */
  replace_merchants: z.boolean().default(false),
});
export type World = z.input<typeof World>;

export interface ImportCounts {
  plans: number;
  merchants: number;
  payments: number;
  refunds: number;
  disputes: number;
  payouts: number;
  /** In-flight objects given an outcome to come. */
  finishing: number;
}

/** The processor knows only these payout states; the back office's approval steps are its own. */
export const PAYOUT_STATE: Record<string, string> = {
  pending: 'pending', pending_second_approval: 'pending', approved: 'processing', processing: 'processing',
};

/**
 * A row of the back office's as the processor's record of that kind. World checks the ids (and
 * the fields pricing reads) only: the rest is the back office's own data, kept as it came.
 */
const asRecord = <K extends Kind>(_kind: K, row: { id: string }) => row as unknown as RecordKinds[K];

export async function importWorld(ctx: SimContext, input: World): Promise<ImportCounts> {
  const world = World.parse(input);
  const counts: ImportCounts = { plans: 0, merchants: 0, payments: 0, refunds: 0, disputes: 0, payouts: 0, finishing: 0 };
  const adopt = async (trx: Knex, kind: Kind, rows: Array<{ id: string } & Record<string, unknown>>, key: keyof ImportCounts) => {
    const fresh: typeof rows = [];
    for (const row of rows) if (await adoptRecord(trx, kind, asRecord(kind, row))) fresh.push(row);
    counts[key] += fresh.length;
    return fresh;
  };
  await ctx.db.transaction(async (trx) => {
    // Plans and merchants follow the back office (a merchant suspended there gets no new payments).
    for (const [kind, rows, key] of [['plan', world.plans, 'plans'], ['merchant', world.merchants, 'merchants']] as const) {
      for (const row of rows) {
        if (!(await adoptRecord(trx, kind, asRecord(kind, row)))) await putRecord(trx, kind, asRecord(kind, row));
        else counts[key]++;
      }
    }
    if (world.replace_merchants) {
      await trx('sim_objects').where('kind', 'merchant').whereNotIn('id', world.merchants.map((m) => m.id)).delete();
    }
    await adopt(trx, 'payment', world.payments, 'payments');
    const refunds = await adopt(trx, 'refund', world.refunds, 'refunds');
    const disputes = await adopt(trx, 'dispute', world.disputes, 'disputes');
    const payouts = await adopt(trx, 'payout', world.payouts.map((p) => ({ ...p, status: PAYOUT_STATE[String(p.status)] ?? p.status })), 'payouts');
    const numbers = payouts.map((p) => Number(p.payout_number)).filter(Number.isFinite);
    if (numbers.length) await raiseCounter(trx, 'payout_number', Math.max(...numbers));
    if (!world.finish) return;
    for (const r of refunds.filter((r) => r.status === 'pending')) {
      await schedule(trx, ctx, 'refund.complete', r.id, ctx.config.SIMULATOR_REFUND_AFTER_MS);
      counts.finishing++;
    }
    for (const p of payouts.filter((p) => p.status === 'processing')) {
      await schedule(trx, ctx, 'payout.complete', p.id, ctx.config.SIMULATOR_PAYOUT_AFTER_MS);
      counts.finishing++;
    }
    for (const d of disputes.filter((d) => d.status === 'under_review')) {
      await schedule(trx, ctx, 'dispute.decide', d.id, ctx.config.SIMULATOR_DISPUTE_DECISION_AFTER_MS);
      counts.finishing++;
    }
  });
  return counts;
}
