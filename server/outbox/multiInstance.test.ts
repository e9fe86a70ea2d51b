// Two server processes on one PostgreSQL database, each with its own connection pool and outbox
// worker, running at once: each item is claimed by exactly one of them (FOR UPDATE SKIP LOCKED),
// so each is sent once between them and executed once by the processor.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupFromDatabase } from '../../simulator/backOffice.ts';
import { startTestSimulator, type TestSimulator } from '../../simulator/testing.ts';
import { connect, type Db } from '../db/connect.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { freshPayment, makePayout } from '../test/moneyFixtures.ts';
import { testWorker } from './testing.ts';

describe.runIf(ENGINES.includes('pg'))('two outbox workers on one PostgreSQL database', () => {
  let t: TestApp;
  let sim: TestSimulator;
  let dbs: Db[];
  beforeAll(async () => {
    t = await createTestApp('pg');
    sim = await startTestSimulator({ lookup: lookupFromDatabase(t.db) });
    dbs = [connect(t.url), connect(t.url)];
  });
  afterAll(async () => {
    for (const db of dbs ?? []) await db.destroy();
    await sim?.stop();
    await t?.drop();
  });

  it('When both run at once, then each item is sent by one of them, once, and executed once', async () => {
    const operator = await t.agent('operator');
    const admin = await t.agent('admin');
    const objects: string[] = [];
    for (let i = 0; i < 40; i++) {
      const p = await freshPayment(t.db, { minAmount: 200 });
      const res = await operator.post('/api/refunds').set('Idempotency-Key', randomUUID()).send({ payment_id: p.id, amount: 100, reason: 'other' });
      objects.push(res.body.id);
    }
    for (let i = 0; i < 10; i++) {
      const id = await makePayout(t, { amount: 1_000 + i });
      expect((await admin.post(`/api/payouts/${id}/approve`)).status).toBe(200);
      objects.push(id);
    }
    const sent = new Map<string, string[]>();
    const counting = (name: string): typeof fetch => async (url, init) => {
      const key = new Headers(init?.headers).get('Idempotency-Key')!;
      sent.set(key, [...(sent.get(key) ?? []), name]);
      // A little latency, so the two really overlap.
      await new Promise((r) => setTimeout(r, 5));
      return fetch(url, init);
    };
    // Small batches, so both workers keep claiming while the other holds rows.
    const workers = dbs.map((db, i) => testWorker(db, sim, { OUTBOX_CONCURRENCY: 3, OUTBOX_POLL_MS: 5 }, counting(`w${i}`)));
    for (const w of workers) w.start();
    const deadline = Date.now() + 30_000;
    while (Number((await t.db('outbox').where('status', 'pending').count({ n: '*' }).first())!.n) > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(workers.map((w) => w.stop()));

    const items = await t.db('outbox').whereIn('object_id', objects).select('id', 'status', 'attempts');
    expect(items).toHaveLength(objects.length);
    for (const item of items) {
      expect(item.status).toBe('delivered');
      expect(item.attempts).toBe(1);
      expect(sent.get(item.id), item.id).toHaveLength(1);
    }
    const senders = new Set([...sent.values()].flat());
    expect(senders).toEqual(new Set(['w0', 'w1'])); // both took part
    const ops = (await sim.call('GET', '/_sim/operations')).body.items as Array<{ object_id: string; outcome: string }>;
    for (const id of objects) expect(ops.filter((o) => o.object_id === id).map((o) => o.outcome), id).toEqual(['executed']);
  }, 60_000);
});
