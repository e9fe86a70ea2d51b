// Crash safety (docs/processor.md, "Actions out"): the server runs as a child process against a
// test simulator; a burst of refunds and payout approvals is fired at it and the process is
// killed with SIGKILL at a random moment, several times; then it runs once more, drains its
// outbox and is stopped with SIGTERM (which must exit 0). The processor's record of executed
// operations must then match the database exactly: every refund and approved payout the
// database holds executed once, under its outbox id — none lost, none twice — and every answer
// the client got a 2xx for is among them; the ledger invariants hold. SQLite always; PostgreSQL
// when configured.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupFromDatabase } from '../../simulator/backOffice.ts';
import { startTestSimulator, type TestSimulator } from '../../simulator/testing.ts';
import { connect, migrate, type Db } from '../db/connect.ts';
import { DEMO_PASSWORD, seedDemo } from '../seed/seedDemo.ts';
import { ANCHOR, createTestDb, ENGINES, TEST_COST, type TestApp } from '../test/harness.ts';
import { expectMoneyInvariants } from '../test/invariants.ts';
import { makePayout } from '../test/moneyFixtures.ts';

const ROUNDS = 3;

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe.each(ENGINES)('kill -9 during a burst on %s', (engine) => {
  let db: Db;
  let url: string;
  let drop: () => Promise<void>;
  let sim: TestSimulator;
  let dir: string;
  beforeAll(async () => {
    if (engine === 'sqlite') {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbo-crash-'));
      url = `sqlite:${path.join(dir, 'bo.sqlite3')}`;
      db = connect(url);
      await migrate(db);
      drop = async () => {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      };
    } else {
      ({ db, url, drop } = await createTestDb('pg'));
    }
    await seedDemo(db, { payments: 400, anchor: ANCHOR, demoUsers: true, passwordCost: TEST_COST, dualApprovalMinor: 1_000_000 });
    sim = await startTestSimulator({ lookup: lookupFromDatabase(db) });
  }, 120_000);
  afterAll(async () => {
    await sim?.stop();
    await drop?.();
  });

  async function startServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env, DATABASE_URL: url, PORT: String(port), DEMO_SEED: 'false', LOG_LEVEL: 'warn',
        PROCESSOR_URL: sim.url, PROCESSOR_API_KEY: sim.apiKey, PROCESSOR_WEBHOOK_SECRET: sim.secret,
        OUTBOX_TIMEOUT_MS: '300', OUTBOX_LEASE_MS: '600', OUTBOX_POLL_MS: '20', OUTBOX_RETRY_BASE_MS: '20',
        OUTBOX_RETRY_MAX_MS: '200', OUTBOX_MAX_ATTEMPTS: '1000', ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/auth/me`);
        if (res.status === 401 || res.status === 200) return child;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function login(port: number, email: string): Promise<string> {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }

  const exited = (child: ChildProcess) => new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));

  it('When the server is killed at random points and restarted, then every accepted refund and approved payout executes exactly once', async () => {
    const fake = { db, ctx: { now: () => new Date() } } as unknown as TestApp;
    const accepted = new Set<string>();
    const payments = await db('payments').where({ status: 'captured', amount_refunded: 0, amount_charged_back: 0 })
      .where('amount', '>=', 500).orderBy('id').limit(ROUNDS * 12).select('id');
    let next = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const child = await startServer(port);
      const [operator, admin] = [await login(port, 'operator@example.com'), await login(port, 'admin@example.com')];
      const payouts = await Promise.all(Array.from({ length: 4 }, (_, i) => makePayout(fake, { amount: 1_000 + round * 10 + i })));
      const post = (cookie: string, p: string, body: unknown) => fetch(`http://127.0.0.1:${port}${p}`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie, 'Idempotency-Key': `${round}-${p}-${JSON.stringify(body)}` }, body: JSON.stringify(body),
      }).then(async (r) => (r.ok ? ((await r.json()) as { id: string }).id : null), () => null);
      const burst = [
        ...payments.slice(next, next + 12).map((p) => post(operator, '/api/refunds', { payment_id: p.id, amount: 100, reason: 'other' })),
        ...payouts.map((id) => post(admin, `/api/payouts/${id}/approve`, {})),
      ];
      next += 12;
      await new Promise((r) => setTimeout(r, 30 + Math.floor(Math.random() * 400)));
      child.kill('SIGKILL');
      await exited(child);
      for (const id of await Promise.all(burst)) if (id) accepted.add(id);
    }

    // One more run: it drains what the killed ones left, then stops cleanly on SIGTERM.
    const port = await freePort();
    const child = await startServer(port);
    const deadline = Date.now() + 60_000;
    while (Number((await db('outbox').where('status', 'pending').count({ n: '*' }).first())!.n) > 0) {
      if (Date.now() > deadline) throw new Error('the outbox did not drain');
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);

    const refunds = await db('refunds').where('reason', 'other').where('amount', 100).whereIn('payment_id', payments.map((p) => p.id)).select('id');
    const approved = await db('payouts').where('status', 'processing').where('amount', '<', 2_000).select('id');
    expect(refunds.length + approved.length).toBeGreaterThan(0);
    const ops = (await sim.call('GET', '/_sim/operations?outcome=executed')).body.items as Array<{ object_id: string; kind: string; idempotency_key: string }>;
    const items = new Map((await db('outbox').select('id', 'object_id', 'status')).map((o) => [o.object_id, o]));
    for (const { id } of [...refunds, ...approved]) {
      const executed = ops.filter((o) => o.object_id === id);
      expect(executed, id).toHaveLength(1);
      expect(executed[0].idempotency_key).toBe(items.get(id)?.id);
      expect(items.get(id)?.status).toBe('delivered');
    }
    // Nothing executed that the database does not hold, and nothing accepted that it lost.
    const known = new Set([...refunds, ...approved].map((r) => r.id));
    for (const o of ops) expect(known.has(o.object_id), `${o.kind} ${o.object_id}`).toBe(true);
    for (const id of accepted) expect(known.has(id), id).toBe(true);
    await expectMoneyInvariants(db);
  }, 240_000);

  it('When SIGTERM comes while a delivery is in flight, then it is finished and recorded, new connections are refused, and the process exits 0', async () => {
    const port = await freePort();
    const child = await startServer(port, { OUTBOX_TIMEOUT_MS: '8000' });
    const operator = await login(port, 'operator@example.com');
    const payment = await db('payments').where({ status: 'captured', amount_refunded: 0, amount_charged_back: 0 }).orderBy('id', 'desc').first('id');
    await sim.call('POST', '/_sim/faults', { latency_ms: 1_500 });
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/refunds`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: operator, 'Idempotency-Key': 'sigterm-1' },
        body: JSON.stringify({ payment_id: payment!.id, amount: 100, reason: 'duplicate' }),
      });
      expect(res.status).toBe(201);
      const refund = (await res.json()) as { id: string };
      // The worker has claimed it and waits for the slow processor.
      const claimed = Date.now() + 10_000;
      while (!(await db('outbox').where('object_id', refund.id).first('leased_until'))?.leased_until && Date.now() < claimed) {
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      await expect(fetch(`http://127.0.0.1:${port}/api/auth/me`)).rejects.toThrow();
      expect(await exited(child)).toBe(0);
      expect(await db('outbox').where('object_id', refund.id).first('status', 'attempts')).toEqual({ status: 'delivered', attempts: 1 });
      const ops = (await sim.call('GET', `/_sim/operations?object_id=${refund.id}`)).body.items;
      expect(ops.map((o: { outcome: string }) => o.outcome)).toEqual(['executed']);
    } finally {
      await sim.call('POST', '/_sim/faults', { latency_ms: 0 });
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
