// Request logs are structured JSON and never contain passwords, session cookies or bodies: the
// production logger is fed a login, failures, malformed bodies, writes and a server error, and
// its whole output is searched for every secret used.
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../logger.ts';
import { DEMO_PASSWORD } from '../seed/seedDemo.ts';
import { createTestApp, otpFields, type TestApp } from '../test/harness.ts';
import { sessionCookie } from '../test/routeCalls.ts';

describe('request logging', () => {
  let t: TestApp;
  let output = '';
  let app: ReturnType<typeof createApp>;
  const secrets: string[] = [];
  const lines = () => output.trim().split('\n').map((l) => JSON.parse(l));

  beforeAll(async () => {
    t = await createTestApp('sqlite', { payments: 10 });
    const sink = new Writable({
      write(chunk, _enc, done) {
        output += chunk.toString();
        done();
      },
    });
    app = createApp({ ...t.ctx, log: createLogger({ LOG_LEVEL: 'info' }, sink) });

    const admin = request.agent(app);
    const { otp } = await otpFields(t, 'admin@example.com');
    const login = await admin.post('/api/auth/login').send({ email: 'admin@example.com', password: DEMO_PASSWORD, otp });
    // The second factor's code is a secret too: it never reaches a log line.
    secrets.push(DEMO_PASSWORD, sessionCookie(login)!.value, otp!);
    await admin.get('/api/payments');

    const wrong = 'Wr0ng-Pa55word-for-logs';
    secrets.push(wrong);
    await request(app).post('/api/auth/login').send({ email: 'operator@example.com', password: wrong });

    const malformed = 'Malformed-Body-Secret-77';
    secrets.push(malformed);
    await request(app).post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email":"a@b.c","password":"${malformed}"`);
    await request(app).post('/api/auth/login').set('Content-Type', 'text/plain').send(`password=${malformed}`);

    const created = 'velvet-otter-canal-93';
    secrets.push(created);
    await admin.post('/api/users').send({ email: 'logged@example.com', name: 'Logged', role: 'support', password: created });

    const otherSession = await request(app).post('/api/auth/login').send({ email: 'support@example.com', password: DEMO_PASSWORD });
    const token = sessionCookie(otherSession)!.value;
    secrets.push(token);
    const changed = 'quiet-heron-lantern-42';
    secrets.push(changed);
    await request(app).post('/api/auth/password').set('Cookie', `kbo_session=${token}`)
      .send({ current_password: DEMO_PASSWORD, new_password: changed });

    // A server error with a password in flight: the error is logged, the password is not.
    await t.db.raw(`create trigger audit_test_fail before insert on audit begin select raise(abort, 'audit down'); end`);
    const duringError = 'Error-Path-Secret-55';
    secrets.push(duringError);
    await request(app).post('/api/auth/login').send({ email: 'operator@example.com', password: duringError });
    await request(app).post('/api/auth/login').send({ email: 'operator@example.com', password: DEMO_PASSWORD });
    await t.db.raw('drop trigger audit_test_fail');
  });
  afterAll(() => t.drop());

  it('writes one structured line per request: method, path, status, time, user', () => {
    const requests = lines().filter((l) => l.req && l.res);
    expect(requests.length).toBeGreaterThanOrEqual(9);
    const login = requests.find((l) => l.req.url === '/api/auth/login' && l.res.statusCode === 200)!;
    expect(login).toMatchObject({ level: 30, req: { method: 'POST', url: '/api/auth/login' }, res: { statusCode: 200 } });
    expect(typeof login.responseTime).toBe('number');
    const list = requests.find((l) => l.req.url === '/api/payments')!;
    expect(list.userId).toBe(t.users.admin.id);
    expect(Object.keys(list.req).sort()).toEqual(['id', 'ip', 'method', 'url']);
    expect(Object.keys(list.res)).toEqual(['statusCode']);
  });

  it('logs server errors at error level with the error, still without secrets', () => {
    const errors = lines().filter((l) => l.level >= 50);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((l) => l.err?.message?.includes('audit down'))).toBe(true);
    // A failed query is logged with its placeholders, never the values bound to them.
    const failed = errors.find((l) => l.err?.message?.includes('insert into'))!;
    expect(failed.err.message).toMatch(/values \(\?, \?/);
    expect(failed.err.message).not.toContain('operator@example.com');
    expect(Object.keys(failed.err).sort()).toEqual(['code', 'message', 'stack', 'type']);
  });

  it('never contains a password, a session token, a cookie header or a body', () => {
    expect(secrets).toHaveLength(9);
    for (const secret of secrets) expect(output, secret).not.toContain(secret);
    expect(output).not.toMatch(/kbo_session|set-cookie|"cookie"|password_hash|scrypt\$/i);
  });
});
