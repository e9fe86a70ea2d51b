// PostgreSQL least privilege (docs/security.md, "The database"): the app signs in as a role that
// may read and write the app's rows and append to the audit trail, and nothing else — it cannot
// update, delete or truncate audit rows, switch their triggers off (as their owner or through
// session_replication_role), create tables or touch the migration tool's. And the app works as it:
// sign-in, user changes, an admin grant, a payout's dual approval, lists and exports.
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../audit/audit.ts';
import { createTestApp, ENGINES, login, type TestApp } from '../test/harness.ts';
import { makePayout } from '../test/moneyFixtures.ts';
import { ensureAppRole, roleOfUrl } from './appRole.ts';
import { prepareDatabase } from './prepare.ts';

describe.runIf(ENGINES.includes('pg'))('the app role on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pg', { payments: 60, appRole: true, config: { PAYOUT_DUAL_APPROVAL_MINOR: 100_000 } });
  });
  afterAll(() => t?.drop());

  const app = () => t.ctx.db;
  // Refused for want of a privilege (42501), not by the append-only trigger, which answers with the
  // same code but its own message: the role alone must be enough.
  const refused = (sql: string, bindings: Knex.Value[] = []) =>
    expect(app().raw(sql, bindings), sql).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied|must be owner/) });

  it('is another role than the owner, owns nothing and has no special power', async () => {
    const me = (await app().raw('select current_user as me')).rows[0].me;
    expect(me).not.toBe(roleOfUrl(t.url));
    const role = (await t.db.raw('select * from pg_roles where rolname = ?', [me])).rows[0];
    expect(role).toMatchObject({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false });
    const owned = await t.db.raw('select count(*)::int as n from pg_class where relowner = (select oid from pg_roles where rolname = ?)', [me]);
    expect(owned.rows[0].n).toBe(0);
    expect((await t.db.raw('select count(*)::int as n from pg_auth_members where member = (select oid from pg_roles where rolname = ?)', [me])).rows[0].n).toBe(0);
  });

  it('may append audit rows and read them, but not update, delete or truncate them, nor switch their triggers off', async () => {
    await app().transaction((trx) => writeAudit(trx, { actorId: null, action: 'logout', entity: 'users', at: t.ctx.now().toISOString() }));
    const before = await t.db('audit').orderBy('id');
    expect((await app()('audit').select('id')).length).toBe(before.length);
    const id = before[0].id;
    await refused('update audit set action = ? where id = ?', ['tampered', id]);
    await refused('delete from audit where id = ?', [id]);
    await refused('truncate audit');
    await refused('alter table audit disable trigger audit_no_update_delete');
    await refused('alter table audit disable trigger all');
    await refused('drop trigger audit_no_update_delete on audit');
    await refused('set session_replication_role = replica');
    await refused('create table evil (id int)');
    await refused('select * from knex_migrations');
    await refused('alter table users add column evil int');
    expect(await t.db('audit').orderBy('id')).toEqual(before);
  });

  it('runs the app: sign-in, user changes, an admin grant, a dual-approval payout, lists and exports', async () => {
    const a = await login(t.app, 'admin@example.com');
    const b = await login(t.app, 'admin2@example.com');
    const created = await a.post('/api/users').send({ email: 'least.priv@example.com', name: 'Least Priv', role: 'admin', password: 'velvet-otter-canal-93' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const grant = (await b.get(`/api/admin_grants?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`)).body[0];
    expect((await b.post(`/api/admin_grants/${grant.id}/approve`).send({})).status).toBe(200);
    expect((await a.put(`/api/users/${created.body.id}`).send({ name: 'Least Privileged' })).status).toBe(200);
    const payout = await makePayout(t, { amount: 200_000 });
    expect((await a.post(`/api/payouts/${payout}/approve`).send({})).status).toBe(200);
    const second = await b.post(`/api/payouts/${payout}/approve`).send({});
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect((await a.get('/api/payments?range=[0,9]')).status).toBe(200);
    expect((await a.get('/api/audit/export?format=csv')).status).toBe(200);
    expect((await a.get('/api/stats/overview')).status).toBe(200);
    expect((await a.post('/api/auth/logout')).status).toBe(204);
  });

  it('after migrations run as the owner (MIGRATION_DATABASE_URL), a table they added is granted to the app role', async () => {
    const me = (await app().raw('select current_user as me')).rows[0].me;
    await t.db.raw('create table added_later (id int primary key)');
    await refused('insert into added_later values (1)');
    const appUrl = new URL(t.url);
    appUrl.username = me;
    await prepareDatabase({ DATABASE_URL: appUrl.toString(), MIGRATION_DATABASE_URL: t.url }, app());
    await app().raw('insert into added_later values (1)');
    await refused('delete from audit');
    await t.db.raw('drop table added_later');
  });

  it('is brought back in line when run again: privileges granted by hand meanwhile are taken back', async () => {
    const me = (await app().raw('select current_user as me')).rows[0].me;
    await t.db.raw(`grant update, delete, truncate on audit to ${me}`);
    await ensureAppRole(t.db, me);
    await refused('truncate audit');
    await refused('delete from audit');
  });
});
