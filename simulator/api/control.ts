// The test and control API under /_sim (same bearer token as the processor API): the record of
// executed operations, the event queue, the fault knobs, importing the world, making payments
// and payouts on demand, and moving the processor's timers forward. Tests and demos only; a real
// processor has nothing like it.
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { SimError, type SimContext } from '../context.ts';
import { applyFaultsPatch, FaultsPatch } from '../faults.ts';
import { createPayment, createPayout } from '../generator.ts';
import { importWorld } from '../importWorld.ts';
import { getRecord, type Kind } from '../records.ts';

/** Rows of the simulator's own tables (storage.ts), as these routes read them. */
interface OperationRow {
  idempotency_key: string; kind: string; object_id: string | null; route: string; request: string;
  status_code: number; response: string; outcome: string; request_id: string | null; created_at: string;
}
interface EventRow {
  seq: number; event_id: string; type: string; object_id: string; body: string; duplicate: boolean | number;
  attempts: number; delivered_at: number | null; last_status: number | null; last_error: string | null;
}
interface KindRow { kind: string }

export interface ControlHooks {
  /** Runs due tasks and delivers due events once; what the background loop does on each tick. */
  runDue: () => Promise<Record<string, number>>;
}

const KINDS = ['merchant', 'plan', 'intent', 'payment', 'refund', 'dispute', 'payout'] as const;

const Generate = z.strictObject({
  payments: z.number().int().min(0).max(10_000).default(0),
  payouts: z.number().int().min(0).max(1_000).default(0),
  merchant_id: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  amount: z.number().int().positive().optional(),
  card_brand: z.string().optional(),
  decline: z.boolean().optional(),
  manual: z.boolean().optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new SimError(400, r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

export function controlRoutes(ctx: SimContext, hooks: ControlHooks): Router {
  const r = Router();

  r.get('/operations', async (req: Request, res: Response) => {
    const q = parse(z.object({ kind: z.string().optional(), object_id: z.string().optional(), outcome: z.enum(['executed', 'unchanged', 'refused']).optional() }), req.query);
    const rows = await ctx.db<OperationRow>('sim_operations').modify((b) => {
      if (q.kind) b.where('kind', q.kind);
      if (q.object_id) b.where('object_id', q.object_id);
      if (q.outcome) b.where('outcome', q.outcome);
    }).orderByRaw('created_at, rowid'); // rowid: the order they were recorded in
    res.json({
      items: rows.map((o: OperationRow) => ({
        idempotency_key: o.idempotency_key, kind: o.kind, object_id: o.object_id, route: o.route, outcome: o.outcome,
        status_code: o.status_code, request: JSON.parse(o.request), response: JSON.parse(o.response),
        request_id: o.request_id, created_at: o.created_at,
      })),
    });
  });

  r.get('/events', async (req: Request, res: Response) => {
    const q = parse(z.object({
      type: z.string().optional(), object_id: z.string().optional(), delivered: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
    }), req.query);
    const rows = await ctx.db<EventRow>('sim_events').modify((b) => {
      if (q.type) b.where('type', q.type);
      if (q.object_id) b.where('object_id', q.object_id);
      if (q.delivered === 'true') b.whereNotNull('delivered_at');
      if (q.delivered === 'false') b.whereNull('delivered_at');
    }).orderBy('seq').limit(q.limit);
    res.json({
      items: rows.map((e: EventRow) => ({
        seq: e.seq, id: e.event_id, type: e.type, object_id: e.object_id, duplicate: Boolean(e.duplicate),
        attempts: e.attempts, delivered: e.delivered_at !== null, last_status: e.last_status, last_error: e.last_error,
        envelope: JSON.parse(e.body),
      })),
    });
  });

  r.get('/faults', (_req: Request, res: Response) => {
    res.json(ctx.faults);
  });
  r.post('/faults', (req: Request, res: Response) => {
    ctx.faults = applyFaultsPatch(ctx.faults, parse(FaultsPatch, req.body), ctx.now());
    ctx.log.info({ faults: ctx.faults }, 'fault knobs changed');
    res.json(ctx.faults);
  });

  r.post('/import', async (req: Request, res: Response) => {
    res.json(await importWorld(ctx, req.body ?? {}));
  });

  r.post('/generate', async (req: Request, res: Response) => {
    const g = parse(Generate, req.body);
    const payments = [];
    for (let i = 0; i < g.payments; i++) {
      const p = await createPayment(ctx, {
        merchantId: g.merchant_id, currency: g.currency, amount: g.amount, cardBrand: g.card_brand, decline: g.decline, manual: g.manual,
      });
      if (!p) throw new SimError(409, g.merchant_id ? `Unknown merchant ${g.merchant_id}` : 'No active merchant: import some first (POST /_sim/import)');
      payments.push(p);
    }
    const payouts = [];
    for (let i = 0; i < g.payouts; i++) {
      const p = await createPayout(ctx, { merchantId: g.merchant_id, currency: g.currency });
      if (p) payouts.push(p);
    }
    res.status(201).json({ payments, payouts });
  });

  // Moves every pending timer (tasks and queued events) this much closer, then runs what is due.
  r.post('/advance', async (req: Request, res: Response) => {
    const { ms } = parse(z.strictObject({ ms: z.number().int().min(0).max(365 * 86_400_000) }), req.body);
    await ctx.db.transaction(async (trx) => {
      await trx('sim_tasks').whereNull('done_at').update({ due_at: trx.raw('due_at - ?', [ms]) });
      await trx('sim_events').whereNull('delivered_at').update({ next_attempt_at: trx.raw('next_attempt_at - ?', [ms]) });
    });
    res.json(await hooks.runDue());
  });

  r.post('/run', async (_req: Request, res: Response) => {
    res.json(await hooks.runDue());
  });

  r.get('/state', async (_req: Request, res: Response) => {
    const count = async (q: Knex.QueryBuilder) => Number((await q.count({ n: '*' }).first()).n);
    const objects = await ctx.db<KindRow>('sim_objects').groupBy('kind').select('kind').count({ n: '*' });
    res.json({
      objects: Object.fromEntries(objects.map((o) => [o.kind, Number(o.n)])),
      operations: await count(ctx.db('sim_operations')),
      tasks_pending: Object.fromEntries(
        (await ctx.db<KindRow>('sim_tasks').whereNull('done_at').groupBy('kind').select('kind').count({ n: '*' })).map((t) => [t.kind, Number(t.n)]),
      ),
      events_queued: await count(ctx.db('sim_events').whereNull('delivered_at')),
      events_delivered: await count(ctx.db('sim_events').whereNotNull('delivered_at')),
      events_url: ctx.eventsUrl,
      faults: ctx.faults,
    });
  });

  r.get('/objects/:kind/:id', async (req: Request, res: Response) => {
    const { kind, id } = parse(z.object({ kind: z.enum(KINDS), id: z.string().max(60) }), req.params);
    const record = await getRecord(ctx.db, kind as Kind, id);
    if (!record) throw new SimError(404, `No ${kind} ${id}`);
    res.json(record);
  });

  return r;
}
