// The outbox benchmark (docs/scaling.md, "Targets"): K refunds of seeded captured payments are
// made by the refund service itself (resources/refunds/service.ts: the money moves, an outbox item
// is written in the same transaction), all committed at once; then the running server's outbox
// worker delivers them to the simulator (bench/benchSimulator.ts) and the benchmark watches the
// depth until none of them is pending. Target: ≥ 200 items/s.
import os from 'node:os';
import type { Db } from '../server/db/connect.ts';
import { createRefund } from '../server/resources/refunds/service.ts';

export const OUTBOX_TARGETS = { itemsPerSecond: 200 };

export interface OutboxResult {
  items: number;
  /** Seconds from the commit of the items to the last of them leaving `pending`. */
  seconds: number;
  itemsPerSecond: number;
  /** Seconds the refund service took to write them (one transaction, from the benchmark process). */
  enqueueSeconds: number;
  /** outbox rows by status afterwards. */
  statuses: Record<string, number>;
  /** Delivery attempts made (more than the items: some were retried). */
  attempts: number;
  serverCpuMsPerItem: number;
  /** CPU of the benchmark process meanwhile: the simulator answering, mostly. */
  simulatorCpuMsPerItem: number;
  loadAverage: { start: number[]; end: number[] };
}

export async function measureOutbox(opts: {
  db: Db;
  server: { cpuMs: () => number };
  items: number;
  log: (line: string) => void;
}): Promise<OutboxResult> {
  const { db } = opts;
  const admin = await db('users').where('email', 'admin@example.com').first('id');
  if (!admin) throw new Error('the benchmark database has no admin@example.com (seed it with DEMO_SEED=true)');
  const payments: Array<{ id: string }> = await db('payments')
    .where({ status: 'captured', amount_refunded: 0, amount_charged_back: 0 }).orderBy('id', 'desc').limit(opts.items).select('id');
  if (payments.length < opts.items) throw new Error(`only ${payments.length} captured payments without refunds to refund`);
  // One timestamp for all of them: it is also how their outbox rows are found again.
  const at = new Date().toISOString();
  const enqueueStarted = Date.now();
  await db.transaction(async (trx) => {
    for (const p of payments) await createRefund(trx, { payment_id: p.id, reason: 'requested_by_customer' }, { id: admin.id, ip: null, at });
  });
  const enqueueSeconds = (Date.now() - enqueueStarted) / 1000;
  const loadStart = os.loadavg();
  const cpuBefore = opts.server.cpuMs();
  const ownBefore = process.cpuUsage();
  const started = Date.now();
  const ours = () => db('outbox').where('created_at', at);
  const pending = async () => Number((await ours().clone().where('status', 'pending').count({ n: '*' }).first())?.n ?? 0);
  let left = opts.items;
  let lastLog = started;
  while ((left = await pending()) > 0) {
    if (Date.now() - started > 600_000) throw new Error(`${left} outbox items still pending after 10 minutes`);
    if (Date.now() - lastLog >= 2000) {
      opts.log(`  ${left} pending after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      lastLog = Date.now();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (Date.now() - started) / 1000;
  const own = process.cpuUsage(ownBefore);
  const serverCpuMs = opts.server.cpuMs() - cpuBefore;
  const rows = await ours().clone().groupBy('status').select('status').count({ n: '*' }).sum({ attempts: 'attempts' });
  const statuses = Object.fromEntries(rows.map((r: { status?: unknown; n?: unknown }) => [String(r.status), Number(r.n)]));
  const attempts = rows.reduce((s: number, r: { attempts?: unknown }) => s + Number(r.attempts), 0);
  const r: OutboxResult = {
    items: opts.items, seconds, itemsPerSecond: opts.items / seconds, enqueueSeconds, statuses, attempts,
    serverCpuMsPerItem: serverCpuMs / opts.items, simulatorCpuMsPerItem: (own.user + own.system) / 1000 / opts.items,
    loadAverage: { start: loadStart, end: os.loadavg() },
  };
  opts.log(
    `  ${r.items} refunds written in ${enqueueSeconds.toFixed(1)} s, delivered in ${seconds.toFixed(1)} s: ${Math.round(r.itemsPerSecond)} items/s; ` +
      `${JSON.stringify(statuses)}, ${attempts} attempts; server ${r.serverCpuMsPerItem.toFixed(2)} ms CPU per item, ` +
      `simulator ${r.simulatorCpuMsPerItem.toFixed(2)} ms; load average ${loadStart.map((l) => l.toFixed(2)).join(' / ')}`,
  );
  return r;
}
