// One engine's benchmark: every list shape through HTTP (one user, then 16 at once) beside the
// same query run straight on the database, the first page under sustained load, and the stats
// endpoints when the server has them.
import { totpCode } from '../server/auth/mfa/totp.ts';
import { loadConfig } from '../server/config.ts';
import type { Db, Engine } from '../server/db/connect.ts';
import type { ResourceDefinition } from '../server/list/definition.ts';
import { fetchPage } from '../server/list/listQuery.ts';
import { parseListQuery } from '../server/list/parseListQuery.ts';
import { resources } from '../server/resources/index.ts';
import { listPath, listShapes, rawQuery, sampleRows, type ListShape } from '../server/scale/listShapes.ts';
import { DEMO_PASSWORD } from '../server/seed/seedDemo.ts';
import { BenchClient, percentile, timeConcurrent, timeSequential } from './httpClient.ts';

/** Resources that grow with payments get every shape; the others their first page. */
const FULL_SHAPES = new Set(['payments', 'intents', 'transactions', 'refunds']);

export interface Latency {
  p50: number;
  p95: number;
}

export interface ShapeResult {
  resource: string;
  shape: string;
  kind: ListShape['kind'];
  /** "1,234", or "> 10,000" when the total is capped. */
  total: string;
  http: Latency;
  perSecond: number;
  db: Latency;
}

export interface EndpointResult {
  endpoint: string;
  /** Null when the server has no such route (404). */
  http: Latency | null;
}

export interface EngineResult {
  engine: Engine;
  payments: number;
  measuredAt: string;
  loadAverage: number[];
  version: string;
  seed: { seconds: number | null; log: string[] };
  throughput: {
    clients: number; seconds: number; perSecond: number; errors: number; underLoad: Latency;
    /** CPU the server process spent per request: what the rate would be with a core to itself. */
    serverCpuMsPerRequest: number;
  };
  shapes: ShapeResult[];
  endpoints: EndpointResult[];
}

export interface MeasureOptions {
  samples: number;
  clients: number;
  burstSeconds: number;
  throughputSeconds: number;
  log: (line: string) => void;
}

const latency = (ms: number[]): Latency => ({ p50: percentile(ms, 50), p95: percentile(ms, 95) });
const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

export async function engineVersion(db: Db): Promise<string> {
  if (db.engine === 'sqlite') return `SQLite ${(await db.raw('select sqlite_version() as v'))[0].v}`;
  return `PostgreSQL ${(await db.raw('show server_version')).rows[0].server_version}`;
}

async function shapesToRun(db: Db): Promise<Array<{ def: ResourceDefinition; shape: ListShape }>> {
  const out: Array<{ def: ResourceDefinition; shape: ListShape }> = [];
  for (const { def } of resources) {
    const { rows, sample } = await sampleRows(db, def);
    const shapes = listShapes(def, sample, rows);
    for (const shape of FULL_SHAPES.has(def.name) ? shapes : shapes.filter((s) => s.kind === 'first page')) {
      out.push({ def, shape });
    }
  }
  return out;
}

