// npm run bench -- [--payments 1000000] [--engines sqlite,pg] [--pg-url postgres://…/kbo_bench]
//                  [--sqlite-file data/bench.sqlite3] [--reseed] [--keep] [--samples 50]
//                  [--burst 1] [--duration 10] [--only export|ingest|outbox]
//                  [--ingest-seconds 20] [--senders 8] [--outbox-items 2000]
//
// The performance benchmark of docs/scaling.md. For each engine: a database of the size asked
// (seeded by `npm run db:seed`, timed; reused when it already holds that many payments), the
// real server in a child process, every list shape through HTTP beside the same query on the
// database, first-page throughput at 16 clients, and the stats endpoints. Writes
// bench/results.md (and bench/results.json, from which it is rendered). PostgreSQL runs when
// --pg-url, BENCH_PG_URL or TEST_DATABASE_URL names a server (the benchmark uses its own
// database there, `kbo_bench` unless the URL names another). The databases are removed at the
// end unless --keep. Then it exports every payment as CSV while timing /api/health
// (bench/measureExport.ts); `--only export` runs just that part (on the same seeded database).
// Last, on a server of its own pointed at a simulator in this process: signed processor events in
// while lists are timed (bench/measureIngest.ts), and outbox deliveries out (bench/measureOutbox.ts);
// `--only ingest` / `--only outbox` run just one of them.
import fs from 'node:fs';
import os from 'node:os';
import { dropDatabase, openBench, paymentCount, seedFresh, type BenchTarget } from '../bench/benchDatabase.ts';
import { startServer } from '../bench/benchServer.ts';
import {
  engineVersion, measureEndpoints, measureShapes, measureThroughput, signedInClient, type EngineResult, type MeasureOptions,
} from '../bench/measureEngine.ts';
import { measureExport } from '../bench/measureExport.ts';
import { buildEventStream } from '../bench/eventStream.ts';
import { startBenchSimulator } from '../bench/benchSimulator.ts';
import { measureIngest } from '../bench/measureIngest.ts';
import { measureOutbox } from '../bench/measureOutbox.ts';
import type { IngestRun, OutboxRun } from '../bench/report.ts';
import { machineDescription, readResults, renderMarkdown, type ExportRun } from '../bench/report.ts';
import type { Engine } from '../server/db/connect.ts';
import { cliArgs } from './args.ts';

const RESULTS_JSON = 'bench/results.json';
const RESULTS_MD = 'bench/results.md';
const BUNDLE_MD = 'bench/bundle.md';

