// bench/results.json keeps the last run of each engine; bench/results.md is rendered from it
// (plus bench/bundle.md, the SPA bundle sizes, when the build has written it), so running one
// engine again updates its half and leaves the other's numbers in place.
import fs from 'node:fs';
import os from 'node:os';
import type { Engine } from '../server/db/connect.ts';
import type { EngineResult, Latency } from './measureEngine.ts';
import { cpuMicrosPerRow, EXPORT_TARGETS, type ExportResult } from './measureExport.ts';
import { INGEST_TARGETS, type IngestResult } from './measureIngest.ts';
import { OUTBOX_TARGETS, type OutboxResult } from './measureOutbox.ts';
import { browserSection, type BrowserRun } from './reportBrowser.ts';

export const TARGETS = { listP95Ms: 50, firstPagePerSecond: 1000, statsMs: 200, seedSeconds: 120 };

export interface ExportRun extends ExportResult {
  payments: number;
  measuredAt: string;
  machine: string;
  loadAverage: number[];
}

/** Where and on what a processor benchmark ran. */
interface Stamp {
  payments: number;
  measuredAt: string;
  machine: string;
}
export type IngestRun = IngestResult & Stamp;
export type OutboxRun = OutboxResult & Stamp;

export interface Results {
  engines: Partial<Record<Engine, EngineResult & { machine: string }>>;
  /** The export benchmark per engine (`--only export` runs just this part). */
  exports?: Partial<Record<Engine, ExportRun>>;
  /** Signed processor events in, lists timed meanwhile (`--only ingest`). */
  ingest?: Partial<Record<Engine, IngestRun>>;
  /** Outbox deliveries to the simulator (`--only outbox`). */
  outbox?: Partial<Record<Engine, OutboxRun>>;
  /** The browser benchmark (`npm run bench:browser`). */
  browser?: BrowserRun;
}

const ENGINE_NAMES: Record<Engine, string> = { sqlite: 'SQLite', pg: 'PostgreSQL' };

export function machineDescription(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ` +
    `${os.type()} ${os.release()}, Node ${process.version}`;
}

export function readResults(file: string): Results {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
  } catch {
    return { engines: {} };
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const within = (l: Latency | null, limit: number) => l !== null && l.p95 <= limit;

function summary(results: Results): string[] {
  const lines = [
    '| engine | payments | measured | seed (`db:seed`) | first page, 16 clients | list shapes with p95 ≤ 50 ms | slowest list shape (p95) | stats endpoints ≤ 200 ms |',
    '|---|---:|---|---:|---:|---:|---|---:|',
  ];
  for (const [engine, r] of Object.entries(results.engines) as Array<[Engine, EngineResult]>) {
    const ok = r.shapes.filter((s) => s.http.p95 <= TARGETS.listP95Ms).length;
    const slowest = [...r.shapes].sort((a, b) => b.http.p95 - a.http.p95)[0];
    const stats = r.endpoints.filter((e) => e.endpoint.startsWith('/api/stats'));
    const statsPresent = stats.filter((e) => e.http);
    const seed = r.seed.seconds === null ? 'reused' : `${f1(r.seed.seconds)} s ${mark(r.seed.seconds <= TARGETS.seedSeconds)}`;
    lines.push(
      `| ${ENGINE_NAMES[engine]} | ${int(r.payments)} | ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC | ${seed} | ` +
        `${int(r.throughput.perSecond)} req/s ${mark(r.throughput.perSecond >= TARGETS.firstPagePerSecond)} | ` +
        `${ok} of ${r.shapes.length} ${mark(ok === r.shapes.length)} | ${slowest ? `${slowest.resource}: ${slowest.shape} (${f1(slowest.http.p95)} ms)` : '—'} | ` +
        `${statsPresent.length ? `${statsPresent.filter((e) => within(e.http, TARGETS.statsMs)).length} of ${statsPresent.length} ${mark(statsPresent.every((e) => within(e.http, TARGETS.statsMs)))}` : 'n/a (not on this branch)'} |`,
    );
  }
  return lines;
}

function shapeTable(engine: Engine, r: EngineResult & { machine: string }): string[] {
  const lines = [
    `### ${ENGINE_NAMES[engine]}: list shapes`,
    '',
    `${r.version}; ${int(r.payments)} payments; measured ${r.measuredAt} on ${r.machine}; load average at start ${r.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.`,
    '',
    '| resource | query shape | engine | total | p50 ms | p95 ms | req/s (16 clients) | database p50 ms | database p95 ms | p95 ≤ 50 |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|:-:|',
  ];
  for (const s of r.shapes) {
    lines.push(
      `| ${s.resource} | ${s.shape.replace(/\|/g, '\\|')} | ${ENGINE_NAMES[engine]} | ${s.total} | ${f1(s.http.p50)} | ${f1(s.http.p95)} | ${int(s.perSecond)} | ${f1(s.db.p50)} | ${f1(s.db.p95)} | ${mark(s.http.p95 <= TARGETS.listP95Ms)} |`,
    );
  }
  const t = r.throughput;
  lines.push(
    '',
    `**First page of payments, ${t.clients} concurrent keep-alive clients for ${f1(t.seconds)} s: ${int(t.perSecond)} req/s** ` +
      `(p50 ${f1(t.underLoad.p50)} ms, p95 ${f1(t.underLoad.p95)} ms under that load, ${t.errors} errors) — target ≥ ${int(TARGETS.firstPagePerSecond)} req/s ${mark(t.perSecond >= TARGETS.firstPagePerSecond)}. ` +
      (Number.isFinite(t.serverCpuMsPerRequest)
        ? `The server process spent ${t.serverCpuMsPerRequest.toFixed(2)} ms of CPU per request, i.e. ${int(1000 / t.serverCpuMsPerRequest)} req/s for each core it has to itself` +
          `${engine === 'pg' ? ' (PostgreSQL\u2019s own work is on top, in its processes)' : ''}.`
        : ''),
    '',
  );
  if (r.seed.seconds !== null) {
    lines.push(`Seed (\`npm run db:seed -- --payments ${r.payments}\`): **${f1(r.seed.seconds)} s** wall clock.`, '', '```', ...r.seed.log, '```', '');
  } else {
    lines.push('Seed: an existing database of this size was reused (no seed time measured in this run).', '');
  }
  return lines;
}

