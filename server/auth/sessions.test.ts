// Sessions: the cookie's flags, a new id at every login, idle and absolute timeouts enforced by
// the server on the app's clock, logout, disabling and role changes ending sessions at once.
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { hashToken } from '../auth/sessions.ts';
import { DEMO_PASSWORD } from '../seed/seedDemo.ts';
import { createTestApp, ENGINES, login, otpFields, type TestApp } from '../test/harness.ts';
import { sessionCookie, withToken } from '../test/routeCalls.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each(ENGINES)('sessions on %s', (engine) => {
  let t: TestApp;
  const advance = (ms: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + ms);
  };
  const signIn = async (email: string, app = t.app, headers: Record<string, string> = {}) => {
    const res = await request(app).post('/api/auth/login').set(headers).send({ email, password: DEMO_PASSWORD, ...(await otpFields(t, email)) });
    expect(res.status).toBe(200);
    return { res, token: sessionCookie(res)!.value };
  };
  const me = (token: string) => withToken(t.app, token).get('/api/auth/me');
  const sessionsOf = async (userId: string) => (await t.db('sessions').where('user_id', userId)).length;

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 20 });
  });
  afterAll(() => t.drop());
  beforeEach(() => {
    t.clock.now = new Date('2026-11-21T12:00:00Z');
  });

  describe('the cookie', () => {
    it('is HttpOnly, SameSite=Strict, Path=/, not Secure over plain HTTP, and holds 256 random bits stored only hashed', async () => {
      const { res, token } = await signIn('operator@example.com');
      const cookie = sessionCookie(res)!;
      expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
      expect(cookie.attributes).not.toContain('Secure');
      expect(cookie.attributes.some((a) => /^(Max-Age|Expires|Domain)=/i.test(a))).toBe(false);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
      expect(await t.db('sessions').where('id', token).first()).toBeUndefined();
      expect(await t.db('sessions').where('id', hashToken(token)).first()).toBeDefined();
    });

    it.each(['localhost', 'localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'app.localhost:3000'])(
      'is named kbo_session and not Secure on %s over plain HTTP (npm start)',
      async (host) => {
        const { res } = await signIn('operator@example.com', t.app, { Host: host });
        const cookie = sessionCookie(res)!;
        expect(cookie.name).toBe('kbo_session');
        expect(cookie.attributes).not.toContain('Secure');
      },
    );

    describe('anywhere else, Secure with the __Host- prefix by default', () => {
      const HOST = { Host: 'backoffice.example.com' };
      const onHost = (token: string, name: string) =>
        request(t.app).get('/api/auth/me').set(HOST).set('Cookie', `${name}=${encodeURIComponent(token)}`);

      it('over plain HTTP too (no setting needed), with Path=/ and no Domain as __Host- requires', async () => {
        const { res, token } = await signIn('operator@example.com', t.app, HOST);
        const cookie = sessionCookie(res)!;
        expect(cookie.name).toBe('__Host-kbo_session');
        expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', 'Secure']));
        expect(cookie.attributes.some((a) => /^Domain=/i.test(a))).toBe(false);
        expect((await onHost(token, '__Host-kbo_session')).status).toBe(200);
      });

      it('reads only the prefixed name there: an unprefixed cookie (planted by a subdomain) is no session', async () => {
        const { token } = await signIn('operator@example.com', t.app, HOST);
        expect((await onHost(token, 'kbo_session')).status).toBe(401);
      });

      it('localhost behind a trusted TLS proxy gets it too', async () => {
        const trusting = createApp({ ...t.ctx, config: { ...t.ctx.config, TRUST_PROXY: 'true' } });
        const { res } = await signIn('operator@example.com', trusting, { Host: 'localhost:3000', 'X-Forwarded-Proto': 'https' });
        expect(sessionCookie(res)!.name).toBe('__Host-kbo_session');
        expect(sessionCookie(res)!.attributes).toContain('Secure');
      });

      it('logout clears it under the same name and attributes, and ends the session', async () => {
        const { token } = await signIn('operator@example.com', t.app, HOST);
        const res = await request(t.app).post('/api/auth/logout').set(HOST).set('Cookie', `__Host-kbo_session=${encodeURIComponent(token)}`);
        expect(res.status).toBe(204);
        const cleared = sessionCookie(res)!;
        expect(cleared.name).toBe('__Host-kbo_session');
        expect(cleared.value).toBe('');
        expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/', 'Secure', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT']));
        expect((await onHost(token, '__Host-kbo_session')).status).toBe(401);
      });
    });

    it('is Secure on localhost too when COOKIE_SECURE=true', async () => {
      const app = createApp({ ...t.ctx, config: { ...t.ctx.config, COOKIE_SECURE: 'always' } });
      const { res } = await signIn('operator@example.com', app);
      expect(sessionCookie(res)!.name).toBe('__Host-kbo_session');
      expect(sessionCookie(res)!.attributes).toContain('Secure');
    });

    it('with COOKIE_SECURE=false, Secure only over TLS: behind a trusted proxy (X-Forwarded-Proto: https), and only then', async () => {
      const config = { ...t.ctx.config, COOKIE_SECURE: 'tls' as const };
      const plain = await signIn('operator@example.com', createApp({ ...t.ctx, config }), { Host: 'backoffice.example.com' });
      expect(sessionCookie(plain.res)!.attributes).not.toContain('Secure');
      const trusting = createApp({ ...t.ctx, config: { ...config, TRUST_PROXY: 'true' } });
      const viaProxy = await signIn('operator@example.com', trusting, { 'X-Forwarded-Proto': 'https' });
      expect(sessionCookie(viaProxy.res)!.attributes).toContain('Secure');
      // The header alone, from a client the app does not trust as a proxy, changes nothing.
      const spoofed = await signIn('operator@example.com', createApp({ ...t.ctx, config }), { 'X-Forwarded-Proto': 'https' });
      expect(sessionCookie(spoofed.res)!.attributes).not.toContain('Secure');
    });

    it('is cleared by logout with the same attributes', async () => {
      const { token } = await signIn('operator@example.com');
      const res = await withToken(t.app, token).post('/api/auth/logout');
      expect(res.status).toBe(204);
      const cleared = sessionCookie(res)!;
      expect(cleared.value).toBe('');
      expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT']));
    });
  });

  describe('rotation', () => {
    it('gives a new id at every login and kills the one the browser carried', async () => {
      const agent = await login(t.app, 'support@example.com');
      const before = await t.db('sessions').where('user_id', t.users.support.id).select('id');
      const again = await agent.post('/api/auth/login').send({ email: 'support@example.com', password: DEMO_PASSWORD });
      const rotated = sessionCookie(again)!.value;
      const after = await t.db('sessions').where('user_id', t.users.support.id).select('id');
      expect(after.map((s) => s.id)).toContain(hashToken(rotated));
      const killed = before.map((s) => s.id).filter((id) => !after.some((a) => a.id === id));
      expect(killed).toHaveLength(1); // exactly the agent's old one
      expect((await agent.get('/api/auth/me')).status).toBe(200);
    });

    it('refuses the old cookie after a re-login', async () => {
      const { token: old } = await signIn('support@example.com');
      const res = await withToken(t.app, old).post('/api/auth/login').send({ email: 'support@example.com', password: DEMO_PASSWORD });
      const fresh = sessionCookie(res)!.value;
      expect(fresh).not.toBe(old);
      expect((await me(old)).status).toBe(401);
      expect((await me(fresh)).status).toBe(200);
    });

    it('refuses made-up, empty and malformed tokens', async () => {
      for (const token of ['x', 'A'.repeat(43), '', '%%%', 'kbo_session']) {
        expect((await me(token)).status).toBe(401);
      }
      expect((await request(t.app).get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('timeouts on the server clock', () => {
    it('ends a session idle for SESSION_IDLE_MINUTES, while activity keeps it alive', async () => {
      const idle = t.ctx.config.SESSION_IDLE_MINUTES;
      expect(idle).toBe(30);
      const { token } = await signIn('operator@example.com');
      advance((idle - 1) * MINUTE);
      expect((await me(token)).status).toBe(200); // activity at 29 min moves the idle clock
      advance((idle - 1) * MINUTE);
      expect((await me(token)).status).toBe(200); // 58 min after login, 29 after the last request
      advance(idle * MINUTE);
      expect((await me(token)).status).toBe(401);
      expect(await t.db('sessions').where('id', hashToken(token)).first()).toBeUndefined();
      // Even if the clock went back, the session is gone for good.
      t.clock.now = new Date('2026-11-21T12:00:00Z');
      expect((await me(token)).status).toBe(401);
    });

    it('says why a request has no session: no cookie, idle, past the absolute limit, or ended elsewhere', async () => {
      expect((await request(t.app).get('/api/payments')).body).toMatchObject({ reason: 'no_session' });
      const { token } = await signIn('operator@example.com');
      advance(30 * MINUTE);
      const idle = await withToken(t.app, token).get('/api/payments');
      expect([idle.status, idle.body.reason]).toEqual([401, 'idle']);
      expect(idle.body.message).toMatch(/inactivity/);
      // The row went with the first refusal; requests still in flight with the cookie hear why too.
      expect(await t.db('sessions').where('id', hashToken(token)).first()).toBeUndefined();
      expect((await me(token)).body.reason).toBe('idle');

      const busy = await signIn('operator@example.com');
      for (let i = 0; i < 35; i++) {
        advance(20 * MINUTE);
        expect((await me(busy.token)).status).toBe(200);
      }
      advance(20 * MINUTE); // 12 h after login, 20 min after the last request
      const expired = await me(busy.token);
      expect([expired.status, expired.body.reason]).toEqual([401, 'expired']);

      const mine = await signIn('operator@example.com');
      const elsewhere = await signIn('operator@example.com');
      expect((await withToken(t.app, elsewhere.token).post('/api/auth/logout')).status).toBe(204);
      expect((await me(elsewhere.token)).body.reason).toBe('ended');
      expect((await me(mine.token)).status).toBe(200);
    });

    it('ends a session exactly at the idle limit', async () => {
      const { token } = await signIn('operator@example.com');
      advance(30 * MINUTE);
      expect((await me(token)).status).toBe(401);
    });

    it('ends a session SESSION_MAX_HOURS after login however active it is', async () => {
      const max = t.ctx.config.SESSION_MAX_HOURS;
      expect(max).toBe(12);
      const { token } = await signIn('operator@example.com');
      for (let elapsed = 20 * MINUTE; elapsed < max * HOUR; elapsed += 20 * MINUTE) {
        advance(20 * MINUTE);
        expect((await me(token)).status, `after ${elapsed / MINUTE} min`).toBe(200);
      }
      advance(20 * MINUTE); // now exactly 12 h after login
      expect((await me(token)).status).toBe(401);
    });

    it('follows the configured limits', async () => {
      const app = createApp({ ...t.ctx, config: { ...t.ctx.config, SESSION_IDLE_MINUTES: 5, SESSION_MAX_HOURS: 1 } });
      const { token } = await signIn('operator@example.com', app);
      advance(4 * MINUTE);
      expect((await withToken(app, token).get('/api/auth/me')).status).toBe(200);
      advance(5 * MINUTE);
      expect((await withToken(app, token).get('/api/auth/me')).status).toBe(401);
      const second = await signIn('operator@example.com', app);
      for (let i = 0; i < 14; i++) {
        advance(4 * MINUTE);
        expect((await withToken(app, second.token).get('/api/auth/me')).status).toBe(200);
      }
      advance(4 * MINUTE); // 60 min after login
      expect((await withToken(app, second.token).get('/api/auth/me')).status).toBe(401);
    });

    it('prunes sessions a day past their absolute limit at the next login', async () => {
      const { token } = await signIn('operator@example.com');
      advance(13 * HOUR);
      await signIn('support@example.com');
      expect((await me(token)).status).toBe(401); // refused at once…
      const { token: old } = await signIn('operator@example.com');
      advance(37 * HOUR);
      await signIn('support@example.com');
      expect(await t.db('sessions').where('id', hashToken(old)).first()).toBeUndefined(); // …and gone later
      const ancient = await t.db('sessions').where('created_at', '<=', new Date(t.clock.now.getTime() - 36 * HOUR).toISOString());
      expect(ancient).toEqual([]);
    });
  });

  describe('ending sessions', () => {
    it('logout kills the session on the server: replaying the cookie is a 401', async () => {
      const { token } = await signIn('operator@example.com');
      expect((await withToken(t.app, token).post('/api/auth/logout')).status).toBe(204);
      expect((await me(token)).status).toBe(401);
      expect((await withToken(t.app, token).get('/api/payments')).status).toBe(401);
      expect(await t.db('sessions').where('id', hashToken(token)).first()).toBeUndefined();
      // Logging out again is harmless.
      expect((await withToken(t.app, token).post('/api/auth/logout')).status).toBe(204);
    });

    it('disabling a user ends all their sessions at once and refuses their login with the usual message', async () => {
      const admin = await t.agent('admin');
      const target = await t.db('users').where('email', 'support2@example.com').first();
      const a = await signIn(target!.email);
      const b = await signIn(target!.email);
      expect(await sessionsOf(target!.id)).toBeGreaterThanOrEqual(2);
      expect((await admin.put(`/api/users/${target!.id}`).send({ disabled: true })).status).toBe(200);
      expect(await sessionsOf(target!.id)).toBe(0);
      expect((await me(a.token)).status).toBe(401);
      expect((await me(b.token)).status).toBe(401);
      const refused = await request(t.app).post('/api/auth/login').send({ email: target!.email, password: DEMO_PASSWORD });
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({ message: 'Invalid email or password' });
      expect(sessionCookie(refused)).toBeUndefined();
      expect((await admin.put(`/api/users/${target!.id}`).send({ disabled: false })).status).toBe(200);
      await signIn(target!.email);
    });

    it('a disabled flag set behind the app\'s back is honoured on the next request', async () => {
      const target = await t.db('users').where('email', 'support2@example.com').first();
      const { token } = await signIn(target!.email);
      await t.db('users').where('id', target!.id).update({ disabled: true });
      expect((await me(token)).status).toBe(401);
      await t.db('users').where('id', target!.id).update({ disabled: false });
    });

    it('a role change ends the user\'s sessions; the next login carries the new role', async () => {
      const admin = await t.agent('admin');
      const target = await t.db('users').where('email', 'support2@example.com').first();
      const { token } = await signIn(target!.email);
      expect((await admin.put(`/api/users/${target!.id}`).send({ role: 'operator' })).status).toBe(200);
      expect((await me(token)).status).toBe(401);
      const again = await signIn(target!.email);
      expect((await me(again.token)).body.role).toBe('operator');
      expect((await admin.put(`/api/users/${target!.id}`).send({ role: 'support' })).status).toBe(200);
    });

    it('a rename does not end sessions', async () => {
      const admin = await t.agent('admin');
      const target = await t.db('users').where('email', 'support2@example.com').first();
      const { token } = await signIn(target!.email);
      expect((await admin.put(`/api/users/${target!.id}`).send({ name: 'Support Two (renamed)' })).status).toBe(200);
      expect((await me(token)).body.name).toBe('Support Two (renamed)');
    });

    it('changing one\'s password ends every other session and rotates the current one', async () => {
      const email = 'admin2@example.com';
      const other = await signIn(email);
      const current = await signIn(email);
      const res = await withToken(t.app, current.token).post('/api/auth/password')
        .send({ current_password: DEMO_PASSWORD, new_password: 'velvet-otter-canal-93' });
      expect(res.status).toBe(204);
      const rotated = sessionCookie(res)!.value;
      expect(rotated).not.toBe(current.token);
      expect((await me(other.token)).status).toBe(401);
      expect((await me(current.token)).status).toBe(401);
      expect((await me(rotated)).status).toBe(200);
      const old = await request(t.app).post('/api/auth/login').send({ email, password: DEMO_PASSWORD, ...(await otpFields(t, email)) });
      expect(old.status).toBe(401);
      expect(old.body).toEqual({ message: 'Invalid email or password' });
      const fresh = await request(t.app).post('/api/auth/login').send({ email, password: 'velvet-otter-canal-93', ...(await otpFields(t, email)) });
      expect(fresh.status).toBe(200);
    });
  });
});

describe('COOKIE_SECURE', () => {
  it.each([
    [undefined, 'auto'],
    ['auto', 'auto'],
    ['true', 'always'],
    ['false', 'tls'],
  ])('%s → %s', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { COOKIE_SECURE: value }).COOKIE_SECURE).toBe(expected);
  });

  it('refuses anything else', () => {
    expect(() => loadConfig({ COOKIE_SECURE: 'sometimes' })).toThrow(/COOKIE_SECURE/);
  });
});