const args = cliArgs({
  payments: 'string', samples: 'string', clients: 'string', burst: 'string', duration: 'string',
  'pg-url': 'string', engines: 'string', 'sqlite-file': 'string', reseed: 'boolean', keep: 'boolean', only: 'string',
  'ingest-seconds': 'string', senders: 'string', 'outbox-items': 'string',
});
const num = (name: 'payments' | 'samples' | 'clients' | 'burst' | 'duration' | 'ingest-seconds' | 'senders' | 'outbox-items', fallback: number) => {
  const v = args[name] === undefined ? fallback : Number(args[name]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
};
const payments = num('payments', 1_000_000);
const only = args.only === undefined ? 'all' : String(args.only);
/** The parts that run on a server of their own, talking to the benchmark's simulator. */
const PROCESSOR_PARTS = ['ingest', 'outbox'];
if (only !== 'all' && only !== 'export' && !PROCESSOR_PARTS.includes(only)) {
  throw new Error('--only takes "export", "ingest" or "outbox" (or leave it out for everything)');
}
const ingestSeconds = num('ingest-seconds', 20);
const senders = num('senders', 8);
const outboxItems = num('outbox-items', 2000);
const options: MeasureOptions = {
  samples: num('samples', 50),
  clients: num('clients', 16),
  burstSeconds: num('burst', 1),
  throughputSeconds: num('duration', 10),
  log: (line) => console.log(line),
};

function pgUrl(): string | undefined {
  const given = (args['pg-url'] as string | undefined) ?? process.env.BENCH_PG_URL;
  if (given) return given;
  if (!process.env.TEST_DATABASE_URL) return undefined;
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = '/kbo_bench';
  return url.toString();
}

const targets: BenchTarget[] = [];
const wanted = String(args.engines ?? 'sqlite,pg').split(',');
if (wanted.includes('sqlite')) targets.push({ engine: 'sqlite', url: `sqlite:${args['sqlite-file'] ?? 'data/bench.sqlite3'}` });
if (wanted.includes('pg')) {
  const url = pgUrl();
  if (url) targets.push({ engine: 'pg', url });
  else console.log('PostgreSQL skipped: pass --pg-url postgres://… (or set BENCH_PG_URL) to bench it too.');
}
if (targets.length === 0) throw new Error('no engine to benchmark');

async function benchEngine(target: BenchTarget): Promise<{ engine?: EngineResult; exported?: ExportRun }> {
  console.log(`\n== ${target.engine}: ${payments.toLocaleString('en-US')} payments`);
  const existing = await paymentCount(target);
  const seed = existing === payments && !args.reseed
    ? (console.log(`reusing the database (${existing} payments); --reseed to time a fresh seed`), { seconds: null, log: [] })
    : await seedFresh(target, payments, (line) => console.log(`  seed: ${line}`));
  if (PROCESSOR_PARTS.includes(only)) return {};
  const loadAverage = os.loadavg();
  const db = openBench(target);
  const server = await startServer(target.url);
  const client = await signedInClient(server.base, options.clients);
  try {
    const exportRun = async (): Promise<ExportRun> => {
      console.log('export of every payment (CSV) while /api/health is timed:');
      const r = await measureExport(client, server, (line) => console.log(line));
      return { ...r, payments, measuredAt: new Date().toISOString(), machine: machineDescription(), loadAverage: os.loadavg() };
    };
    if (only === 'export') return { exported: await exportRun() };
    console.log('list shapes (one client; then 16 clients for the req/s column):');
    const shapes = await measureShapes(db, client, options);
    console.log(`first page of payments, ${options.clients} clients for ${options.throughputSeconds} s:`);
    const throughput = await measureThroughput(client, server.cpuMs, options);
    console.log(
      `  ${Math.round(throughput.perSecond)} req/s, p95 ${throughput.underLoad.p95.toFixed(1)} ms, ${throughput.errors} errors; ` +
        `server ${throughput.serverCpuMsPerRequest.toFixed(2)} ms CPU per request`,
    );
    console.log('stats, search and report endpoints:');
    const endpoints = await measureEndpoints(db, client, options);
    const engine: EngineResult = {
      engine: target.engine, payments, measuredAt: new Date().toISOString(), loadAverage,
      version: await engineVersion(db), seed, throughput, shapes, endpoints,
    };
    return { engine, exported: await exportRun() };
  } finally {
    client.close();
    await server.stop();
    await db.destroy();
  }
}

/** Ingest and outbox, on a server started with the benchmark's simulator as its processor. */
async function benchProcessor(target: BenchTarget): Promise<{ ingest?: IngestRun; outbox?: OutboxRun }> {
  const db = openBench(target);
  const simulator = await startBenchSimulator(db);
  const server = await startServer(target.url, 'info', simulator.env);
  let client: Awaited<ReturnType<typeof signedInClient>> | undefined;
  const stamp = () => ({ payments, measuredAt: new Date().toISOString(), machine: machineDescription() });
  const out: { ingest?: IngestRun; outbox?: OutboxRun } = {};
  try {
    if (only !== 'outbox') {
      // More than the target rate could use, so the senders run for the whole time.
      const wanted = Math.ceil(ingestSeconds * 1000);
      console.log(`the simulator makes ${wanted} events (payments, refunds, disputes) for the back office's merchants…`);
      const stream = await buildEventStream(db, wanted);
      console.log(`signed events from ${senders} senders for ${ingestSeconds} s while two lists are timed:`);
      // Signed in now, not before the events were made: no socket idle past the server's keep-alive.
      client = await signedInClient(server.base, 2);
      const r = await measureIngest({ db, server, client, stream, secret: simulator.secret, senders, seconds: ingestSeconds, log: (l) => console.log(l) });
      out.ingest = { ...r, ...stamp() };
    }
    if (only !== 'ingest') {
      console.log(`${outboxItems} refunds, then their outbox items delivered to the simulator:`);
      out.outbox = { ...(await measureOutbox({ db, server, items: outboxItems, log: (l) => console.log(l) })), ...stamp() };
    }
    return out;
  } finally {
    client?.close();
    await server.stop();
    await simulator.stop();
    await db.destroy();
  }
}

const results = readResults(RESULTS_JSON);
try {
  for (const target of targets) {
    const r = await benchEngine(target);
    if (r.engine) results.engines[target.engine as Engine] = { ...r.engine, machine: machineDescription() };
    if (r.exported) results.exports = { ...results.exports, [target.engine]: r.exported };
    if (only === 'all' || PROCESSOR_PARTS.includes(only)) {
      const p = await benchProcessor(target);
      if (p.ingest) results.ingest = { ...results.ingest, [target.engine]: p.ingest };
      if (p.outbox) results.outbox = { ...results.outbox, [target.engine]: p.outbox };
    }
    fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 1)}\n`);
    const bundle = fs.existsSync(BUNDLE_MD) ? fs.readFileSync(BUNDLE_MD, 'utf8') : null;
    fs.writeFileSync(RESULTS_MD, renderMarkdown(results, bundle));
    console.log(`wrote ${RESULTS_MD}`);
  }
} finally {
  if (!args.keep) {
    for (const target of targets) await dropDatabase(target);
    console.log('benchmark databases removed (--keep to keep them for another run)');
  }
}
