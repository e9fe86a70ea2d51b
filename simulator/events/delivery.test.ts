// Event delivery as the back office sees it: every event signed as docs/processor.md says, kept
// and retried while the back office is down or refusing, and — under the fault knobs — sent
// twice or out of order. Storage is a file here, so the queue is seen to survive a restart.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPayout, startTestSimulator, type TestSimulator } from '../testing.ts';

interface Received {
  signature: string;
  raw: string;
  envelope: { id: string; type: string; data: { id: string } & Record<string, unknown> };
}

/** A stand-in back office: verifies each signature, records each event, answers `status()`. */
async function startReceiver(secret: string, status: () => number = () => 200) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['kaito-signature'] ?? '');
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
      const valid = m && createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest('hex') === m[2];
      const code = valid ? status() : 401;
      if (code === 200) received.push({ signature, raw, envelope: JSON.parse(raw) });
      res.writeHead(code, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: code === 200 ? 'applied' : 'no' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/processor/events`;
  return { url, received, close: () => new Promise((r) => server.close(r)) };
}

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function setup(status?: () => number, config = {}) {
  const t = await startTestSimulator({ config });
  const receiver = await startReceiver(t.secret, status);
  t.sim.eventsUrl = receiver.url;
  cleanup.push(() => t.stop(), receiver.close);
  return { t, receiver };
}

/** A payout decision makes one event later: a simple way to queue events. */
async function queuePayoutEvents(t: TestSimulator, n: number): Promise<string[]> {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const { id } = await importPayout(t);
    await t.call('POST', '/v1/payouts/confirm', { action: 'APPROVE', transactionId: id }, { 'Idempotency-Key': `k-${id}` });
    ids.push(id);
  }
  return ids;
}

describe('event delivery', () => {
  it('When an event is sent, then it carries the envelope and a valid signature over its raw bytes', async () => {
    const { t, receiver } = await setup();
    const [id] = await queuePayoutEvents(t, 1);
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    expect(receiver.received).toHaveLength(1);
    const { envelope, signature } = receiver.received[0];
    expect(envelope).toEqual({
      id: expect.stringMatching(/^evt_[0-9A-Z]{26}$/), type: expect.stringMatching(/^payout\.(paid|failed)$/),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: expect.objectContaining({ id, status: envelope.type === 'payout.paid' ? 'paid' : 'failed' }),
    });
    const t0 = Number(/t=(\d+)/.exec(signature)![1]);
    expect(Math.abs(t0 - Date.now() / 1000)).toBeLessThan(60);
  });

  it('When the back office answers 5xx, then the event is kept and retried with growing waits until it is taken', async () => {
    let calls = 0;
    const { t, receiver } = await setup(() => (++calls <= 3 ? 503 : 200));
    await queuePayoutEvents(t, 1);
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    expect(receiver.received).toHaveLength(0);
    const [queued] = (await t.call('GET', '/_sim/events')).body.items;
    expect(queued).toMatchObject({ delivered: false, attempts: 1, last_status: 503 });
    await expect.poll(async () => {
      await t.sim.runDue();
      return receiver.received.length;
    }, { timeout: 10_000, interval: 50 }).toBe(1);
    const [done] = (await t.call('GET', '/_sim/events')).body.items;
    expect(done).toMatchObject({ delivered: true, attempts: 4 });
  });

  it('When the back office is unreachable for a while, then nothing is lost and everything arrives once it is back', async () => {
    const { t, receiver } = await setup();
    await t.call('POST', '/_sim/faults', { unreachable_for_ms: 60_000 });
    const ids = await queuePayoutEvents(t, 5);
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    expect(receiver.received).toHaveLength(0);
    const queued = (await t.call('GET', '/_sim/events?delivered=false')).body.items;
    expect(queued).toHaveLength(5);
    expect(queued[0].last_error).toMatch(/unreachable/);
    await t.call('POST', '/_sim/faults', { unreachable_for_ms: 0 });
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    expect(receiver.received.map((r) => r.envelope.data.id).sort()).toEqual([...ids].sort());
  });

  it('When duplicates are on, then some events arrive twice with the same id and body', async () => {
    const { t, receiver } = await setup(undefined, { SIMULATOR_DUPLICATE_RATE: 1 });
    await queuePayoutEvents(t, 3);
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    expect(receiver.received).toHaveLength(6);
    const byId = new Map<string, string[]>();
    for (const r of receiver.received) byId.set(r.envelope.id, [...(byId.get(r.envelope.id) ?? []), r.raw]);
    expect([...byId.values()].every((raws) => raws.length === 2 && raws[0] === raws[1])).toBe(true);
  });

  it('When reordering is on, then later events overtake earlier ones', async () => {
    const { t, receiver } = await setup(undefined, { SIMULATOR_REORDER_RATE: 0.5, SIMULATOR_REORDER_WINDOW_MS: 60_000 });
    await queuePayoutEvents(t, 40);
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 }); // the payouts are paid: 40 events, some held back
    await t.call('POST', '/_sim/advance', { ms: 3_600_000 });
    const ids = receiver.received.map((r) => r.envelope.id);
    expect(ids).toHaveLength(40);
    expect(ids).not.toEqual([...ids].sort());
  });

  it('When the simulator restarts, then the record of operations and the undelivered events are still there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-'));
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const config = { SIMULATOR_DATABASE_URL: `sqlite:${path.join(dir, 'sim.sqlite3')}` };
    const first = await startTestSimulator({ config });
    const [id] = await queuePayoutEvents(first, 1);
    await first.call('POST', '/_sim/advance', { ms: 3_600_000 }); // nobody listening: stays queued
    await first.stop();

    const second = await startTestSimulator({ config });
    const receiver = await startReceiver(second.secret);
    second.sim.eventsUrl = receiver.url;
    cleanup.push(() => second.stop(), receiver.close);
    const replay = await second.call('POST', '/v1/payouts/confirm', { action: 'APPROVE', transactionId: id }, { 'Idempotency-Key': `k-${id}` });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await second.call('POST', '/_sim/advance', { ms: 3_600_000 });
    expect(receiver.received.map((r) => r.envelope.data.id)).toEqual([id]);
  });
});
