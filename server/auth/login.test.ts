// Login: one answer for every kind of failure, in comparable time; throttling per account and per
// IP with 429 and Retry-After on the app's clock; stored hashes upgraded to the current cost.
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.ts';
import { createApp } from '../app.ts';
import { dummyHash, hashParams, hashPassword, type ScryptCost } from '../auth/password.ts';
import { LIMITS, WINDOW_MS } from '../auth/throttle.ts';
import { DEMO_PASSWORD } from '../seed/seedDemo.ts';
import { createTestApp, ENGINES, TEST_COST, type TestApp } from '../test/harness.ts';
import { sessionCookie } from '../test/routeCalls.ts';

const WINDOW_S = WINDOW_MS / 1000;

describe.each(ENGINES)('login on %s', (engine) => {
  let t: TestApp;
  const attempt = (email: string, password: string, ip = '203.0.113.7', app = t.app) =>
    request(app).post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });
  const advance = (ms: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + ms);
  };

  beforeAll(async () => {
    // TRUST_PROXY lets each test choose its client address through X-Forwarded-For.
    t = await createTestApp(engine, { payments: 20, config: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    t.clock.now = new Date('2026-11-21T12:00:00Z');
    await t.db('login_failures').delete();
  });

  describe('one answer for every failure', () => {
    it('unknown email, wrong password and disabled account all get the same 401 body and headers', async () => {
      await t.db('users').where('email', 'support2@example.com').update({ disabled: true });
      const answers = [
        await attempt('nobody@example.com', DEMO_PASSWORD, '198.51.100.1'),
        await attempt('operator@example.com', 'wrong-password-123', '198.51.100.2'),
        await attempt('support2@example.com', DEMO_PASSWORD, '198.51.100.3'),
      ];
      await t.db('users').where('email', 'support2@example.com').update({ disabled: false });
      const shape = (r: request.Response) => ({
        status: r.status, body: r.body, cookie: sessionCookie(r),
        headers: Object.keys(r.headers).filter((h) => !['date', 'content-length'].includes(h)).sort(),
        contentLength: r.headers['content-length'],
      });
      expect(shape(answers[0])).toEqual({ ...shape(answers[0]), status: 401, body: { message: 'Invalid email or password' }, cookie: undefined });
      expect(shape(answers[1])).toEqual(shape(answers[0]));
      expect(shape(answers[2])).toEqual(shape(answers[0]));
    });

    it('verifies unknown emails against a dummy hash made with the configured cost', async () => {
      const cost: ScryptCost = { N: 2048, r: 8, p: 1 };
      const params = hashParams(await dummyHash(cost))!;
      expect({ N: params.N, r: params.r, p: params.p }).toEqual(cost);
      expect(hashParams(await dummyHash())).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    });

    it('takes comparable time for an unknown email and a wrong password', async () => {
      // A cost where the hash dominates the request, so skipping it for unknown emails (or
      // checking them against a hash of another cost) would show as a factor of several.
      const cost: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };
      const app = createApp({ ...t.ctx, passwordCost: cost });
      await t.db('users').insert({
        id: newId('user'), email: 'timing@example.com', name: 'Timing', role: 'support', disabled: false,
        password_hash: await hashPassword('right-password-for-timing', cost), created_at: '2026-11-01T00:00:00.000Z',
      });
      // Measured interleaved with the logins, so a busy machine slows all three series alike.
      const hashAlone: number[] = [];
      const unknown: number[] = [];
      const wrong: number[] = [];
      await attempt('warm-up@example.com', 'whatever-password', '192.0.2.1', app);
      for (let i = 0; i < 8; i++) {
        for (const [times, email] of [[unknown, `ghost${i}@example.com`], [wrong, 'timing@example.com']] as const) {
          const s = performance.now();
          const res = await attempt(email, `wrong-password-${i}`, `192.0.2.${10 + i}`, app);
          times.push(performance.now() - s);
          expect(res.status).toBe(401);
        }
        const s = performance.now();
        await hashPassword('x', cost);
        hashAlone.push(performance.now() - s);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const ratio = median(unknown) / median(wrong);
      // Medians of interleaved runs; a path that skipped the hash would be several times faster.
      expect(ratio, `unknown ${median(unknown).toFixed(1)} ms vs wrong ${median(wrong).toFixed(1)} ms`).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(1 / 0.5);
      // And the unknown-email path really does hash.
      expect(median(unknown)).toBeGreaterThan(median(hashAlone) * 0.4);
      await t.db('login_failures').delete();
    });
  });

  describe('throttling per account', () => {
    it(`allows ${LIMITS.account} failures per window, then 429 with Retry-After even for the right password`, async () => {
      for (let i = 0; i < LIMITS.account; i++) {
        expect((await attempt('operator@example.com', `bad-guess-${i}`, `198.51.100.${i + 1}`)).status).toBe(401);
      }
      advance(60_000);
      const refused = await attempt('operator@example.com', DEMO_PASSWORD, '198.51.100.200');
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe(String(WINDOW_S - 60));
      expect(refused.headers['cache-control']).toBe('no-store');
      expect(refused.body).toEqual({ message: 'Too many failed sign-in attempts. Try again later.' });
      expect(sessionCookie(refused)).toBeUndefined();

      advance(5 * 60_000);
      expect((await attempt('operator@example.com', DEMO_PASSWORD, '198.51.100.201')).headers['retry-after']).toBe(String(WINDOW_S - 6 * 60));
      // The window ends 15 minutes after the first failure: then the right password works.
      advance(WINDOW_MS - 6 * 60_000);
      expect((await attempt('operator@example.com', DEMO_PASSWORD, '198.51.100.202')).status).toBe(200);
    });

    it('throttles unknown emails the same way (no hint that an account exists)', async () => {
      for (let i = 0; i < LIMITS.account; i++) await attempt('ghost@example.com', `guess-${i}`, `198.51.100.${i + 1}`);
      const refused = await attempt('ghost@example.com', 'guess-x', '198.51.100.99');
      expect(refused.status).toBe(429);
    });

    it('a success resets the account counter', async () => {
      for (let i = 0; i < LIMITS.account - 1; i++) await attempt('support@example.com', `bad-${i}`, `198.51.100.${i + 1}`);
      expect((await attempt('support@example.com', DEMO_PASSWORD)).status).toBe(200);
      for (let i = 0; i < LIMITS.account; i++) {
        expect((await attempt('support@example.com', `bad-again-${i}`, `198.51.100.${i + 1}`)).status).toBe(401);
      }
      expect((await attempt('support@example.com', DEMO_PASSWORD)).status).toBe(429);
    });

    it('counts email case-insensitively', async () => {
      for (let i = 0; i < LIMITS.account; i++) await attempt(i % 2 ? 'OPERATOR@example.com' : ' operator@EXAMPLE.com ', `bad-${i}`, `198.51.100.${i + 1}`);
      expect((await attempt('operator@example.com', DEMO_PASSWORD)).status).toBe(429);
    });

    it('holds under a burst of parallel guesses: no more than the limit are checked', async () => {
      const results = await Promise.all(
        Array.from({ length: 3 * LIMITS.account }, (_, i) => attempt('admin2@example.com', `burst-${i}`, `198.51.100.${i + 1}`)),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(LIMITS.account);
      expect(statuses.filter((s) => s === 429)).toHaveLength(2 * LIMITS.account);
    });
  });

  describe('throttling per IP', () => {
    it(`allows ${LIMITS.ip} failures from one address across accounts, then 429; other addresses are unaffected`, async () => {
      for (let i = 0; i < LIMITS.ip; i++) {
        expect((await attempt(`spray${i}@example.com`, 'Summer2026!!', '192.0.2.77')).status).toBe(401);
      }
      const refused = await attempt('operator@example.com', DEMO_PASSWORD, '192.0.2.77');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBe(WINDOW_S);
      expect((await attempt('operator@example.com', DEMO_PASSWORD, '192.0.2.78')).status).toBe(200);
      advance(WINDOW_MS);
      expect((await attempt('operator@example.com', DEMO_PASSWORD, '192.0.2.77')).status).toBe(200);
    });

    it('does not count successful logins against an address (an office behind one NAT)', async () => {
      for (let i = 0; i < LIMITS.ip - 1; i++) await attempt(`typo${i}@example.com`, 'x-wrong-password', '192.0.2.90');
      for (let i = 0; i < 20; i++) expect((await attempt('support@example.com', DEMO_PASSWORD, '192.0.2.90')).status).toBe(200);
      expect((await attempt('typo-last@example.com', 'x-wrong-password', '192.0.2.90')).status).toBe(401);
      expect((await attempt('typo-over@example.com', 'x-wrong-password', '192.0.2.90')).status).toBe(429);
    });

    it('counts IPv6 clients per /64, so rotating addresses within it does not help', async () => {
      for (let i = 0; i < LIMITS.ip; i++) await attempt(`v6-${i}@example.com`, 'x-wrong-password', `2001:db8:1:2::${(i + 1).toString(16)}`);
      expect((await attempt('operator@example.com', DEMO_PASSWORD, '2001:db8:1:2:ffff::1')).status).toBe(429);
      expect((await attempt('operator@example.com', DEMO_PASSWORD, '2001:db8:1:3::1')).status).toBe(200);
    });

    it('attempts from a blocked address do not count against the accounts they name', async () => {
      for (let i = 0; i < LIMITS.ip; i++) await attempt(`block${i}@example.com`, 'x-wrong-password', '192.0.2.50');
      // The blocked address keeps naming one account, well past the account limit.
      for (let i = 0; i < 3 * LIMITS.account; i++) {
        expect((await attempt('operator@example.com', `guess-${i}`, '192.0.2.50')).status).toBe(429);
      }
      const row = await t.db('login_failures').where('key', 'email:operator@example.com').first();
      expect(row).toBeUndefined();
      // The owner, from anywhere else, is not locked out.
      expect((await attempt('operator@example.com', DEMO_PASSWORD, '192.0.2.51')).status).toBe(200);
    });

    it('attempts refused by the account limit do not use up the address', async () => {
      for (let i = 0; i < LIMITS.account; i++) await attempt('support2@example.com', `bad-${i}`, '192.0.2.60');
      for (let i = 0; i < 2 * LIMITS.ip; i++) {
        expect((await attempt('support2@example.com', `more-${i}`, '192.0.2.60')).status).toBe(429);
      }
      // The address has used LIMITS.account slots; it still has the rest for other accounts.
      for (let i = 0; i < LIMITS.ip - LIMITS.account; i++) {
        expect((await attempt(`other${i}@example.com`, 'x-wrong-password', '192.0.2.60')).status).toBe(401);
      }
      expect((await attempt('other-last@example.com', 'x-wrong-password', '192.0.2.60')).status).toBe(429);
    });

    it('ignores X-Forwarded-For when TRUST_PROXY is off (the header cannot dodge the limit)', async () => {
      const app = createApp({ ...t.ctx, config: { ...t.ctx.config, TRUST_PROXY: 'false' } });
      for (let i = 0; i < LIMITS.ip; i++) await attempt(`direct${i}@example.com`, 'x-wrong-password', `10.9.8.${i}`, app);
      expect((await attempt('operator@example.com', DEMO_PASSWORD, '10.9.9.9', app)).status).toBe(429);
    });
  });

  describe('hash upgrades', () => {
    it('re-hashes a password stored at another cost at the next successful login', async () => {
      const cost: ScryptCost = { N: 4096, r: 8, p: 1 };
      const app = createApp({ ...t.ctx, passwordCost: cost });
      const before = await t.db('users').where('email', 'support@example.com').first();
      expect(hashParams(before!.password_hash)).toMatchObject(TEST_COST);
      expect((await attempt('support@example.com', DEMO_PASSWORD, '192.0.2.5', app)).status).toBe(200);
      const after = await t.db('users').where('email', 'support@example.com').first();
      expect(hashParams(after!.password_hash)).toMatchObject(cost);
      expect((await attempt('support@example.com', DEMO_PASSWORD, '192.0.2.5', app)).status).toBe(200);
      const audit = await t.db('audit').where({ action: 'login.succeeded', entity_id: before!.id }).orderBy('id', 'desc').limit(2);
      expect(audit.map((a) => (a.detail ? JSON.parse(a.detail) : null))).toEqual([null, { password_rehashed: true }]);
      await t.db('users').where('id', before!.id).update({ password_hash: before!.password_hash });
    });
  });
});
