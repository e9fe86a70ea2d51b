// The events the ingest benchmark sends (bench/measureIngest.ts), made by the processor simulator
// itself — its generator, its refund operation and its lifecycle tasks — so they are exactly what
// a processor sends: new payments (payment_intent.created, payment.authorized, then
// payment.captured and payment.settled, or payment.failed, or a manual capture or void), refunds
// (refund.succeeded / refund.failed) and the odd dispute.opened, for the back office's own merchants.
// Made before the clock starts, in a simulator of the benchmark's own that never delivers them.
import type { Db } from '../server/db/connect.ts';
import { createRng } from '../server/seed/random.ts';
import { createRefund } from '../simulator/api/operations.ts';
import { readBackOfficeWorld } from '../simulator/backOffice.ts';
import { testSimulatorConfig } from '../simulator/config.ts';
import { createPayment } from '../simulator/generator.ts';
import { runDueTasks } from '../simulator/lifecycle.ts';
import { newId } from '../shared/ids.ts';
import { Simulator } from '../simulator/simulator.ts';

export interface StreamEvent {
  id: string;
  type: string;
  body: string;
}

/** Events grouped per payment (its intent): each chain must be sent in order, chains in any order. */
export interface EventStream {
  chains: StreamEvent[][];
  events: number;
  types: Record<string, number>;
}

/** Of the captured payments, this share gets a refund of half its amount. */
const REFUND_SHARE = 0.25;

/** At least `events` events, on as many new payments as that takes. */
export async function buildEventStream(db: Db, events: number, seed = 20261130): Promise<EventStream> {
  const random = createRng(seed);
  const sim = await Simulator.create({
    random,
    config: testSimulatorConfig({
      // Everything that happens later happens at once, so whole lifecycles are in the stream.
      SIMULATOR_SETTLE_AFTER_MS: 0, SIMULATOR_REFUND_AFTER_MS: 0, SIMULATOR_MANUAL_CAPTURE_AFTER_MS: 0, SIMULATOR_DISPUTE_AFTER_MS: 0,
    }),
  });
  try {
    const world = await readBackOfficeWorld(db);
    await sim.import({ plans: world.plans, merchants: world.merchants });
    const ctx = sim.ctx;
    const count = async () => Number((await ctx.db('sim_events').count({ n: '*' }).first())?.n ?? 0);
    const drainTasks = async () => {
      while ((await runDueTasks(ctx, 500)) > 0) { /* next batch */ }
    };
    // About 3.8 events per payment with its refund share; make them in rounds until there are enough.
    while ((await count()) < events) {
      const round = Math.max(50, Math.ceil((events - (await count())) / 3.8));
      const captured: Array<{ id: string; amount: number }> = [];
      for (let i = 0; i < round; i++) {
        const p = await createPayment(ctx);
        if (!p) throw new Error('the benchmark database has no active merchant to make payments for');
        if (p.status === 'captured') captured.push(p);
      }
      await drainTasks(); // settlements, manual captures and voids, disputes
      const disputed = new Set((await ctx.db('sim_objects').where('kind', 'dispute').select('record')).map((r) => JSON.parse(r.record).payment_id));
      for (const p of captured) {
        if (disputed.has(p.id) || random() >= REFUND_SHARE) continue;
        await ctx.db.transaction((trx) =>
          createRefund.run(trx, ctx, { refundId: newId('refund'), chargeId: p.id, amount: Math.max(1, Math.floor(p.amount / 2)) }, {}));
      }
      await drainTasks(); // the refunds' outcomes
    }
    const rows: Array<{ event_id: string; type: string; body: string }> = await ctx.db('sim_events').orderBy('seq').select('event_id', 'type', 'body');
    const chainOf = new Map<string, StreamEvent[]>();
    const intentOfPayment = new Map<string, string>();
    const types: Record<string, number> = {};
    for (const row of rows) {
      const data = JSON.parse(row.body).data as { id: string; intent_id?: string; payment_id?: string };
      if (row.type.startsWith('payment.') && data.intent_id) intentOfPayment.set(data.id, data.intent_id);
      const key = data.intent_id ?? (data.payment_id && intentOfPayment.get(data.payment_id)) ?? data.id;
      if (!chainOf.has(key)) chainOf.set(key, []);
      chainOf.get(key)!.push({ id: row.event_id, type: row.type, body: row.body });
      types[row.type] = (types[row.type] ?? 0) + 1;
    }
    return { chains: [...chainOf.values()], events: rows.length, types };
  } finally {
    await sim.stop();
  }
}
