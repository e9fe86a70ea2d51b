// Exports share the server fairly and leave a trace:
// - between two batches of an export the event loop takes a turn, so other requests (here
//   /api/health) are answered while it streams — on SQLite every query is synchronous;
// - one export at a time per user and EXPORTS_AT_ONCE per process: one more is a 429 with
//   Retry-After and a JSON message, and the slot comes back when the download ends or is dropped;
// - every bulk download leaves one audit row `data.exported` (who, resource, format, filter,
//   sort, rows, complete), written when it ends — an aborted download too.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconciliationRow } from '../../shared/api/stats.ts';
import type { Role } from '../../shared/enums.ts';
import { DEMO_PASSWORD } from '../seed/seedDemo.ts';
import { createTestApp, ENGINES, listUrl, otpFields, type TestApp } from '../test/harness.ts';
import { PREVIEW_ROWS } from '../reports/preview.ts';
import { EXPORT_RETRY_AFTER_S } from './exportSlots.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(ENGINES)('export limits and audit on %s', (engine) => {
  let t: TestApp;
  let server: http.Server;
  let port: number;
  const cookies = new Map<Role, string>();

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 6000, config: { EXPORTS_AT_ONCE: 2 } });
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
    for (const role of ['admin', 'operator', 'support'] as const) {
      const email = `${role}@example.com`;
      const res = await request(t.app).post('/api/auth/login').send({ email, password: DEMO_PASSWORD, ...(await otpFields(t, email)) });
      cookies.set(role, res.headers['set-cookie'][0].split(';')[0]);
    }
  }, 120_000);
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await t.drop();
  });

  /** A GET over a real socket; the response is left paused (a client that does not read yet). */
  function open(role: Role, path: string) {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { Cookie: cookies.get(role)! } });
    const response = new Promise<http.IncomingMessage>((resolve, reject) => {
      req.once('response', (res) => {
        res.pause();
        resolve(res);
      });
      req.once('error', reject);
    });
    return { req, response };
  }
  const readAll = (res: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
      res.on('error', reject);
      res.resume();
    });
  const exportRows = (actor: string) =>
    t.db('audit').where({ action: 'data.exported', actor_id: actor }).orderBy('id').select('*')
      .then((rows) => rows.map((r) => ({ ...r, detail: JSON.parse(r.detail!) })));

  it('other requests are answered between the batches of an export', async () => {
    const order: string[] = [];
    const onQuery = (q: { sql: string }) => {
      if (/from [`"]transactions[`"]/.test(q.sql) && /limit/i.test(q.sql)) order.push('batch');
    };
    let ticking = true;
    const tick = () => {
      order.push('turn');
      if (ticking) setImmediate(tick);
    };
    t.ctx.db.on('query', onQuery); // the app's connection (on PostgreSQL not t.db, the owner's)
    setImmediate(tick);
    let health = 0;
    let exportDone = false;
    try {
      const { response } = open('operator', '/api/transactions/export?format=json');
      const res = await response;
      const body = readAll(res).finally(() => (exportDone = true));
      while (!exportDone) {
        const h = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (h.ok && !exportDone) health += 1;
      }
      expect(JSON.parse(await body).length).toBeGreaterThan(10_000);
    } finally {
      ticking = false;
      t.ctx.db.off('query', onQuery);
    }
    const batches = order.filter((e) => e === 'batch').length;
    expect(batches).toBeGreaterThan(10);
    // Between every two batch queries the event loop went round at least once.
    const compact = order.join(' ').replace(/(turn )+/g, 'turn ');
    expect(compact).not.toMatch(/batch batch/);
    expect(health).toBeGreaterThan(0);
  });

  it('a second export of the same user is a 429 with Retry-After; others may export; slots come back', async () => {
    const first = open('admin', '/api/transactions/export?format=json');
    const firstRes = await first.response; // streaming, and stuck: its client does not read
    expect(firstRes.statusCode).toBe(200);

    const again = await request(t.app).get('/api/payments/export?format=csv').set('Cookie', cookies.get('admin')!);
    expect(again.status).toBe(429);
    expect(again.headers['retry-after']).toBe(String(EXPORT_RETRY_AFTER_S));
    expect(again.body.message).toMatch(/already have an export running/);
    expect(again.headers['content-disposition']).toBeUndefined();
    // The report is an export too.
    expect((await request(t.app).get('/api/reports/reconciliation?format=csv').set('Cookie', cookies.get('admin')!)).status).toBe(429);

    // Another user still can, up to EXPORTS_AT_ONCE (2) for the whole process.
    const second = open('operator', '/api/transactions/export?format=json');
    expect((await second.response).statusCode).toBe(200);
    const third = await request(t.app).get('/api/plans/export').set('Cookie', cookies.get('support')!);
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe(String(EXPORT_RETRY_AFTER_S));
    expect(third.body.message).toMatch(/Too many exports/);

    // The first client reads to the end; the second gives up. Both slots come back.
    await readAll(firstRes);
    second.req.destroy();
    await until(async () => (await request(t.app).get('/api/plans/export').set('Cookie', cookies.get('support')!)).status === 200, 'a free slot');
    await until(async () => (await request(t.app).get('/api/plans/export').set('Cookie', cookies.get('admin')!)).status === 200, 'the admin slot');
  });

  it('a finished export is audited with who, what, the filter, the sort and the row count', async () => {
    const operator = await t.agent('operator');
    const filter = { status: 'captured', currency: ['USD', 'EUR'] };
    const total = Number((await operator.get(listUrl('payments', { filter, range: [0, 0] }))).headers['x-total-count']);
    const before = (await exportRows(t.users.operator.id)).length;
    const res = await operator.get(`/api/payments/export?format=csv&filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["amount","ASC"]')}`);
    expect(res.status).toBe(200);
    await until(async () => (await exportRows(t.users.operator.id)).length > before, 'the audit row');
    const row = (await exportRows(t.users.operator.id)).at(-1);
    expect(row).toMatchObject({
      actor_id: t.users.operator.id, action: 'data.exported', entity: 'payments', entity_id: null,
      detail: { resource: 'payments', format: 'csv', filter, sort: ['amount', 'ASC'], rows: total, complete: true },
      created_at: t.ctx.now().toISOString(),
    });
    expect(total).toBeGreaterThan(0);

    const report = await operator.get('/api/reports/reconciliation?from=2026-11-01&to=2026-11-07&format=xlsx');
    expect(report.status).toBe(200);
    await until(async () => (await exportRows(t.users.operator.id)).at(-1)?.detail.report === 'reconciliation', 'the report audit row');
    expect((await exportRows(t.users.operator.id)).at(-1)).toMatchObject({
      entity: 'transactions',
      detail: { report: 'reconciliation', format: 'xlsx', filter: { from: '2026-11-01', to: '2026-11-07' }, complete: true, rows: expect.any(Number) },
    });
  });

  it('an aborted export is audited too, as incomplete, with the rows sent so far', async () => {
    const before = (await exportRows(t.users.support.id)).length;
    const { req, response } = open('support', '/api/transactions/export?format=json');
    const res = await response;
    res.once('data', () => req.destroy()); // reads a little, then hangs up
    res.resume();
    await until(async () => (await exportRows(t.users.support.id)).length > before, 'the audit row of the aborted export');
    const row = (await exportRows(t.users.support.id)).at(-1);
    expect(row!.detail).toMatchObject({ resource: 'transactions', format: 'json', complete: false });
    const all = Number((await (await t.agent('support')).get(listUrl('transactions', { range: [0, 0] }))).headers['x-total-count']);
    expect(row!.detail.rows).toBeGreaterThan(0);
    expect(row!.detail.rows).toBeLessThan(all);
  });

  it('a refused export (bad input, 403, 429) leaves no audit row', async () => {
    const count = async () => Number((await t.db('audit').where('action', 'data.exported').count({ n: '*' }).first())!.n);
    const before = await count();
    const operator = await t.agent('operator');
    expect((await operator.get('/api/payments/export?format=xml')).status).toBe(400);
    expect((await operator.get('/api/users/export')).status).toBe(403);
    expect((await operator.get('/api/payments/export?filter={"nope":1}')).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('the Reports page preview is a plain read: it answers during the user\'s export, leaves no audit row, and the download after it is not refused', async () => {
    const admin = cookies.get('admin')!;
    const range = 'from=2026-10-23&to=2026-11-21';
    const before = (await exportRows(t.users.admin.id)).length;
    const running = open('admin', '/api/transactions/export?format=json');
    const runningRes = await running.response; // the admin's one export slot is taken
    expect(runningRes.statusCode).toBe(200);
    const preview = await request(t.app).get(`/api/reports/reconciliation/preview?${range}`).set('Cookie', admin);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    running.req.destroy();
    await until(async () => (await exportRows(t.users.admin.id)).length === before + 1, 'the aborted export\'s audit row');

    // Opening the page (the preview), then downloading: one export, one audit row.
    expect((await request(t.app).get(`/api/reports/reconciliation/preview?${range}`).set('Cookie', admin)).status).toBe(200);
    const download = await request(t.app).get(`/api/reports/reconciliation?${range}&format=json`).set('Cookie', admin);
    expect(download.status).toBe(200);
    await until(async () => (await exportRows(t.users.admin.id)).length === before + 2, 'the download\'s audit row');
    expect((await exportRows(t.users.admin.id)).slice(before).map((r) => r.detail.report ?? r.detail.resource)).toEqual(['transactions', 'reconciliation']);

    // The preview holds the download's first rows, their number and the sums per currency.
    const rows = download.body as ReconciliationRow[];
    expect(rows.length).toBeGreaterThan(PREVIEW_ROWS); // so the cut is tested
    expect(preview.body.total).toBe(rows.length);
    expect(preview.body.rows).toEqual(rows.slice(0, PREVIEW_ROWS));
    const currencies = [...new Set(rows.map((r) => r.currency))].sort();
    expect(preview.body.totals.map((x: { currency: string }) => x.currency)).toEqual(currencies);
    for (const x of preview.body.totals) {
      const mine = rows.filter((r) => r.currency === x.currency);
      for (const col of ['payment_count', 'payments', 'fees', 'net', 'settled', 'unsettled'] as const) {
        expect(x[col], `${x.currency} ${col}`).toBe(mine.reduce((sum, r) => sum + r[col], 0));
      }
    }
    // Bad input is still a 400; a download format is not a preview parameter.
    expect((await request(t.app).get('/api/reports/reconciliation/preview?format=csv').set('Cookie', admin)).status).toBe(400);
    expect((await request(t.app).get('/api/reports/reconciliation/preview?from=2026-11-21&to=2026-11-01').set('Cookie', admin)).status).toBe(400);
    expect((await exportRows(t.users.admin.id)).length).toBe(before + 2);
  });
});
