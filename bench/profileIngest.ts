// Server CPU per processor event, in-process (issue #10): N signed events posted over HTTP to a
// createApp on port 0, by 8 senders, logging at info to /dev/null as in production. Prints the
// process CPU per event (client share included: the same in every run, so runs compare).
// MINIMAL=1: express with only the events router, none of the app's middleware.
// Usage: tsx bench/profileIngest.ts [events=2000] [sqlite|pg]   (pg: TEST_DATABASE_URL)
// Under `node --cpu-prof --import tsx` it gives the profile of the same work.
import http from 'node:http';
import express from 'express';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { signatureHeader, SIGNATURE_HEADER } from '../shared/processorSignature.ts';
import { createApp } from '../server/app.ts';
import { testConfig } from '../server/config.ts';
import type { AppContext } from '../server/context.ts';
import { seedDemo } from '../server/seed/seedDemo.ts';
import { ANCHOR, createTestDb, TEST_COST } from '../server/test/harness.ts';
import { processorEventRoutes } from '../server/processor/events/routes.ts';
import { receiveEvent } from '../server/processor/events/apply.ts';
import { parseEnvelope } from '../server/processor/events/envelope.ts';
import { EventStream, WEBHOOK_SECRET, EVENTS_PATH } from '../server/test/processorEvents.ts';

const N = Number(process.argv[2] ?? 2000);
const engine = (process.argv[3] ?? 'sqlite') as 'sqlite' | 'pg';
const SENDERS = 8;
// DIRECT=1: the same events through parseEnvelope + receiveEvent, without HTTP (the floor).
const DIRECT = Boolean(process.env.DIRECT);

const tdb = await createTestDb(engine);
const config = testConfig({ PROCESSOR_WEBHOOK_SECRET: WEBHOOK_SECRET, PROCESSOR_EVENTS_PER_SECOND: 1_000_000 });
await seedDemo(tdb.db, { payments: 50, anchor: ANCHOR, demoUsers: false, passwordCost: TEST_COST });
const plan = await tdb.db('plans').first('id');
if (!plan) throw new Error('the seed made no plan');
const ctx: AppContext = {
  db: tdb.db, config, now: () => new Date(), passwordCost: TEST_COST,
  log: pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false })),
};
// PROFILE_SQL=1: time spent per statement (by its SQL), printed after the run.
const sqlTimes = new Map<string, { n: number; ms: number }>();
if (process.env.PROFILE_SQL) {
  const started = new Map<string, number>();
  tdb.db.on('query', (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now()));
  tdb.db.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) => {
    const t = sqlTimes.get(q.sql) ?? { n: 0, ms: 0 };
    t.n++; t.ms += performance.now() - (started.get(q.__knexQueryUid) ?? performance.now());
    sqlTimes.set(q.sql, t);
  });
}
// BARE=1: a bare node:http handler that reads the body and answers (the HTTP floor, both ends).
const bare: http.RequestListener = (req, res) => {
  req.resume();
  req.on('end', () => res.setHeader('content-type', 'application/json').end('{"status":"applied"}'));
};
// MINIMAL=1: express with only the events router (what the app's other middleware costs).
const minimal = express();
minimal.use('/api/processor/events', processorEventRoutes(ctx));
const server = http.createServer(process.env.BARE ? bare : process.env.MINIMAL ? minimal : createApp(ctx)).listen(0);
await new Promise((r) => server.once('listening', r));
const port = (server.address() as AddressInfo).port;

// Chains of one payment each (intent, authorized, captured, settled; every 4th also a refund).
const s = new EventStream(plan.id);
const chains: string[][] = [];
const m = s.merchant();
let n = 1;
chains.push([JSON.stringify(s.events[0])]);
while (n < N) {
  const from = s.events.length;
  const { payment } = s.payment(m.id, { to: 'settled' });
  if (chains.length % 4 === 0) s.refund(payment, 1000);
  chains.push(s.events.slice(from).map((e) => JSON.stringify(e)));
  n += s.events.length - from;
}
const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });
function post(body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      port, path: EVENTS_PATH, method: 'POST', agent,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(WEBHOOK_SECRET, body, new Date()) },
    }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}
await post(chains[0][0]); // the merchant first
const queue = chains.slice(1);
const statuses: Record<string, number> = {};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(Array.from({ length: SENDERS }, async () => {
  for (let chain = queue.shift(); chain; chain = queue.shift()) {
    for (const body of chain) {
      let st: string;
      if (DIRECT) {
        const parsed = parseEnvelope(Buffer.from(body));
        if (!parsed.ok) throw new Error(parsed.message);
        st = (await receiveEvent(ctx, parsed.envelope, parsed.payload)).status;
      } else st = JSON.parse(await post(body)).status as string;
      statuses[st] = (statuses[st] ?? 0) + 1;
    }
  }
}));
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const events = Object.values(statuses).reduce((a, b) => a + b, 0);
const { loadavg } = await import('node:os');
console.log(JSON.stringify({
  engine, direct: DIRECT, bare: Boolean(process.env.BARE), events, statuses, cpuMsPerEvent: +((cpu.user + cpu.system) / 1000 / events).toFixed(3),
  wallEventsPerS: Math.round(events / (wall / 1000)), load: loadavg().map((x) => +x.toFixed(1)),
}));
if (process.env.PROFILE_SQL) {
  for (const [sql, t] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40)) {
    console.log(t.n, (t.ms / events).toFixed(3), sql.slice(0, 160));
  }
}
agent.destroy();
server.close();
await tdb.drop();
