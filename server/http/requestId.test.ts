// X-Request-Id: on every response (API, errors, /metrics), the caller's when well-formed, else a
// fresh one; and on every log line the request writes.
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { deliver, WEBHOOK_SECRET } from '../test/processorEvents.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('X-Request-Id', () => {
  let t: TestApp;
  let output = '';
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { payments: 10, config: { PROCESSOR_WEBHOOK_SECRET: WEBHOOK_SECRET } });
    const sink = new Writable({
      write(chunk, _enc, done) {
        output += chunk.toString();
        done();
      },
    });
    app = createApp({ ...t.ctx, log: createLogger({ LOG_LEVEL: 'info' }, sink) });
  });
  afterAll(() => t.drop());

  it('When the caller sends none, then every answer gets a fresh one: API, refusals, unknown routes, metrics', async () => {
    const ids = new Set<string>();
    for (const path of ['/api/health', '/api/payments', '/api/nope', '/metrics', '/not-the-api']) {
      const res = await request(app).get(path);
      expect(res.headers['x-request-id'], path).toMatch(UUID);
      ids.add(res.headers['x-request-id']);
    }
    expect(ids.size).toBe(5);
  });

  it('When the caller sends a well-formed id, then it is kept; anything else is replaced', async () => {
    for (const good of ['req-123', 'a1b2c3d4-0000-4000-8000-000000000000', 'lb:7f.2_x', 'x'.repeat(128)]) {
      expect((await request(app).get('/api/health').set('X-Request-Id', good)).headers['x-request-id']).toBe(good);
    }
    for (const bad of ['', 'x'.repeat(129), 'has space', 'a"b', '<script>', 'é', 'a\tb', '{"json":1}']) {
      const res = await request(app).get('/api/health').set('X-Request-Id', bad);
      expect(res.headers['x-request-id'], JSON.stringify(bad)).toMatch(UUID);
    }
  });

  it('When a request logs, then every line it writes carries its id', async () => {
    output = '';
    await t.db.raw(`create trigger audit_fail_reqid before insert on audit begin select raise(abort, 'audit down'); end`);
    const res = await request(app).post('/api/auth/login').set('X-Request-Id', 'trace-me-42').send({ email: 'operator@example.com', password: 'whatever-password-1' });
    await t.db.raw('drop trigger audit_fail_reqid');
    expect(res.status).toBe(500);
    expect(res.headers['x-request-id']).toBe('trace-me-42');
    const lines = output.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(2); // the error and the request line
    expect(lines.map((l) => l.reqId)).toEqual(lines.map(() => 'trace-me-42'));
    expect(lines.find((l) => l.res)?.req.id).toBe('trace-me-42');
  });

  it('When a processor event is posted, then it writes one request line with its id (its own lighter logger)', async () => {
    const event = { id: 'evt_line_1', type: 'thing.happened', created_at: t.clock.now.toISOString(), data: { id: 'thing_1' } };
    for (const [header, status] of [[undefined, 200], [null, 401]] as const) {
      output = '';
      const res = await deliver({ ...t, app }, event, { header }).set('X-Request-Id', `evt-line-${status}`);
      expect(res.status).toBe(status);
      const lines = output.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 30, reqId: `evt-line-${status}`, msg: 'request completed',
        req: { id: `evt-line-${status}`, method: 'POST', url: '/api/processor/events' }, res: { statusCode: status },
      });
    }
  });
});
