// Payout decisions: every (state, action, role), dual approval by two different admins, the
// balance check, and that racing approvals debit the ledger exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYOUT_STATUSES, ROLES, type PayoutStatus, type Role } from '../../../shared/enums.ts';
import { createTestApp, ENGINES, login, type TestApp } from '../../test/harness.ts';
import { expectMoneyInvariants, payoutViolations } from '../../test/invariants.ts';
import { fundedMerchant, makePayout, userId } from '../../test/moneyFixtures.ts';
import { failPayout } from './service.ts';

const DUAL = 100_000;
type Act = 'approve' | 'decline';

// What an admin gets, from each state (below the dual-approval amount; the second approval of a
// pending_second_approval payout is by another admin). Other roles always get 403.
const ADMIN_OUTCOME: Record<PayoutStatus, Record<Act, [number, PayoutStatus]>> = {
  pending: { approve: [200, 'processing'], decline: [200, 'declined'] },
  pending_second_approval: { approve: [200, 'processing'], decline: [200, 'declined'] },
  approved: { approve: [409, 'approved'], decline: [409, 'approved'] },
  declined: { approve: [409, 'declined'], decline: [409, 'declined'] },
  processing: { approve: [409, 'processing'], decline: [409, 'processing'] },
  paid: { approve: [409, 'paid'], decline: [409, 'paid'] },
  failed: { approve: [409, 'failed'], decline: [409, 'failed'] },
};

const CASES = PAYOUT_STATUSES.flatMap((state) =>
  (['approve', 'decline'] as Act[]).flatMap((act) =>
    ROLES.map((role) => {
      const [status, to] = role === 'admin' ? ADMIN_OUTCOME[state][act] : [403, state];
      return { state, act, role, status, to };
    })));

