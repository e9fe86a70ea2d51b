// The demo's embedded simulator: it knows the back office's merchants and plans, makes payments
// for them, answers on its own port with the key start-up chose, and sends events to the back
// office's port.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { simulatorStorageFor, startEmbeddedSimulator, type EmbeddedSimulator } from './embeddedSimulator.ts';

const KEY = 'embedded-test-key-0123456789';

describe('simulatorStorageFor', () => {
  it('keeps the simulator beside the back office', () => {
    expect(simulatorStorageFor('sqlite:./data/backoffice.sqlite3')).toBe('sqlite:data/simulator.sqlite3');
    expect(simulatorStorageFor('sqlite:/var/lib/kbo/bo.db')).toBe('sqlite:/var/lib/kbo/simulator.sqlite3');
    expect(simulatorStorageFor('sqlite::memory:')).toBe('sqlite::memory:');
    expect(simulatorStorageFor('postgres://u@h:5432/db')).toBe('sqlite:./data/simulator.sqlite3');
  });
});

describe.each(ENGINES)('the embedded simulator (%s)', (engine) => {
  let t: TestApp;
  let embedded: EmbeddedSimulator;
  let server: ReturnType<TestApp['app']['listen']>;
  const call = async (p: string, body?: unknown) => {
    const res = await fetch(`${embedded.url}${p}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    await t.db('merchants').where('id', (await t.db('merchants').where('status', 'active').orderBy('id').first('id'))!.id).update({ status: 'suspended' });
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    embedded = await startEmbeddedSimulator({
      db: t.db, config: { ...t.ctx.config, DATABASE_URL: 'sqlite::memory:' }, log: t.ctx.log, apiKey: KEY,
      webhookSecret: 'embedded-test-secret-0123456789', env: { SIMULATOR_GENERATOR: 'false' },
    });
    embedded.start((server.address() as AddressInfo).port);
  });
  afterAll(async () => {
    await embedded?.stop();
    server?.close();
    await t?.drop();
  });

  it('When it starts, then it answers on its own port to the key it was given, and sends events to the back office', async () => {
    expect(embedded.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await call('/_sim/state')).status).toBe(200);
    const refused = await fetch(`${embedded.url}/_sim/state`, { headers: { Authorization: 'Bearer another-key-0123456789' } });
    expect(refused.status).toBe(401);
    expect(embedded.sim.ctx.eventsUrl).toBe(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/processor/events`);
  });

  it('When it makes payments, then they belong to the back office\'s active merchants', async () => {
    const { body } = await call('/_sim/generate', { payments: 30 });
    const active = new Set((await t.db('merchants').where('status', 'active').select('id')).map((m) => m.id));
    expect(body.payments).toHaveLength(30);
    expect(body.payments.every((p: { merchant_id: string }) => active.has(p.merchant_id))).toBe(true);
  });
});