function endpointTable(results: Results): string[] {
  const lines = ['| endpoint | engine | p50 ms | p95 ms | ≤ 200 ms |', '|---|---|---:|---:|:-:|'];
  for (const [engine, r] of Object.entries(results.engines) as Array<[Engine, EngineResult]>) {
    for (const e of r.endpoints) {
      const limit = e.endpoint.startsWith('/api/stats') ? mark(within(e.http, TARGETS.statsMs)) : '';
      lines.push(
        e.http
          ? `| \`${e.endpoint}\` | ${ENGINE_NAMES[engine]} | ${f1(e.http.p50)} | ${f1(e.http.p95)} | ${limit} |`
          : `| \`${e.endpoint}\` | ${ENGINE_NAMES[engine]} | n/a | n/a | not on this branch (404) |`,
      );
    }
  }
  return lines;
}

function exportSection(results: Results): string[] {
  const runs = Object.entries(results.exports ?? {}) as Array<[Engine, ExportRun]>;
  if (runs.length === 0) return ['## Export of every payment', '', 'Not measured yet: `npm run bench -- --only export`.', ''];
  return [
    '## Export of every payment',
    '',
    `\`GET /api/payments/export?format=csv\` with no filter, streamed to the benchmark and counted, while one other client asks`,
    '`/api/health` every 10 ms (what everyone else feels during an export) and the server\u2019s resident memory (RSS) is',
    `sampled every 100 ms. Targets: ≤ ${EXPORT_TARGETS.seconds} s for 1,000,000 payments, flat memory, health p99 < ${EXPORT_TARGETS.healthP99Ms} ms.`,
    '**server CPU** is the CPU time the server process spent during the export: what the export takes with a core to',
    'itself. The machine is shared: with a load average above its 2 cores the server gets a fraction of a core, and the',
    'wall time and health latencies stretch accordingly — read them with the load average beside them.',
    '',
    '| engine | payments | measured | rows | size | time | server CPU | rows/s | server RSS before → peak → after | health requests | health p50 | health p99 | health max | load average at start |',
    '|---|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|',
    ...runs.map(([engine, r]) =>
      `| ${ENGINE_NAMES[engine]} | ${int(r.payments)} | ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC | ${int(r.rows)} | ${int(r.megabytes)} MiB | ` +
      `${f1(r.seconds)} s ${mark(r.seconds <= EXPORT_TARGETS.seconds * (r.payments / 1_000_000))} | ` +
      `${r.serverCpuSeconds == null ? '—' : `${f1(r.serverCpuSeconds)} s (${f1(cpuMicrosPerRow(r)!)} µs/row)`} | ${int(r.rowsPerSecond)} | ` +
      `${int(r.rssMiB.before)} → ${int(r.rssMiB.peak)} → ${int(r.rssMiB.after)} MiB | ${int(r.health.requests)}${r.health.errors ? ` (${r.health.errors} errors)` : ''} | ` +
      `${f1(r.health.p50)} ms | ${f1(r.health.p99)} ms ${mark(r.health.p99 < EXPORT_TARGETS.healthP99Ms)} | ${f1(r.health.max)} ms | ${r.loadAverage.map((l) => l.toFixed(2)).join(' / ')} |`),
    '',
    ...runs.map(([engine, r]) => `- ${ENGINE_NAMES[engine]}: ${r.machine}.`),
    '',
  ];
}

