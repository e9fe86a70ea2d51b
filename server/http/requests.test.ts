// Request-level protections: cross-origin writes refused, JSON bodies only, size limits, NUL
// bytes, mass assignment, and API answers never cached.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { DEMO_PASSWORD } from '../seed/seedDemo.ts';
import type { MerchantRow } from '../db/tables.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { dbDigest, sessionCookie } from '../test/routeCalls.ts';
import { methodOf, ROUTES } from '../test/routes.table.ts';
import { MAX_JSON_DEPTH } from './security.ts';

describe.each(ENGINES)('requests on %s', (engine) => {
  let t: TestApp;
  let admin: request.Agent;
  let merchant: MerchantRow;

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 20 });
    admin = await t.agent('admin');
    merchant = (await t.db('merchants').orderBy('id').first())!;
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db('login_failures').delete();
  });

  describe('cross-origin writes', () => {
    const refused = (res: request.Response) => {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ message: 'Cross-origin request refused' });
    };

    it('refuses a login posted from another origin, before looking at the credentials', async () => {
      const before = await t.db('audit').count({ n: '*' }).first();
      const res = await request(t.app).post('/api/auth/login').set('Origin', 'https://evil.example')
        .send({ email: 'admin@example.com', password: DEMO_PASSWORD });
      refused(res);
      expect(sessionCookie(res)).toBeUndefined();
      expect(await t.db('audit').count({ n: '*' }).first()).toEqual(before);
    });

    it('refuses writes whose Origin is another host, port or scheme-less value, and changes nothing', async () => {
      const digest = await dbDigest(t.db);
      for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null', 'not a url', 'file://', 'http://backoffice.test.evil.example']) {
        refused(await admin.put(`/api/merchants/${merchant.id}`).set('Host', 'backoffice.test').set('Origin', origin).send({ status: 'closed' }));
      }
      expect(await dbDigest(t.db)).toEqual(digest);
    });

    it('refuses writes a browser marks as cross-site or same-site (another subdomain)', async () => {
      for (const site of ['cross-site', 'same-site', 'bogus']) {
        refused(await admin.put(`/api/merchants/${merchant.id}`).set('Sec-Fetch-Site', site).send({ status: 'closed' }));
        refused(await admin.post('/api/auth/logout').set('Sec-Fetch-Site', site));
        refused(await admin.delete(`/api/users/${t.users.support.id}`).set('Sec-Fetch-Site', site));
        refused(await admin.patch(`/api/users/${t.users.support.id}`).set('Sec-Fetch-Site', site).send({}));
      }
      expect((await admin.get('/api/auth/me')).status).toBe(200); // the refused logout did nothing
      expect((await t.db('merchants').where('id', merchant.id).first())!.status).toBe(merchant.status);
    });

    it('lets same-origin browser writes and non-browser clients through', async () => {
      const body = { status: merchant.status };
      expect((await admin.put(`/api/merchants/${merchant.id}`).set('Sec-Fetch-Site', 'same-origin').send(body)).status).toBe(200);
      expect((await admin.put(`/api/merchants/${merchant.id}`).set('Host', 'backoffice.localhost').set('Origin', 'http://backoffice.localhost').send(body)).status).toBe(200);
      expect((await admin.put(`/api/merchants/${merchant.id}`).send(body)).status).toBe(200); // curl, scripts
    });

    it('compares with the public host behind a trusted proxy (X-Forwarded-Host), and only then', async () => {
      const send = (app: ReturnType<typeof createApp>) =>
        request(app).post('/api/auth/login')
          .set('Host', '10.0.0.5:3000').set('X-Forwarded-Host', 'backoffice.example.com').set('Origin', 'https://backoffice.example.com')
          .send({ email: 'nobody@example.com', password: 'irrelevant-password' });
      expect((await send(createApp({ ...t.ctx, config: { ...t.ctx.config, TRUST_PROXY: 'true' } }))).status).toBe(401);
      expect((await send(t.app)).status).toBe(403);
    });

    it('does not refuse reads from another origin (they change nothing; the cookie is SameSite=Strict)', async () => {
      expect((await admin.get('/api/merchants').set('Sec-Fetch-Site', 'cross-site').set('Origin', 'https://evil.example')).status).toBe(200);
    });
  });

  describe('bodies', () => {
    it('must be application/json: text, forms, XML, multipart (outside upload routes) are 415', async () => {
      const json = JSON.stringify({ email: 'admin@example.com', password: DEMO_PASSWORD });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/merge-patch+json', 'application/csp-report']) {
        const res = await request(t.app).post('/api/auth/login').set('Content-Type', type).send(json);
        expect(res.status, type).toBe(415);
        expect(res.body).toEqual({ message: 'Request body must be application/json' });
      }
      const multipart = await admin.post('/api/users').field('email', 'x@example.com').field('password', 'velvet-otter-canal-93');
      expect(multipart.status).toBe(415);
      const noType = await request(t.app).post('/api/auth/login').set('Content-Type', '').send(json);
      expect(noType.status).toBe(415);
    });

    it('accepts application/json with a UTF-8 charset, refuses other charsets and compressed bodies', async () => {
      const body = JSON.stringify({ email: 'nobody@example.com', password: 'irrelevant-password' });
      expect((await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json; charset=utf-8').send(body)).status).toBe(401);
      const latin1 = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json; charset=iso-8859-1').send(body);
      expect(latin1.status).toBe(415);
      const gzip = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send(body);
      expect(gzip.status).toBe(415);
      expect(typeof gzip.body.message).toBe('string');
    });

    it('over 100 kB is a 413 JSON answer; malformed or non-object JSON is a 400', async () => {
      const big = await admin.put(`/api/users/${t.users.support.id}`).set('Content-Type', 'application/json')
        .send(JSON.stringify({ name: 'x'.repeat(101 * 1024) }));
      expect(big.status).toBe(413);
      expect(big.body).toEqual({ message: 'Request body is too large' });
      expect(big.headers['content-type']).toMatch(/^application\/json/);
      for (const raw of ['{"email":', '"just a string"', 'null', '12', '{"a":1}{"b":2}']) {
        const res = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send(raw);
        expect(res.status, raw).toBe(400);
        expect(typeof res.body.message).toBe('string');
        expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts)|SyntaxError/);
      }
    });

    it(`refuses a body nested deeper than ${MAX_JSON_DEPTH} levels with a 400 on every write route, Idempotency-Key or not`, async () => {
      const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
      const writes = ROUTES.filter((r) => methodOf(r) !== 'GET' && !r.upload);
      expect(writes.length).toBeGreaterThan(10);
      for (const row of writes) {
        for (const headers of [{}, { 'Idempotency-Key': randomUUID() }]) {
          for (const body of [deep(MAX_JSON_DEPTH + 1), deep(20_000), `{"a":${deep(5_000)}}`]) {
            // Every route pattern, parameters filled with any id: the body is refused before routing.
            const path = row.route.split(' ')[1].replace(/:\w+/g, 'nope_1');
            const res = await admin[methodOf(row).toLowerCase() as 'post'](path).set(headers)
              .set('Content-Type', 'application/json').send(body);
            // Processor events are authenticated by a signature over the raw bytes, checked before
            // anything parses them: an unsigned body is refused as such, unread.
            if (row.route === 'POST /api/processor/events') {
              expect(res.status, `${row.route} ${body.length}`).toBe(401);
              continue;
            }
            expect(res.status, `${row.route} ${body.length}`).toBe(400);
            expect(res.body).toEqual({ message: `Request body nests deeper than ${MAX_JSON_DEPTH} levels` });
          }
        }
      }
      // Brackets inside strings are text, and the limit itself is fine.
      const login = (body: string) => request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send(body);
      expect((await login(JSON.stringify({ email: 'nobody@example.com', password: `${'['.repeat(500)}"\\` }))).status).toBe(401);
      expect((await login(`{"email":${deep(MAX_JSON_DEPTH - 1)}}`)).body.message).not.toMatch(/nests/);
    });

    it('refuses NUL characters in paths, queries and bodies with a 400', async () => {
      expect((await admin.get('/api/payments/py_1%00')).status).toBe(400);
      expect((await admin.get(`/api/payments?filter=${encodeURIComponent(JSON.stringify({ q: 'a\u0000b' }))}`)).status).toBe(400);
      expect((await admin.put(`/api/users/${t.users.support.id}`).send({ name: 'a\u0000b' })).status).toBe(400);
      expect((await request(t.app).post('/api/auth/login').send({ email: 'a\u0000@example.com', password: 'irrelevant-password' })).status).toBe(400);
    });
  });

  describe('mass assignment: only writable fields are taken', () => {
    it('PUT /api/users/:id takes name, role and disabled, nothing else', async () => {
      const target = await t.db('users').where('email', 'support2@example.com').first();
      const res = await admin.put(`/api/users/${target!.id}`).send({
        id: 'usr_00000000000000000000000000', email: 'hijack@example.com', password_hash: 'scrypt$1024$8$1$AAAA$BBBB',
        created_at: '2000-01-01T00:00:00.000Z', last_login_at: '2000-01-01T00:00:00.000Z', is_admin: true,
        name: 'Support Two Renamed', role: 'operator', disabled: false,
      });
      expect(res.status).toBe(200);
      const after = await t.db('users').where('id', target!.id).first();
      expect(after).toEqual({ ...target, name: 'Support Two Renamed', role: 'operator', disabled: after!.disabled });
      expect(Boolean(after!.disabled)).toBe(false);
      expect(res.body).toEqual({
        id: target!.id, email: target!.email, name: 'Support Two Renamed', role: 'operator', disabled: false,
        created_at: target!.created_at, last_login_at: target!.last_login_at,
      });
      await admin.put(`/api/users/${target!.id}`).send({ name: target!.name, role: target!.role });
    });

    it('POST /api/users ignores id, password_hash, disabled and timestamps in the body', async () => {
      const res = await admin.post('/api/users').send({
        email: 'mass.assign@example.com', name: 'Mass Assign', role: 'support', password: 'velvet-otter-canal-93',
        id: 'usr_00000000000000000000000000', password_hash: 'scrypt$1024$8$1$AAAA$BBBB', disabled: true,
        created_at: '2000-01-01T00:00:00.000Z', last_login_at: '2000-01-01T00:00:00.000Z',
      });
      expect(res.status).toBe(201);
      const row = await t.db('users').where('email', 'mass.assign@example.com').first();
      expect(row!.id).not.toBe('usr_00000000000000000000000000');
      expect(row!.id).toBe(res.body.id);
      expect(row!.password_hash).not.toBe('scrypt$1024$8$1$AAAA$BBBB');
      expect(Boolean(row!.disabled)).toBe(false);
      expect(row!.created_at).toBe(t.clock.now.toISOString());
      expect(row!.last_login_at).toBeNull();
      expect(Object.keys(res.body).sort()).toEqual(['created_at', 'disabled', 'email', 'id', 'last_login_at', 'name', 'role']);
    });

    it('PUT /api/merchants/:id takes status and plan_id, nothing else', async () => {
      const m = await t.db('merchants').orderBy('id').offset(1).first();
      const otherPlan = await t.db('plans').whereNot('id', m!.plan_id).first();
      const res = await admin.put(`/api/merchants/${m!.id}`).send({
        ...m, id: 'mer_00000000000000000000000000', name: 'Hijacked', email: 'hijack@example.com', country: 'XX',
        default_currency: 'JPY', created_at: '2000-01-01T00:00:00.000Z', updated_at: '2000-01-01T00:00:00.000Z',
        status: 'suspended', plan_id: otherPlan!.id,
      });
      expect(res.status).toBe(200);
      const after = await t.db('merchants').where('id', m!.id).first();
      expect(after).toEqual({ ...m, status: 'suspended', plan_id: otherPlan!.id, updated_at: t.clock.now.toISOString() });
      await admin.put(`/api/merchants/${m!.id}`).send({ status: m!.status, plan_id: m!.plan_id });
    });

    it('refuses wrong types instead of coercing them', async () => {
      const digest = await dbDigest(t.db);
      for (const body of [{ disabled: 'true' }, { disabled: 1 }, { role: 'root' }, { role: ['admin'] }, { name: '' }, { name: 42 }, { name: null }]) {
        const res = await admin.put(`/api/users/${t.users.support.id}`).send(body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(typeof res.body.errors).toBe('object');
      }
      for (const body of [{ status: 'deleted' }, { plan_id: 42 }, { plan_id: 'plan_nope' }, { status: null }]) {
        expect((await admin.put(`/api/merchants/${merchant.id}`).send(body)).status, JSON.stringify(body)).toBe(400);
      }
      expect(await dbDigest(t.db)).toEqual(digest);
    });

    it('an admin cannot disable themselves or drop their own admin role', async () => {
      for (const body of [{ disabled: true }, { role: 'operator' }]) {
        expect((await admin.put(`/api/users/${t.users.admin.id}`).send(body)).status).toBe(409);
      }
      expect((await admin.get('/api/auth/me')).body.role).toBe('admin');
    });
  });

  describe('Cache-Control: no-store on every API answer', () => {
    it('success, errors of every kind, the login and health', async () => {
      const answers: Array<[string, request.Response]> = [
        ['health', await request(t.app).get('/api/health')],
        ['login', await request(t.app).post('/api/auth/login').send({ email: 'operator@example.com', password: DEMO_PASSWORD })],
        ['failed login', await request(t.app).post('/api/auth/login').send({ email: 'operator@example.com', password: 'nope-nope-nope' })],
        ['list', await admin.get('/api/payments')],
        ['getOne', await admin.get(`/api/merchants/${merchant.id}`)],
        ['400', await admin.get('/api/payments?sort=oops')],
        ['401', await request(t.app).get('/api/payments')],
        ['403', await (await t.agent('operator')).get('/api/users')],
        ['404', await admin.get('/api/nope')],
        ['403 origin', await admin.put(`/api/merchants/${merchant.id}`).set('Origin', 'https://evil.example').send({})],
        ['413', await admin.put(`/api/merchants/${merchant.id}`).set('Content-Type', 'application/json').send(`{"x":"${'y'.repeat(200_000)}"}`)],
        ['415', await admin.put(`/api/merchants/${merchant.id}`).set('Content-Type', 'text/plain').send('{}')],
        ['logout', await request(t.app).post('/api/auth/logout')],
      ];
      for (const [what, res] of answers) {
        expect(res.headers['cache-control'], what).toBe('no-store');
        expect(res.headers['content-security-policy'], what).toMatch(/^default-src 'none'/);
      }
      expect(answers.map(([what, res]) => `${what}:${res.status}`)).toEqual([
        'health:200', 'login:200', 'failed login:401', 'list:200', 'getOne:200', '400:400', '401:401', '403:403', '404:404',
        '403 origin:403', '413:413', '415:415', 'logout:204',
      ]);
    });
  });
});
