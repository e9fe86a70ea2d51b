// The audit trail: a row for every write and every login attempt, with actor, action, entity,
// detail, IP and time; written in the same transaction as the change; readable by admins only;
// never changed or deleted (no route does it, and the database refuses it).
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../auth/throttle.ts';
import { writeAudit } from './audit.ts';
import { DEMO_PASSWORD } from '../seed/seedDemo.ts';
import { createTestApp, ENGINES, listUrl, otpFields, stepUp, type TestApp } from '../test/harness.ts';
import { sessionCookie, withToken } from '../test/routeCalls.ts';

const IP = '198.51.100.23';

describe.each(ENGINES)('audit trail on %s', (engine) => {
  let t: TestApp;
  let admin: request.Agent;
  let at: string;

  /**
   * Audit rows written since the `lastId()` snapshot, detail parsed, in a stable order (ids made
   * in the same millisecond do not sort by creation, so order by action and detail instead).
   */
  const rowsSince = async (before: Set<string>) =>
    (await t.db('audit').select('*'))
      .filter((r) => !before.has(r.id))
      .map((r) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : null }))
      .sort((a, b) => (a.action + JSON.stringify(a.detail)).localeCompare(b.action + JSON.stringify(b.detail)));
  const lastId = async () => new Set<string>((await t.db('audit').select('id')).map((r) => r.id));
  const post = (path: string) => request(t.app).post(path).set('X-Forwarded-For', IP);

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 20, config: { TRUST_PROXY: 'true' } });
    admin = request.agent(t.app);
    await admin.post('/api/auth/login').set('X-Forwarded-For', IP).send({ email: 'admin@example.com', password: DEMO_PASSWORD, ...(await otpFields(t, 'admin@example.com')) });
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    // Ids are time-ordered by the real clock; the audit's time is the app's clock.
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    // The admin's user changes need a step-up within 5 minutes (docs/security.md): one per test.
    await stepUp(t.app, admin, 'admin@example.com');
    at = t.clock.now.toISOString();
    await t.db('login_failures').delete();
  });

  describe('a row for each action type', () => {
    it('login succeeded', async () => {
      const since = await lastId();
      const res = await post('/api/auth/login').send({ email: 'operator@example.com', password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(await rowsSince(since)).toEqual([
        expect.objectContaining({ actor_id: t.users.operator.id, action: 'login.succeeded', entity: 'users', entity_id: t.users.operator.id, detail: null, ip: IP, created_at: at }),
      ]);
    });

    it('login failed: wrong password, unknown email, disabled account — the reason is kept for admins only', async () => {
      const since = await lastId();
      await post('/api/auth/login').send({ email: 'operator@example.com', password: 'wrong-password-1' });
      await post('/api/auth/login').send({ email: 'ghost@example.com', password: 'wrong-password-1' });
      const rows = await rowsSince(since);
      expect(rows).toEqual([
        expect.objectContaining({ actor_id: null, action: 'login.failed', entity: 'users', entity_id: null, detail: { email: 'ghost@example.com', reason: 'unknown_email' }, ip: IP, created_at: at }),
        expect.objectContaining({ actor_id: null, action: 'login.failed', entity: 'users', entity_id: t.users.operator.id, detail: { email: 'operator@example.com', reason: 'wrong_password' }, ip: IP, created_at: at }),
      ]);
      expect(JSON.stringify(rows)).not.toContain('wrong-password-1');
    });

    it('login throttled', async () => {
      for (let i = 0; i < LIMITS.account; i++) await post('/api/auth/login').send({ email: 'support2@example.com', password: `guess-${i}-abc` });
      const since = await lastId();
      expect((await post('/api/auth/login').send({ email: 'support2@example.com', password: DEMO_PASSWORD })).status).toBe(429);
      const support2 = await t.db('users').where('email', 'support2@example.com').first();
      expect(await rowsSince(since)).toEqual([
        expect.objectContaining({ actor_id: null, action: 'login.throttled', entity_id: support2!.id, detail: { email: 'support2@example.com', limit: 'account' }, ip: IP, created_at: at }),
      ]);
    });

    it('logout', async () => {
      const login = await post('/api/auth/login').send({ email: 'support@example.com', password: DEMO_PASSWORD });
      const since = await lastId();
      await withToken(t.app, sessionCookie(login)!.value).post('/api/auth/logout').set('X-Forwarded-For', IP);
      expect(await rowsSince(since)).toEqual([
        expect.objectContaining({ actor_id: t.users.support.id, action: 'logout', entity: 'users', entity_id: t.users.support.id, ip: IP, created_at: at }),
      ]);
      // Without a live session there is nothing to record.
      const again = await lastId();
      await request(t.app).post('/api/auth/logout');
      expect(await rowsSince(again)).toEqual([]);
    });

    it('user created — without the password or its hash', async () => {
      const since = await lastId();
      const res = await admin.post('/api/users').set('X-Forwarded-For', IP)
        .send({ email: 'audited@example.com', name: 'Audited Person', role: 'operator', password: 'velvet-otter-canal-93' });
      expect(res.status).toBe(201);
      const rows = await rowsSince(since);
      expect(rows).toEqual([
        expect.objectContaining({ actor_id: t.users.admin.id, action: 'user.created', entity: 'users', entity_id: res.body.id, detail: { email: 'audited@example.com', name: 'Audited Person', role: 'operator' }, ip: IP, created_at: at }),
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/velvet|scrypt/);
    });

    it('user updated, with what changed from what', async () => {
      const target = await t.db('users').where('email', 'audited@example.com').first();
      const since = await lastId();
      expect((await admin.put(`/api/users/${target!.id}`).set('X-Forwarded-For', IP).send({ role: 'support', disabled: true, name: 'Audited Person' })).status).toBe(200);
      expect(await rowsSince(since)).toEqual([
        expect.objectContaining({
          actor_id: t.users.admin.id, action: 'user.updated', entity: 'users', entity_id: target!.id,
          detail: { from: { role: 'operator', disabled: false }, to: { role: 'support', disabled: true } }, ip: IP, created_at: at,
        }),
      ]);
    });

    it('merchant updated', async () => {
      const m = await t.db('merchants').orderBy('id').first();
      const since = await lastId();
      const next = m!.status === 'suspended' ? 'active' : 'suspended';
      expect((await admin.put(`/api/merchants/${m!.id}`).set('X-Forwarded-For', IP).send({ status: next })).status).toBe(200);
      expect(await rowsSince(since)).toEqual([
        expect.objectContaining({ actor_id: t.users.admin.id, action: 'merchant.updated', entity: 'merchants', entity_id: m!.id, detail: { from: { status: m!.status }, to: { status: next } }, ip: IP, created_at: at }),
      ]);
      await admin.put(`/api/merchants/${m!.id}`).send({ status: m!.status });
    });

    it('password changed, and a wrong current password', async () => {
      const login = await post('/api/auth/login').send({ email: 'admin2@example.com', password: DEMO_PASSWORD, ...(await otpFields(t, 'admin2@example.com')) });
      const user = await t.db('users').where('email', 'admin2@example.com').first();
      const since = await lastId();
      const session = withToken(t.app, sessionCookie(login)!.value);
      await session.post('/api/auth/password').set('X-Forwarded-For', IP).send({ current_password: 'not-it-at-all', new_password: 'velvet-otter-canal-93' });
      await session.post('/api/auth/password').set('X-Forwarded-For', IP).send({ current_password: DEMO_PASSWORD, new_password: 'velvet-otter-canal-93' });
      expect(await rowsSince(since)).toEqual([
        expect.objectContaining({ actor_id: user!.id, action: 'password.change_failed', entity_id: user!.id, detail: { reason: 'wrong_password' }, ip: IP }),
        expect.objectContaining({ actor_id: user!.id, action: 'password.changed', entity_id: user!.id, detail: null, ip: IP, created_at: at }),
      ]);
    });

    it('nothing for a write that changes nothing or is refused', async () => {
      const m = await t.db('merchants').orderBy('id').first();
      const since = await lastId();
      await admin.put(`/api/merchants/${m!.id}`).send({ status: m!.status });
      await admin.put(`/api/merchants/${m!.id}`).send({ status: 'nonsense' });
      await admin.post('/api/users').send({ email: 'audited@example.com', name: 'Dup', role: 'support', password: 'velvet-otter-canal-93' });
      expect(await rowsSince(since)).toEqual([]);
    });
  });

  describe('atomic with the change', () => {
    const breakAuditInserts = async () => {
      if (engine === 'pg') {
        await t.db.raw(`create or replace function audit_test_fail() returns trigger language plpgsql as $$ begin raise exception 'audit down'; end; $$`);
        await t.db.raw('create trigger audit_test_fail before insert on audit for each row execute function audit_test_fail()');
      } else {
        await t.db.raw(`create trigger audit_test_fail before insert on audit begin select raise(abort, 'audit down'); end`);
      }
    };
    const repairAuditInserts = async () => {
      await t.db.raw(engine === 'pg' ? 'drop trigger audit_test_fail on audit' : 'drop trigger audit_test_fail');
    };

    it('when the audit row cannot be written, the change is rolled back', async () => {
      const m = await t.db('merchants').orderBy('id').first();
      const target = await t.db('users').where('email', 'support@example.com').first();
      const sessionsBefore = await t.db('sessions').count({ n: '*' }).first();
      await breakAuditInserts();
      try {
        const put = await admin.put(`/api/merchants/${m!.id}`).send({ status: m!.status === 'closed' ? 'active' : 'closed' });
        const create = await admin.post('/api/users').send({ email: 'never@example.com', name: 'Never', role: 'support', password: 'velvet-otter-canal-93' });
        const update = await admin.put(`/api/users/${target!.id}`).send({ name: 'Never Renamed' });
        const login = await request(t.app).post('/api/auth/login').send({ email: 'operator@example.com', password: DEMO_PASSWORD });
        expect([put.status, create.status, update.status, login.status]).toEqual([500, 500, 500, 500]);
        expect(put.body).toEqual({ message: 'Internal error' });
        expect(sessionCookie(login)).toBeUndefined();
      } finally {
        await repairAuditInserts();
      }
      expect(await t.db('merchants').where('id', m!.id).first()).toEqual(m);
      expect(await t.db('users').where('email', 'never@example.com').first()).toBeUndefined();
      expect((await t.db('users').where('id', target!.id).first())!.name).toBe(target!.name);
      expect(await t.db('sessions').count({ n: '*' }).first()).toEqual(sessionsBefore);
    });
  });

  describe('read-only, admins only', () => {
    it('admins filter it by who, what and when; everyone else gets 403', async () => {
      const res = await admin.get(listUrl('audit', {
        filter: { actor_id: t.users.admin.id, action: 'user.created', created_at_gte: '2026-11-21' }, sort: ['created_at', 'DESC'],
      }));
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
      for (const row of res.body) {
        expect(row).toMatchObject({ actor_id: t.users.admin.id, action: 'user.created', entity: 'users' });
        expect(typeof row.detail).toBe('object');
        expect(Object.keys(row).sort()).toEqual(['action', 'actor_id', 'created_at', 'detail', 'entity', 'entity_id', 'id', 'ip']);
      }
      for (const role of ['operator', 'support'] as const) {
        expect((await (await t.agent(role)).get('/api/audit')).status).toBe(403);
      }
    });

    it('the database itself refuses to update, delete or truncate audit rows', async () => {
      const before = await t.db('audit').orderBy('id');
      await expect(t.db('audit').update({ action: 'tampered' })).rejects.toThrow(/append-only/);
      await expect(t.db('audit').where('id', before[0].id).delete()).rejects.toThrow(/append-only/);
      await expect(t.db('audit').delete()).rejects.toThrow(/append-only/);
      if (engine === 'pg') await expect(t.db.raw('truncate audit')).rejects.toThrow(/append-only/);
      expect(await t.db('audit').orderBy('id')).toEqual(before);
    });

    it('the database itself refuses to overwrite an audit row by inserting over it (REPLACE, upsert)', async () => {
      const before = await t.db('audit').orderBy('id');
      const victim = before[0];
      const cols = 'id, actor_id, action, entity, entity_id, detail, ip, created_at';
      const forged = [victim.id, null, 'tampered', 'users', null, null, null, victim.created_at];
      const values = '?, ?, ?, ?, ?, ?, ?, ?';
      const attempts = [`insert into audit (${cols}) values (${values}) on conflict (id) do update set action = 'tampered'`];
      if (engine === 'sqlite') {
        attempts.push(`insert or replace into audit (${cols}) values (${values})`, `replace into audit (${cols}) values (${values})`);
      }
      for (const sql of attempts) await expect(t.db.raw(sql, forged), sql).rejects.toThrow(/append-only/);
      if (engine === 'sqlite') {
        // The same through the rowid: a new id that takes an existing row's rowid would replace it.
        const { rowid } = await t.db.raw('select rowid from audit where id = ?', [victim.id]).then((r: Array<{ rowid: number }>) => r[0]);
        const fresh = [`aud_${'Z'.repeat(26)}`, ...forged.slice(1)];
        for (const r of [rowid, -1, 0]) {
          const sql = `insert or replace into audit (rowid, ${cols}) values (?, ${values})`;
          await expect(t.db.raw(sql, [r, ...fresh]), `${sql} [rowid ${r}]`).rejects.toThrow(/append-only/);
        }
      }
      expect(await t.db('audit').orderBy('id')).toEqual(before);
      // Appending still works.
      const at = t.ctx.now().toISOString();
      await t.db.transaction((trx) => writeAudit(trx, { actorId: null, action: 'logout', entity: 'users', at }));
      expect(await t.db('audit')).toHaveLength(before.length + 1);
    });
  });
});