const counts = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k} ${int(n)}`).join(', ') || '—';
const load = (l: { start: number[]; end: number[] }) => `${l.start.map((x) => x.toFixed(2)).join(' / ')} → ${l.end.map((x) => x.toFixed(2)).join(' / ')}`;

function ingestSection(results: Results): string[] {
  const runs = Object.entries(results.ingest ?? {}) as Array<[Engine, IngestRun]>;
  const head = ['## Processor events in', ''];
  if (runs.length === 0) return [...head, 'Not measured yet: `npm run bench -- --only ingest`.', ''];
  const failedOrParked = (r: IngestRun) => (r.stored.failed ?? 0) + (r.stored.parked ?? 0) + (r.stored.received ?? 0) + (r.stored.missing ?? 0);
  return [
    ...head,
    'Signed events as the simulator makes them (new payments through capture and settlement, declines, manual captures',
    'and voids, refunds, disputes opened), each payment\u2019s events in order, POSTed to `/api/processor/events` by',
    'concurrent senders for the time shown, while one signed-in client asks the first page of payments and a filtered',
    `list (status and merchant) one after another. Targets: ≥ ${INGEST_TARGETS.eventsPerSecond} events/s applied, list p95 ≤ ${INGEST_TARGETS.listP95Ms} ms meanwhile.`,
    '**applied/s** counts the events found `applied` in processor_events afterwards; **server CPU per event** is what',
    'the server process spent per event sent (the rate with a core to itself is 1000 / that; PostgreSQL\u2019s own work is',
    'on top, in its processes); "less the lists" takes out the list requests\u2019 share, at what each cost when measured alone.',
    '',
    '| engine | payments | measured | senders | time | events sent | accepted/s | applied/s | not applied | server CPU per event | list requests | list p50 | list p95 | list max | load average (start → end) |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...runs.map(([engine, r]) =>
      `| ${ENGINE_NAMES[engine]} | ${int(r.payments)} | ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC | ${r.senders} | ${f1(r.seconds)} s | ${int(r.sent)} | ` +
      `${int(r.acceptedPerSecond)} | ${int(r.appliedPerSecond)} ${mark(r.appliedPerSecond >= INGEST_TARGETS.eventsPerSecond)} | ${int(failedOrParked(r))} ${mark(failedOrParked(r) === 0)} | ` +
      `${r.serverCpuMsPerEvent.toFixed(2)} ms${r.serverCpuMsPerEventNet === undefined ? '' : ` (${r.serverCpuMsPerEventNet.toFixed(2)} ms less the lists)`} | ${int(r.list.requests)}${r.list.errors ? ` (${r.list.errors} errors)` : ''} | ${f1(r.list.latency.p50)} ms | ` +
      `${f1(r.list.latency.p95)} ms ${mark(r.list.latency.p95 <= INGEST_TARGETS.listP95Ms)} | ${f1(r.list.max)} ms | ${load(r.loadAverage)} |`),
    '',
    ...runs.map(([engine, r]) => `- ${ENGINE_NAMES[engine]}: answers ${counts(r.answers)}; stored ${counts(r.stored)}; events made ${counts(r.types)}. ${r.machine}.`),
    '',
  ];
}

function outboxSection(results: Results): string[] {
  const runs = Object.entries(results.outbox ?? {}) as Array<[Engine, OutboxRun]>;
  const head = ['## Outbox deliveries out', ''];
  if (runs.length === 0) return [...head, 'Not measured yet: `npm run bench -- --only outbox`.', ''];
  return [
    ...head,
    'Refunds of seeded captured payments made by the refund service (money moved, outbox item written in the same',
    'transaction), committed together; then the server\u2019s outbox worker delivers them to the simulator (in the',
    'benchmark\u2019s process) and the time runs until none is pending. Target: ' +
      `≥ ${OUTBOX_TARGETS.itemsPerSecond} items/s. **attempts** above the item count are retries.`,
    '',
    '| engine | payments | measured | items | time | items/s | outcome | attempts | server CPU per item | simulator CPU per item | load average (start → end) |',
    '|---|---:|---|---:|---:|---:|---|---:|---:|---:|---|',
    ...runs.map(([engine, r]) =>
      `| ${ENGINE_NAMES[engine]} | ${int(r.payments)} | ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC | ${int(r.items)} | ${f1(r.seconds)} s | ` +
      `${int(r.itemsPerSecond)} ${mark(r.itemsPerSecond >= OUTBOX_TARGETS.itemsPerSecond)} | ${counts(r.statuses)} | ${int(r.attempts)} | ` +
      `${r.serverCpuMsPerItem.toFixed(2)} ms | ${r.simulatorCpuMsPerItem.toFixed(2)} ms | ${load(r.loadAverage)} |`),
    '',
    ...runs.map(([engine, r]) => `- ${ENGINE_NAMES[engine]}: ${r.machine}.`),
    '',
  ];
}

export function renderMarkdown(results: Results, bundle: string | null): string {
  const engines = Object.entries(results.engines) as Array<[Engine, EngineResult & { machine: string }]>;
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (cli/bench.ts); do not edit by hand. Targets (docs/scaling.md, "Targets"), on 1,000,000 payments: every list',
    `shape p95 ≤ ${TARGETS.listP95Ms} ms end to end through HTTP with its total, first page ≥ ${int(TARGETS.firstPagePerSecond)} req/s, stats endpoints ≤ ${TARGETS.statsMs} ms over`,
    `the whole range, seeding ≤ ${TARGETS.seedSeconds} s, SPA initial JavaScript ≤ 350 kB gzip.`,
    '',
    '## Summary',
    '',
    ...summary(results),
    '',
    '## How it is measured',
    '',
    '- The server is `server/main.ts` in its own process (logging every request at `info`, as in production, to /dev/null),',
    '  on a database seeded by `npm run db:seed`; the benchmark signs in and talks plain HTTP/1.1 over keep-alive sockets.',
    '- **p50 / p95**: one client, requests one after another (50 per shape after 3 warm-up requests), end to end: request',
    '  sent → whole body received. **req/s**: 16 concurrent clients for a second on the same shape.',
    '- **database p50 / p95**: the same page and total computed by the list engine (`fetchPage`) directly on the database',
    '  from the benchmark process: the difference to the HTTP columns is the HTTP, session and JSON overhead.',
    '- **total** is what `X-Total-Count` said; "> 10,000" means the total was capped (`X-Total-Count-Exact: false`,',
    '  see docs/scaling.md): counting is bounded by 10,001 index entries whatever the table size.',
    '- Shapes come from the resource definitions (server/scale/listShapes.ts): the first page, each filter at a typical value',
    '  from the middle of the table, a range on each ordered field, each sortable column, each kind of `q`, and page 400.',
    '  Payments, intents, ledger transactions and refunds (the tables that grow with payments) get every shape; the other',
    '  resources their first page.',
    '- The machine is shared (other work was running during these measurements; see the load average per engine), so',
    '  single numbers are noisy; re-run with `npm run bench` for current figures.',
    '',
    '## List shapes',
    '',
    ...engines.flatMap(([engine, r]) => shapeTable(engine, r)),
    '## Stats, search and report endpoints',
    '',
    'Over the seeded data\u2019s whole date range. "n/a" when the server measured did not have the route yet.',
    '',
    ...endpointTable(results),
    '',
    ...exportSection(results),
    ...ingestSection(results),
    ...outboxSection(results),
    ...browserSection(results.browser),
    ...(bundle ? ['## SPA bundle', '', bundle.replace(/^## .*\n/, '').trim(), ''] : ['## SPA bundle', '', 'bench/bundle.md was not present when this was written (the SPA build writes it).', '']),
  ].join('\n');
}