describe.each(ENGINES)('payouts on %s', (engine) => {
  let t: TestApp;
  let admin2: Awaited<ReturnType<typeof login>>;
  let admin2Id: string;
  beforeAll(async () => {
    t = await createTestApp(engine, { config: { PAYOUT_DUAL_APPROVAL_MINOR: DUAL } });
    admin2 = await login(t.app, 'admin2@example.com');
    admin2Id = await userId(t.db, 'admin2@example.com');
  });
  afterAll(() => t.drop());

  const debits = (id: string) => t.db('transactions').where({ source_type: 'payout', source_id: id }).select('amount');
  const available = async (merchantId: string) =>
    Number((await t.db('balances').where({ merchant_id: merchantId, currency: 'USD' }).first('available'))!.available);

  it.each(CASES)('$state payout, $act by $role → $status, then $to', async ({ state, act, role, status, to }) => {
    const id = await makePayout(t, { status: state, approvals: state === 'pending_second_approval' ? [admin2Id] : [] });
    const payout = await t.db('payouts').where('id', id).first();
    const balanceBefore = await available(payout!.merchant_id);
    const debitsBefore = (await debits(id)).length;
    const agent = await t.agent(role as Role);
    const res = await agent.post(`/api/payouts/${id}/${act}`).send(act === 'decline' ? { reason: 'Bank details unverified' } : {});

    expect(res.status).toBe(status);
    const after = await t.db('payouts').where('id', id).first();
    expect(after!.status).toBe(to);
    if (status === 200) {
      expect(res.body).toMatchObject({ id, status: to, decided_by: t.users.admin.id, decided_at: t.ctx.now().toISOString() });
      expect(Array.isArray(res.body.approvals)).toBe(true);
      const action = act === 'approve' ? 'payout.approved' : 'payout.declined';
      expect(await t.db('audit').where({ entity_id: id, action })).toHaveLength(1);
      // The processor is asked in the same transaction (docs/processor.md, "Actions out").
      const asked = await t.db('outbox').where('object_id', id).select('kind', 'status', 'payload');
      expect(asked).toEqual([{ kind: `payout.${act}`, status: 'pending', payload: JSON.stringify({ transactionId: id }) }]);
    } else {
      expect(typeof res.body.message).toBe('string');
      expect(await t.db('audit').where('entity_id', id)).toHaveLength(0);
      expect(await t.db('outbox').where('object_id', id)).toHaveLength(0);
    }
    // The ledger: an approval debits once, anything else leaves money where it was.
    const debited = status === 200 && to === 'processing';
    expect((await debits(id)).length).toBe(debitsBefore + (debited ? 1 : 0));
    expect(await available(payout!.merchant_id)).toBe(balanceBefore - (debited ? Number(payout!.amount) : 0));
  });

  it('When an admin approves, then the record carries the approval, decided_by and decided_at', async () => {
    const id = await makePayout(t);
    const res = await (await t.agent('admin')).post(`/api/payouts/${id}/approve`);
    expect(res.status).toBe(200);
    expect(res.body.approvals).toEqual([{ user_id: t.users.admin.id, at: t.ctx.now().toISOString() }]);
    expect((await (await t.agent('operator')).get(`/api/payouts/${id}`)).body).toEqual(res.body);
  });

  it('When a payout is at the dual-approval amount, then the first approval waits for a second, different admin, who debits it', async () => {
    const id = await makePayout(t, { amount: DUAL });
    const payout = await t.db('payouts').where('id', id).first();
    const before = await available(payout!.merchant_id);
    const admin = await t.agent('admin');

    const first = await admin.post(`/api/payouts/${id}/approve`);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('pending_second_approval');
    expect(first.body.approvals).toHaveLength(1);
    expect(first.body.decided_by).toBeNull();
    expect(await debits(id)).toHaveLength(0);
    expect(await t.db('audit').where({ entity_id: id, action: 'payout.first_approval' })).toHaveLength(1);

    const same = await admin.post(`/api/payouts/${id}/approve`);
    expect(same.status).toBe(409);
    expect(same.body.message).toMatch(/different admin/);

    const second = await admin2.post(`/api/payouts/${id}/approve`);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'processing', decided_by: admin2Id });
    expect(second.body.approvals.map((a: { user_id: string }) => a.user_id)).toEqual([t.users.admin.id, admin2Id]);
    expect((await debits(id)).map((d) => Number(d.amount))).toEqual([-DUAL]);
    expect(await available(payout!.merchant_id)).toBe(before - DUAL);
  });

  it('When the balance does not cover the payout, then 409 with the balance in the message and nothing changes', async () => {
    const merchantId = await fundedMerchant(t, 4_000);
    const id = await makePayout(t, { amount: 5_000, merchantId });
    const res = await (await t.agent('admin')).post(`/api/payouts/${id}/approve`);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/available balance \(\$40\.00\) does not cover this payout of \$50\.00/);
    expect((await t.db('payouts').where('id', id).first())!.status).toBe('pending');
    expect(await debits(id)).toHaveLength(0);
    expect(await available(merchantId)).toBe(4_000);

    // Also at a first approval of a dual-approval payout, and at the second.
    const big = await makePayout(t, { amount: DUAL, merchantId });
    expect((await (await t.agent('admin')).post(`/api/payouts/${big}/approve`)).status).toBe(409);
    const half = await makePayout(t, { amount: DUAL, merchantId, status: 'pending_second_approval', approvals: [admin2Id] });
    expect((await (await t.agent('admin')).post(`/api/payouts/${half}/approve`)).status).toBe(409);
    expect((await t.db('payouts').where('id', half).first())!.status).toBe('pending_second_approval');
  });

  it('When payouts are read, then each says how many approvals it needs and, while open, whether the balance falls short', async () => {
    const merchantId = await fundedMerchant(t, 4_000);
    const short = await makePayout(t, { amount: 5_000, merchantId });
    const covered = await makePayout(t, { amount: 3_000, merchantId });
    const big = await makePayout(t, { amount: DUAL });
    const declined = await makePayout(t, { amount: 5_000, merchantId, status: 'declined' });
    const operator = await t.agent('operator');
    const list = await operator.get('/api/payouts').query({ filter: JSON.stringify({ id: [short, covered, big, declined] }) });
    expect(list.status).toBe(200);
    const byId = new Map(list.body.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(short)).toMatchObject({ approvals_required: 1, balance_short: true });
    expect(byId.get(covered)).toMatchObject({ approvals_required: 1, balance_short: false });
    expect(byId.get(big)).toMatchObject({ approvals_required: 2, balance_short: false });
    // A decided payout moves no more money: nothing to fall short of.
    expect(byId.get(declined)).toMatchObject({ approvals_required: 1, balance_short: null });
    expect((await operator.get(`/api/payouts/${short}`)).body).toEqual(byId.get(short));
    // An action's answer carries them too: the first approval of a large payout still needs one more.
    const first = await (await t.agent('admin')).post(`/api/payouts/${big}/approve`);
    expect(first.body).toMatchObject({ status: 'pending_second_approval', approvals_required: 2, balance_short: false });
    // Who approved, by name, for roles that may not read the users list.
    const admin = await t.db('users').where('id', t.users.admin.id).first('name');
    expect((await operator.get(`/api/payouts/${big}`)).body.user_names).toEqual({ [t.users.admin.id]: admin!.name });
  });

  it('When declining without a reason, then 400; with one, it is recorded', async () => {
    const id = await makePayout(t);
    const admin = await t.agent('admin');
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await admin.post(`/api/payouts/${id}/decline`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/reason is required/);
    }
    const res = await admin.post(`/api/payouts/${id}/decline`).send({ reason: 'Account under review' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'declined', decline_reason: 'Account under review', decided_by: t.users.admin.id });
  });

  it('When a processing payout fails, then its debit is credited back once', async () => {
    const id = await makePayout(t, { amount: 6_000 });
    const payout = await t.db('payouts').where('id', id).first();
    const before = await available(payout!.merchant_id);
    expect((await (await t.agent('admin')).post(`/api/payouts/${id}/approve`)).body.status).toBe('processing');
    expect(await available(payout!.merchant_id)).toBe(before - 6_000);
    const at = t.ctx.now().toISOString();
    expect(await t.db.transaction((trx) => failPayout(trx, id, 'account closed', { id: null, at }))).toBe(true);
    expect(await t.db.transaction((trx) => failPayout(trx, id, 'again', { id: null, at }))).toBe(false);
    expect((await t.db('payouts').where('id', id).first())!.status).toBe('failed');
    expect((await debits(id)).map((d) => Number(d.amount)).sort((a, b) => a - b)).toEqual([-6_000, 6_000]);
    expect(await available(payout!.merchant_id)).toBe(before);
    expect(await t.db('audit').where({ entity_id: id, action: 'payout.failed' })).toHaveLength(1);
    await expectMoneyInvariants(t.db);
  });

  it('When the payout does not exist, then 404', async () => {
    const admin = await t.agent('admin');
    expect((await admin.post('/api/payouts/po_01JX0000000000000000000000/approve')).status).toBe(404);
    expect((await admin.post('/api/payouts/po_01JX0000000000000000000000/decline').send({ reason: 'x' })).status).toBe(404);
  });

  it('When 20 approvals race, then exactly one succeeds and the ledger is debited once', async () => {
    const id = await makePayout(t, { amount: 7_000 });
    const payout = await t.db('payouts').where('id', id).first();
    const before = await available(payout!.merchant_id);
    const admin = await t.agent('admin');
    const results = await Promise.all(Array.from({ length: 20 }, () => admin.post(`/api/payouts/${id}/approve`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect((await debits(id)).map((d) => Number(d.amount))).toEqual([-7_000]);
    expect(await available(payout!.merchant_id)).toBe(before - 7_000);
    await expectMoneyInvariants(t.db);
  });

  it('When 20 second approvals by two admins race, then exactly one succeeds, by the other admin, debiting once', async () => {
    const id = await makePayout(t, { amount: DUAL, status: 'pending_second_approval', approvals: [t.users.admin.id] });
    const admin = await t.agent('admin');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? admin : admin2).post(`/api/payouts/${id}/approve`)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(ok[0].body.decided_by).toBe(admin2Id);
    expect(await debits(id)).toHaveLength(1);
    expect(await payoutViolations(t.db)).toEqual([]);
  });

  it('When approvals and declines race on a dual-approval payout, then it ends in one state with at most one debit', async () => {
    const id = await makePayout(t, { amount: DUAL });
    const admin = await t.agent('admin');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      i % 5 === 4 ? admin.post(`/api/payouts/${id}/decline`).send({ reason: 'race' }) : (i % 2 ? admin : admin2).post(`/api/payouts/${id}/approve`)));
    expect(results.every((r) => [200, 409].includes(r.status))).toBe(true);
    const final = await t.db('payouts').where('id', id).first();
    expect((await debits(id)).length).toBe(final!.status === 'processing' ? 1 : 0);
    await expectMoneyInvariants(t.db);
  });
});
