// Dual control that one person cannot satisfy alone (docs/security.md, "Dual control"). The
// review's attack: an admin gives a large payout its first approval, creates an admin account,
// signs in as it and gives the second approval. Creating, promoting or re-enabling an admin now
// waits for a second admin, and even once approved, such an account's approval does not count
// beside the approval of the admin who created or asked for it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, login, type TestApp } from '../../test/harness.ts';
import { expectMoneyInvariants } from '../../test/invariants.ts';
import { makePayout, userId } from '../../test/moneyFixtures.ts';
import { createUser } from '../users/service.ts';

const DUAL = 100_000;
const PASSWORD = 'velvet-otter-canal-93';

describe.each(ENGINES)('admin grants on %s', (engine) => {
  let t: TestApp;
  let a: string; // admin@example.com
  let b: string; // admin2@example.com
  let agentA: Awaited<ReturnType<typeof login>>;
  let agentB: Awaited<ReturnType<typeof login>>;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 60, config: { PAYOUT_DUAL_APPROVAL_MINOR: DUAL } });
    a = await userId(t.db, 'admin@example.com');
    b = await userId(t.db, 'admin2@example.com');
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    // Every test starts with exactly these two active admins, signed in afresh.
    await t.db('users').whereIn('id', [a, b]).update({ role: 'admin', disabled: false });
    await t.db('users').where('role', 'admin').whereNotIn('id', [a, b]).update({ disabled: true });
    await t.db('admin_grants').where('status', 'pending').update({ status: 'cancelled' });
    agentA = await login(t.app, 'admin@example.com');
    agentB = await login(t.app, 'admin2@example.com');
  });

  const newAdmin = async (agent = agentA) => {
    const email = `second.self.${++n}@example.com`;
    const res = await agent.post('/api/users').send({ email, name: `Second Self ${n}`, role: 'admin', password: PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id as string, email, body: res.body };
  };
  const pendingGrant = async (userId: string) => (await t.db('admin_grants').where({ user_id: userId, status: 'pending' }).first())!;
  const user = (id: string) => t.db('users').where('id', id).first('role', 'disabled');
  const payoutStatus = async (id: string) => (await t.db('payouts').where('id', id).first('status'))!.status;
  const debits = (id: string) => t.db('transactions').where({ source_type: 'payout', source_id: id });

  it('When an admin approves a payout first, creates an admin and approves again as it, then the second approval is refused (the attack)', async () => {
    const payout = await makePayout(t, { amount: DUAL * 2 });
    expect((await agentA.post(`/api/payouts/${payout}/approve`).send({})).body.status).toBe('pending_second_approval');

    const m = await newAdmin();
    // Not an active admin until a second admin approves: it cannot even sign in.
    expect(m.body).toMatchObject({ role: 'admin', disabled: true });
    await expect(login(t.app, m.email, PASSWORD)).rejects.toThrow(/401/);
    const grant = await pendingGrant(m.id);
    expect(grant).toMatchObject({ kind: 'create', requested_by: a, status: 'pending' });
    // The one who asked cannot approve it.
    expect((await agentA.post(`/api/admin_grants/${grant.id}/approve`).send({})).status).toBe(409);
    expect(Boolean((await user(m.id))!.disabled)).toBe(true);

    // Even once a second admin lets the account in, its approval does not count beside A's.
    const approved = await agentB.post(`/api/admin_grants/${grant.id}/approve`).send({});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decided_by: b });
    const agentM = await login(t.app, m.email, PASSWORD);
    const second = await agentM.post(`/api/payouts/${payout}/approve`).send({});
    expect(second.status, JSON.stringify(second.body)).toBe(409);
    expect(second.body.message).toMatch(/first approver did not create, promote or re-enable/);
    expect(await payoutStatus(payout)).toBe('pending_second_approval');
    expect(await debits(payout)).toHaveLength(0);

    // An independent admin's approval still counts.
    expect((await agentB.post(`/api/payouts/${payout}/approve`).send({})).status).toBe(200);
    expect(await debits(payout)).toHaveLength(1);
    await expectMoneyInvariants(t.db);
  });

  it('When the account the admin made gives the first approval, then the admin\'s own second approval is refused too', async () => {
    const m = await newAdmin();
    await agentB.post(`/api/admin_grants/${(await pendingGrant(m.id)).id}/approve`).send({}).expect(200);
    const agentM = await login(t.app, m.email, PASSWORD);
    const payout = await makePayout(t, { amount: DUAL * 2 });
    await agentM.post(`/api/payouts/${payout}/approve`).send({}).expect(200);
    expect((await agentA.post(`/api/payouts/${payout}/approve`).send({})).status).toBe(409);
    expect(await payoutStatus(payout)).toBe('pending_second_approval');
    expect((await agentB.post(`/api/payouts/${payout}/approve`).send({})).status).toBe(200);
  });

  it('When an admin\'s own second account would approve their next admin grant (a chain of sock puppets), then it is refused', async () => {
    // B once lets A's new account M in; A then asks for another admin account, and M may not approve it.
    const m = await newAdmin();
    await agentB.post(`/api/admin_grants/${(await pendingGrant(m.id)).id}/approve`).send({}).expect(200);
    const agentM = await login(t.app, m.email, PASSWORD);
    const next = await newAdmin();
    const grant = await pendingGrant(next.id);
    const refused = await agentM.post(`/api/admin_grants/${grant.id}/approve`).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/independent admin/);
    // The other way round: M asks, A may not approve.
    const third = await newAdmin(agentM);
    expect((await agentA.post(`/api/admin_grants/${(await pendingGrant(third.id)).id}/approve`).send({})).status).toBe(409);
    expect(Boolean((await user(next.id))!.disabled) && Boolean((await user(third.id))!.disabled)).toBe(true);
    // Nor may whoever created an account approve its promotion asked for by someone else.
    const created = await agentB.post('/api/users').send({ email: `made.by.b.${n}@example.com`, name: 'Made By B', role: 'support', password: PASSWORD });
    await agentA.put(`/api/users/${created.body.id}`).send({ role: 'admin' }).expect(200);
    expect((await agentB.post(`/api/admin_grants/${(await pendingGrant(created.body.id)).id}/approve`).send({})).status).toBe(409);
    expect((await user(created.body.id))!.role).toBe('support');
  });

  it('When an admin promotes a user, then the user stays what they were until another admin approves, and their approval never pairs with the promoter\'s', async () => {
    const target = await userId(t.db, 'operator@example.com');
    await t.db('users').where('id', target).update({ role: 'operator', disabled: false });
    const res = await agentA.put(`/api/users/${target}`).send({ role: 'admin', name: 'Olivia Operator' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'operator', name: 'Olivia Operator' }); // the name at once, the role later
    const grant = await pendingGrant(target);
    expect(grant).toMatchObject({ kind: 'promote', requested_by: a });
    expect(JSON.parse(grant.changes)).toEqual({ role: 'admin' });
    // Still an operator: payouts are refused by role.
    const payout = await makePayout(t, { amount: DUAL * 2 });
    const opAgent = await login(t.app, 'operator@example.com');
    expect((await opAgent.post(`/api/payouts/${payout}/approve`).send({})).status).toBe(403);

    await agentB.post(`/api/admin_grants/${grant.id}/approve`).send({}).expect(200);
    expect((await user(target))!.role).toBe('admin');
    expect((await opAgent.get('/api/auth/me')).status).toBe(401); // a role change ends the sessions
    const promoted = await login(t.app, 'operator@example.com');
    await agentA.post(`/api/payouts/${payout}/approve`).send({}).expect(200);
    expect((await promoted.post(`/api/payouts/${payout}/approve`).send({})).status).toBe(409);
    expect(await payoutStatus(payout)).toBe('pending_second_approval');
    await t.db('users').where('id', target).update({ role: 'operator' });
  });

  it('When an admin enables a disabled admin, then it waits for another admin; a rejection leaves the account disabled', async () => {
    const m = await newAdmin();
    await agentA.post(`/api/admin_grants/${(await pendingGrant(m.id)).id}/reject`).send({}).expect(200); // withdrawn
    expect(Boolean((await user(m.id))!.disabled)).toBe(true);

    const res = await agentA.put(`/api/users/${m.id}`).send({ disabled: false });
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(true);
    const grant = await pendingGrant(m.id);
    expect(grant).toMatchObject({ kind: 'enable', requested_by: a });
    await agentB.post(`/api/admin_grants/${grant.id}/reject`).send({}).expect(200);
    expect(Boolean((await user(m.id))!.disabled)).toBe(true);
    expect((await agentB.post(`/api/admin_grants/${grant.id}/approve`).send({})).status).toBe(409); // decided

    await agentA.put(`/api/users/${m.id}`).send({ disabled: false }).expect(200);
    await agentB.post(`/api/admin_grants/${(await pendingGrant(m.id)).id}/approve`).send({}).expect(200);
    expect(Boolean((await user(m.id))!.disabled)).toBe(false);
    await login(t.app, m.email, PASSWORD);
  });

  it('When the account changes again, or the admin who asked is no longer one, then a pending grant cannot be approved', async () => {
    const target = await userId(t.db, 'support@example.com');
    await t.db('users').where('id', target).update({ role: 'support', disabled: false });
    await agentA.put(`/api/users/${target}`).send({ role: 'admin' }).expect(200);
    const first = await pendingGrant(target);
    // Another change to the role supersedes it.
    await agentB.put(`/api/users/${target}`).send({ role: 'operator' }).expect(200);
    expect((await t.db('admin_grants').where('id', first.id).first())!.status).toBe('cancelled');
    expect((await agentB.post(`/api/admin_grants/${first.id}/approve`).send({})).status).toBe(409);
    expect((await user(target))!.role).toBe('operator');

    // Asked by A, who is then demoted (by a third admin): B's approval is refused.
    const c = await createUser(t.ctx, { email: 'third.admin@example.com', name: 'Third Admin', role: 'admin', password: PASSWORD },
      { actorId: null, at: t.ctx.now().toISOString() });
    await agentA.put(`/api/users/${target}`).send({ role: 'admin' }).expect(200);
    const second = await pendingGrant(target);
    const agentC = await login(t.app, 'third.admin@example.com', PASSWORD);
    await agentC.put(`/api/users/${a}`).send({ role: 'operator' }).expect(200);
    const refused = await agentB.post(`/api/admin_grants/${second.id}/approve`).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/no longer an active admin/);
    expect((await user(target))!.role).toBe('operator');
    await t.db('users').where('id', target).update({ role: 'support' });
    await t.db('users').where('id', c).update({ disabled: true });
  });

  it('When the server\'s operator creates an admin with the CLI path (no actor), then it is active at once: that is how the first admins come to be', async () => {
    const id = await createUser(t.ctx, { email: 'cli.admin@example.com', name: 'Cli Admin', role: 'admin', password: PASSWORD },
      { actorId: null, at: t.ctx.now().toISOString() });
    expect(Boolean((await user(id))!.disabled)).toBe(false);
    expect(await t.db('admin_grants').where('user_id', id)).toHaveLength(0);
    await login(t.app, 'cli.admin@example.com', PASSWORD);
  });

  it('Pending grants are listed to admins only, with who asked', async () => {
    const m = await newAdmin();
    const list = await agentB.get(`/api/admin_grants?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ user_id: m.id, kind: 'create', status: 'pending', requested_by: a, changes: { disabled: false } })]);
    expect((await (await t.agent('operator')).get('/api/admin_grants')).status).toBe(403);
  });
});
