// The ingest benchmark (docs/scaling.md, "Targets"): several senders POST signed processor events
// (bench/eventStream.ts: what the simulator makes) to the running server as fast as it answers,
// each payment's events in order, for a fixed time; meanwhile one signed-in client asks the first
// page of payments and a filtered list again and again (what an admin feels during the flood).
// Afterwards every event sent is looked up in processor_events: accepted is not enough, it must be
// applied. Targets: ≥ 500 events/s applied, list p95 ≤ 50 ms while ingesting.
import http from 'node:http';
import os from 'node:os';
import type { Db } from '../server/db/connect.ts';
import { listPath } from '../server/scale/listShapes.ts';
import { SIGNATURE_HEADER, signatureHeader } from '../shared/processorSignature.ts';
import type { EventStream, StreamEvent } from './eventStream.ts';
import { BenchClient, percentile } from './httpClient.ts';
import type { Latency } from './measureEngine.ts';

export const INGEST_TARGETS = { eventsPerSecond: 500, listP95Ms: 50 };

export interface IngestResult {
  senders: number;
  seconds: number;
  sent: number;
  /** What the server answered: applied, parked, failed, duplicate, or an HTTP status when not 200. */
  answers: Record<string, number>;
  /** processor_events by status, for the events sent, after the run. */
  stored: Record<string, number>;
  acceptedPerSecond: number;
  appliedPerSecond: number;
  /** Server process CPU per event sent (PostgreSQL's own work is on top, in its processes). */
  serverCpuMsPerEvent: number;
  /** The same less what the list requests meanwhile cost (their CPU each, measured alone first). */
  serverCpuMsPerEventNet?: number;
  /** Server CPU per list request, measured alone before the events start. */
  listCpuMs?: number;
  list: { paths: string[]; requests: number; errors: number; latency: Latency; max: number };
  types: Record<string, number>;
  loadAverage: { start: number[]; end: number[] };
}

/**
 * One signed POST on a keep-alive socket: the outcome the server gave. Sent again when the socket
 * turns out closed (the server's keep-alive timeout): an event is idempotent by its id anyway.
 */
async function postEvent(base: URL, agent: http.Agent, secret: string, event: StreamEvent): Promise<string> {
  try {
    return await postOnce(base, agent, secret, event);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ECONNRESET' && code !== 'EPIPE') throw err;
    return postOnce(base, agent, secret, event);
  }
}