export async function measureShapes(db: Db, client: BenchClient, opts: MeasureOptions): Promise<ShapeResult[]> {
  const results: ShapeResult[] = [];
  for (const { def, shape } of await shapesToRun(db)) {
    const path = listPath(def.name, shape.params);
    const first = await client.get(path, true);
    if (first.status !== 200) throw new Error(`${path} answered ${first.status}: ${first.body}`);
    const exact = first.headers['x-total-count-exact'] !== 'false';
    const total = `${exact ? '' : '> '}${Number(first.headers['x-total-count']).toLocaleString('en-US')}`;

    const http = await timeSequential(async () => (await client.get(path)).ms, opts.samples);
    const query = parseListQuery(def, rawQuery(shape.params));
    const direct = await timeSequential(async () => {
      const t = process.hrtime.bigint();
      await fetchPage(db, def, query);
      return ms(t);
    }, opts.samples);
    const burst = await timeConcurrent(() => client.get(path), opts.clients, opts.burstSeconds);
    const r: ShapeResult = {
      resource: def.name, shape: shape.name, kind: shape.kind, total,
      http: latency(http), perSecond: burst.perSecond, db: latency(direct),
    };
    opts.log(
      `  ${def.name.padEnd(12)} ${shape.name.slice(0, 58).padEnd(58)} p50 ${r.http.p50.toFixed(1).padStart(6)} p95 ${r.http.p95.toFixed(1).padStart(6)} ms` +
        `  ${Math.round(r.perSecond).toString().padStart(5)} req/s  db p95 ${r.db.p95.toFixed(1).padStart(6)} ms  total ${total}`,
    );
    results.push(r);
  }
  return results;
}

export async function measureThroughput(client: BenchClient, serverCpuMs: () => number, opts: MeasureOptions) {
  const path = listPath('payments', {});
  await timeConcurrent(() => client.get(path), opts.clients, 1); // warm-up
  const cpuBefore = serverCpuMs();
  const load = await timeConcurrent(() => client.get(path), opts.clients, opts.throughputSeconds);
  return {
    clients: opts.clients, seconds: load.seconds, perSecond: load.perSecond, errors: load.errors,
    underLoad: latency(load.latencies), serverCpuMsPerRequest: (serverCpuMs() - cpuBefore) / load.requests,
  };
}

/** The stats, search and report endpoints, over the seeded data's whole date range. */
export async function measureEndpoints(db: Db, client: BenchClient, opts: MeasureOptions): Promise<EndpointResult[]> {
  const span = await db('payments').min({ from: 'created_at' }).max({ to: 'created_at' }).first();
  const from = String(span?.from ?? '').slice(0, 10);
  const to = String(span?.to ?? '').slice(0, 10);
  const [merchant] = await db('payments').select<Array<{ merchant_id: string }>>('merchant_id')
    .groupBy('merchant_id').orderByRaw('count(*) desc').limit(1);
  const email = (await db('payments').orderBy('id').first('customer_email'))?.customer_email ?? 'ana';
  const endpoints = [
    `/api/stats/fees?from=${from}&to=${to}&interval=day`,
    `/api/stats/fees?from=${from}&to=${to}&interval=week`,
    `/api/stats/fees?from=${from}&to=${to}&interval=month`,
    `/api/stats/plans?from=${from}&to=${to}`,
    `/api/stats/overview`,
    `/api/stats/plan-comparison?merchant_id=${merchant?.merchant_id}`,
    `/api/reports/reconciliation?from=${from}&to=${to}&format=json`,
    `/api/search?q=${encodeURIComponent(String(email).slice(0, 8))}`,
  ];
  const out: EndpointResult[] = [];
  for (const endpoint of endpoints) {
    const first = await client.get(endpoint, true);
    if (first.status === 404) {
      out.push({ endpoint, http: null });
      opts.log(`  ${endpoint}: n/a (404)`);
      continue;
    }
    if (first.status !== 200) throw new Error(`${endpoint} answered ${first.status}: ${first.body}`);
    const http = latency(await timeSequential(async () => (await client.get(endpoint)).ms, Math.ceil(opts.samples / 2)));
    out.push({ endpoint, http });
    opts.log(`  ${endpoint}: p50 ${http.p50.toFixed(1)} p95 ${http.p95.toFixed(1)} ms`);
  }
  return out;
}

export async function signedInClient(base: URL, clients: number): Promise<BenchClient> {
  const client = new BenchClient(base, clients);
  // The demo admins are enrolled with DEMO_TOTP_SECRET (the seed ran with the defaults).
  await client.login('admin@example.com', DEMO_PASSWORD, totpCode(loadConfig().DEMO_TOTP_SECRET, Date.now()));
  return client;
}