function postOnce(base: URL, agent: http.Agent, secret: string, event: StreamEvent): Promise<string> {
  const body = Buffer.from(event.body);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: base.hostname, port: base.port, path: '/api/processor/events', method: 'POST', agent,
      headers: {
        'content-type': 'application/json', 'content-length': String(body.length),
        [SIGNATURE_HEADER]: signatureHeader(secret, body, new Date()),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) return resolve(`HTTP ${res.statusCode}`);
        try {
          resolve(String(JSON.parse(Buffer.concat(chunks).toString('utf8')).status));
        } catch {
          resolve('unreadable answer');
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function storedStatuses(db: Db, ids: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let i = 0; i < ids.length; i += 500) {
    const rows: Array<{ status: string; n: number | string }> = await db('processor_events').whereIn('id', ids.slice(i, i + 500))
      .groupBy('status').select('status').count({ n: '*' });
    for (const r of rows) out[String(r.status)] = (out[String(r.status)] ?? 0) + Number(r.n);
  }
  const missing = ids.length - Object.values(out).reduce((s, n) => s + n, 0);
  if (missing) out.missing = missing;
  return out;
}

export async function measureIngest(opts: {
  db: Db;
  server: { base: URL; cpuMs: () => number };
  client: BenchClient;
  stream: EventStream;
  secret: string;
  senders: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<IngestResult> {
  const { server, client, stream } = opts;
  const [merchant] = await opts.db('payments').select<Array<{ merchant_id: string }>>('merchant_id').orderBy('id', 'desc').limit(1);
  const paths = [
    listPath('payments', {}),
    listPath('payments', { filter: { status: 'captured', merchant_id: merchant?.merchant_id ?? 'none' } }),
  ];
  for (const p of paths) {
    const first = await client.get(p, true);
    if (first.status !== 200) throw new Error(`${p} answered ${first.status}: ${first.body}`);
  }
  // What the lists cost alone, so their share of the server's CPU during the run can be taken out.
  const CALIBRATION = 40;
  const listCpuBefore = server.cpuMs();
  for (let i = 0; i < CALIBRATION; i++) await client.get(paths[i % paths.length]);
  const listCpuMs = (server.cpuMs() - listCpuBefore) / CALIBRATION;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.senders });
  const answers: Record<string, number> = {};
  const sentIds: string[] = [];
  const latencies: number[] = [];
  let listErrors = 0;
  let nextChain = 0;
  const loadStart = os.loadavg();
  const cpuBefore = server.cpuMs();
  const started = Date.now();
  const until = started + opts.seconds * 1000;
  let sending = true;
  const sender = async () => {
    while (Date.now() < until && nextChain < stream.chains.length) {
      for (const event of stream.chains[nextChain++]) {
        sentIds.push(event.id);
        const answer = await postEvent(server.base, agent, opts.secret, event);
        answers[answer] = (answers[answer] ?? 0) + 1;
      }
    }
  };
  const lister = async () => {
    for (let i = 0; sending; i++) {
      const r = await client.get(paths[i % paths.length]);
      if (r.status === 200) latencies.push(r.ms);
      else listErrors++;
    }
  };
  const listing = lister();
  try {
    await Promise.all(Array.from({ length: opts.senders }, sender));
  } finally {
    sending = false;
    await listing;
    agent.destroy();
  }
  const seconds = (Date.now() - started) / 1000;
  const cpuMs = server.cpuMs() - cpuBefore;
  if (nextChain >= stream.chains.length) opts.log(`  (the ${stream.events} events made ran out before ${opts.seconds} s: make more with a longer --duration)`);
  const stored = await storedStatuses(opts.db, sentIds);
  const r: IngestResult = {
    senders: opts.senders, seconds, sent: sentIds.length, answers, stored,
    acceptedPerSecond: Object.entries(answers).filter(([k]) => !k.startsWith('HTTP') && k !== 'unreadable answer').reduce((s, [, n]) => s + n, 0) / seconds,
    appliedPerSecond: (stored.applied ?? 0) / seconds,
    serverCpuMsPerEvent: cpuMs / sentIds.length,
    serverCpuMsPerEventNet: Math.max(0, cpuMs - listCpuMs * (latencies.length + listErrors)) / sentIds.length,
    listCpuMs,
    list: { paths, requests: latencies.length, errors: listErrors, latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) }, max: Math.max(...latencies) },
    types: stream.types,
    loadAverage: { start: loadStart, end: os.loadavg() },
  };
  opts.log(
    `  ${r.sent} events by ${r.senders} senders in ${seconds.toFixed(1)} s: ${Math.round(r.acceptedPerSecond)} accepted/s, ${Math.round(r.appliedPerSecond)} applied/s; ` +
      `answers ${JSON.stringify(answers)}; stored ${JSON.stringify(stored)}; server ${r.serverCpuMsPerEvent.toFixed(2)} ms CPU per event ` +
      `(${r.serverCpuMsPerEventNet!.toFixed(2)} ms without the lists' ${listCpuMs.toFixed(2)} ms each)`,
  );
  opts.log(
    `  lists meanwhile: ${r.list.requests} requests, p50 ${r.list.latency.p50.toFixed(1)} ms, p95 ${r.list.latency.p95.toFixed(1)} ms, max ${r.list.max.toFixed(1)} ms, ` +
      `${listErrors} errors; load average ${loadStart.map((l) => l.toFixed(2)).join(' / ')}`,
  );
  return r;
}
