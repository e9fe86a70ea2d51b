// Dispute work: every (state, action, role), the submit rules, assignment, notes, and the ledger
// rule (opening debits, won credits back, lost and accepted stay debited).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_STATUSES, ROLES, type DisputeStatus, type Role } from '../../../shared/enums.ts';
import { createTestApp, ENGINES, login, type TestApp } from '../../test/harness.ts';
import type { Assignee } from './assignees.ts';
import { disputeViolations, expectMoneyInvariants } from '../../test/invariants.ts';
import { makeDispute, PNG, userId } from '../../test/moneyFixtures.ts';

type Act = 'update' | 'submit' | 'accept' | 'note' | 'attach' | 'remove' | 'win' | 'lose';
type Outcome = [number, DisputeStatus];

const CLOSED_TO_WORK: Record<Act, Outcome | null> = {
  update: [409, 'needs_response'], submit: [409, 'needs_response'], accept: [409, 'needs_response'], note: [201, 'needs_response'],
  attach: [409, 'needs_response'], remove: [409, 'needs_response'], win: null, lose: null,
};
const closed = (state: DisputeStatus, win: Outcome, lose: Outcome): Record<Act, Outcome> => {
  const out = {} as Record<Act, Outcome>;
  for (const [act, o] of Object.entries(CLOSED_TO_WORK)) out[act as Act] = o ? [o[0], state] : [0, state];
  out.win = win;
  out.lose = lose;
  return out;
};

// What support and admins get from each state (resolving is for admins only).
const OUTCOME: Record<DisputeStatus, Record<Act, Outcome>> = {
  needs_response: {
    update: [200, 'needs_response'], submit: [200, 'under_review'], accept: [200, 'accepted'], note: [201, 'needs_response'],
    attach: [201, 'needs_response'], remove: [200, 'needs_response'], win: [200, 'won'], lose: [200, 'lost'],
  },
  under_review: closed('under_review', [200, 'won'], [200, 'lost']),
  won: closed('won', [409, 'won'], [409, 'won']),
  lost: closed('lost', [409, 'lost'], [409, 'lost']),
  accepted: closed('accepted', [409, 'accepted'], [409, 'accepted']),
};

const AUDIT: Record<Act, string> = {
  update: 'dispute.updated', submit: 'dispute.submitted', accept: 'dispute.accepted', note: 'dispute.note_added',
  attach: 'dispute.attachment_added', remove: 'dispute.attachment_deleted', win: 'dispute.won', lose: 'dispute.lost',
};

const ACTS: Act[] = ['update', 'submit', 'accept', 'note', 'attach', 'remove', 'win', 'lose'];
const CASES = DISPUTE_STATUSES.flatMap((state) => ACTS.flatMap((act) => ROLES.map((role) => {
  const allowed = act === 'win' || act === 'lose' ? role === 'admin' : role !== 'operator';
  const [status, to] = allowed ? OUTCOME[state][act] : [403, state];
  return { state, act, role, status, to };
})));

describe.each(ENGINES)('disputes on %s', (engine) => {
  let t: TestApp;
  let support2Id: string;
  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 600 });
    support2Id = await userId(t.db, 'support2@example.com');
  });
  afterAll(() => t.drop());

  const disputeLedger = async (id: string) =>
    (await t.db('transactions').where({ source_type: 'dispute', source_id: id })).map((e) => Number(e.amount)).sort((a, b) => a - b);

  it.each(CASES)('$state dispute, $act by $role → $status, then $to', async ({ state, act, role, status, to }) => {
    const id = await makeDispute(t, { status: state });
    const attachment = await t.db('dispute_attachments').where('dispute_id', id).first('id');
    const ledgerBefore = await disputeLedger(id);
    const auditBefore = await t.db('audit').where('entity_id', id).count({ n: '*' }).first();
    const agent = await t.agent(role as Role);
    const base = `/api/disputes/${id}`;
    const res = await {
      update: () => agent.put(base).send({ assignee_id: support2Id, response_text: 'Updated response' }),
      submit: () => agent.post(`${base}/submit`),
      accept: () => agent.post(`${base}/accept`),
      note: () => agent.post(`${base}/notes`).send({ body: 'Called the cardholder' }),
      attach: () => agent.post(`${base}/attachments`).attach('file', PNG, 'more.png'),
      remove: () => agent.delete(`${base}/attachments/${attachment!.id}`),
      win: () => agent.post(`${base}/resolve`).send({ outcome: 'won' }),
      lose: () => agent.post(`${base}/resolve`).send({ outcome: 'lost' }),
    }[act]();

    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect((await t.db('disputes').where('id', id).first())!.status).toBe(to);
    const audits = await t.db('audit').where('entity_id', id).count({ n: '*' }).first();
    if (status < 300) {
      expect(await t.db('audit').where({ entity_id: id, action: AUDIT[act], actor_id: t.users[role as Role].id })).toHaveLength(1);
      if (['update', 'submit', 'accept', 'win', 'lose'].includes(act)) expect(res.body).toMatchObject({ id, status: to });
    } else {
      expect(typeof res.body.message).toBe('string');
      expect(Number(audits?.n)).toBe(Number(auditBefore?.n));
    }
    const amount = Number((await t.db('disputes').where('id', id).first())!.amount);
    const credited = status === 200 && act === 'win';
    expect(await disputeLedger(id)).toEqual(credited ? [...ledgerBefore, amount].sort((a, b) => a - b) : ledgerBefore);
  });

  it('When a dispute opens, it is debited; won gives it back; lost and accepted keep it debited', async () => {
    const admin = await t.agent('admin');
    const [won, lost, accepted] = [await makeDispute(t), await makeDispute(t), await makeDispute(t)];
    const amountOf = async (id: string) => Number((await t.db('disputes').where('id', id).first())!.amount);
    for (const id of [won, lost, accepted]) expect(await disputeLedger(id)).toEqual([-(await amountOf(id))]);
    const d = await t.db('disputes').where('id', won).first();
    const balance = async () => Number((await t.db('balances').where({ merchant_id: d!.merchant_id, currency: d!.currency }).first())!.available);
    const before = await balance();
    expect((await admin.post(`/api/disputes/${won}/resolve`).send({ outcome: 'won' })).status).toBe(200);
    expect(await balance()).toBe(before + Number(d!.amount));
    expect((await admin.post(`/api/disputes/${lost}/resolve`).send({ outcome: 'lost' })).status).toBe(200);
    expect((await admin.post(`/api/disputes/${accepted}/accept`)).status).toBe(200);
    expect(await disputeLedger(won)).toEqual([-Number(d!.amount), Number(d!.amount)]);
    expect(await disputeLedger(lost)).toEqual([-(await amountOf(lost))]);
    expect(await disputeLedger(accepted)).toEqual([-(await amountOf(accepted))]);
    const closedDay = t.ctx.now().toISOString().slice(0, 10);
    for (const id of [won, lost, accepted]) expect((await t.db('disputes').where('id', id).first())!.closed_date).toBe(closedDay);
    expect(await disputeViolations(t.db)).toEqual([]);
    expect((await admin.post(`/api/disputes/${won}/resolve`).send({ outcome: 'maybe' })).status).toBe(400);
  });

  describe('submitting', () => {
    it('When there is no response text, then 422 and it stays open', async () => {
      for (const response of [null, '   ']) {
        const id = await makeDispute(t, { response });
        const res = await (await t.agent('support')).post(`/api/disputes/${id}/submit`);
        expect(res.status).toBe(422);
        expect(res.body.message).toMatch(/Write a response/);
        expect((await t.db('disputes').where('id', id).first())!.status).toBe('needs_response');
      }
    });

    it('When there is no evidence, then 422', async () => {
      const id = await makeDispute(t, { attachment: false });
      const res = await (await t.agent('support')).post(`/api/disputes/${id}/submit`);
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/evidence/);
    });

    it('When the due date has passed, then 409; on the due date itself it is accepted', async () => {
      const today = t.ctx.now().toISOString().slice(0, 10);
      const yesterday = new Date(t.ctx.now().getTime() - 86_400_000).toISOString().slice(0, 10);
      const late = await makeDispute(t, { dueDate: yesterday });
      const res = await (await t.agent('support')).post(`/api/disputes/${late}/submit`);
      expect(res.status).toBe(409);
      expect(res.body.message).toContain(`due by ${yesterday}`);
      const onTime = await makeDispute(t, { dueDate: today });
      const ok = await (await t.agent('support')).post(`/api/disputes/${onTime}/submit`);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'under_review', submitted_at: t.ctx.now().toISOString() });
    });

    it('When the due date passes at midnight UTC, then the clock decides, not the server time zone', async () => {
      const due = '2026-11-21';
      const id = await makeDispute(t, { dueDate: due });
      const saved = t.clock.now;
      try {
        t.clock.now = new Date('2026-11-22T00:00:01Z');
        const agent = await login(t.app, 'support@example.com'); // the shared session would have idled out
        const res = await agent.post(`/api/disputes/${id}/submit`);
        expect(res.status).toBe(409);
      } finally {
        t.clock.now = saved;
      }
    });
  });

  describe('assigning and the response text', () => {
    it('When support assigns to themselves or another support user, then it is saved and audited', async () => {
      const id = await makeDispute(t);
      const support = await t.agent('support');
      const me = await support.put(`/api/disputes/${id}`).send({ assignee_id: t.users.support.id });
      expect(me.status).toBe(200);
      expect(me.body.assignee_id).toBe(t.users.support.id);
      const other = await support.put(`/api/disputes/${id}`).send({ assignee_id: support2Id });
      expect(other.body.assignee_id).toBe(support2Id);
      const none = await support.put(`/api/disputes/${id}`).send({ assignee_id: null });
      expect(none.body.assignee_id).toBeNull();
      await support.put(`/api/disputes/${id}`).send({ assignee_id: t.users.admin.id });
      const emptied = await support.put(`/api/disputes/${id}`).send({ assignee_id: '' });
      expect([emptied.status, emptied.body.assignee_id]).toEqual([200, null]);
      const audit = await t.db('audit').where({ entity_id: id, action: 'dispute.updated' });
      expect(audit.map((a) => JSON.parse(a.detail!).assignee.to).sort()).toEqual([t.users.support.id, support2Id, null, t.users.admin.id, null].sort());
    });

    it('When a dispute is read by any role, then its assignee comes with a name; support lists whom to hand it to', async () => {
      const id = await makeDispute(t);
      const support = await t.agent('support');
      const handed = await support.put(`/api/disputes/${id}`).send({ assignee_id: support2Id });
      const support2 = await t.db('users').where('id', support2Id).first('name');
      expect(handed.body).toMatchObject({ assignee_id: support2Id, assignee_name: support2!.name });
      for (const role of ROLES) {
        const agent = await t.agent(role);
        expect((await agent.get(`/api/disputes/${id}`)).body.assignee_name, role).toBe(support2!.name);
        const list = await agent.get('/api/disputes').query({ filter: JSON.stringify({ id: [id] }) });
        expect(list.body[0].assignee_name, role).toBe(support2!.name);
      }
      expect((await support.put(`/api/disputes/${id}`).send({ assignee_id: null })).body.assignee_name).toBeNull();

      const assignees = await support.get('/api/disputes/assignees');
      expect(assignees.status).toBe(200);
      const roles = assignees.body.map((u: Assignee) => u.role);
      expect(new Set(roles)).toEqual(new Set(['support', 'admin']));
      // Support agents first: the people a support agent hands work to.
      expect(roles.indexOf('admin')).toBeGreaterThan(roles.lastIndexOf('support'));
      expect(assignees.body.map((u: Assignee) => u.id)).toContain(support2Id);
      expect(Object.keys(assignees.body[0]).sort()).toEqual(['id', 'name', 'role']);
      expect((await (await t.agent('operator')).get('/api/disputes/assignees')).status).toBe(403);
    });

    it('When the assignee is not an active support or admin user, then 400', async () => {
      const id = await makeDispute(t);
      const disabled = randomUUID().slice(0, 8);
      await t.db('users').insert({
        id: `usr_${disabled}`, email: `${disabled}@example.com`, name: 'Gone', role: 'support', password_hash: 'x', disabled: true,
        created_at: t.ctx.now().toISOString(),
      });
      const support = await t.agent('support');
      for (const assignee of [t.users.operator.id, `usr_${disabled}`, 'usr_01JX0000000000000000000000']) {
        const res = await support.put(`/api/disputes/${id}`).send({ assignee_id: assignee });
        expect(res.status, assignee).toBe(400);
        expect(res.body.errors).toHaveProperty('assignee_id');
      }
      expect((await t.db('disputes').where('id', id).first())!.assignee_id).toBeNull();
    });

    it('When the whole record is sent back, then only assignee and response text are taken', async () => {
      const id = await makeDispute(t);
      const support = await t.agent('support');
      const record = (await support.get(`/api/disputes/${id}`)).body;
      const res = await support.put(`/api/disputes/${id}`).send({
        ...record, status: 'won', amount: 1, response_due_date: '2099-01-01', response_text: 'Signed delivery receipt attached.',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...record, response_text: 'Signed delivery receipt attached.', updated_at: t.ctx.now().toISOString() });
    });

    it('When nothing changes, then no audit row', async () => {
      const id = await makeDispute(t);
      const support = await t.agent('support');
      const record = (await support.get(`/api/disputes/${id}`)).body;
      expect((await support.put(`/api/disputes/${id}`).send(record)).status).toBe(200);
      expect(await t.db('audit').where({ entity_id: id, action: 'dispute.updated' })).toHaveLength(0);
    });

    it('When the dispute does not exist, then 404', async () => {
      const support = await t.agent('support');
      for (const res of [
        await support.put('/api/disputes/dp_01JX0000000000000000000000').send({ response_text: 'x' }),
        await support.post('/api/disputes/dp_01JX0000000000000000000000/submit'),
        await support.post('/api/disputes/dp_01JX0000000000000000000000/accept'),
        await support.get('/api/disputes/dp_01JX0000000000000000000000/notes'),
        await support.post('/api/disputes/dp_01JX0000000000000000000000/notes').send({ body: 'x' }),
      ]) expect(res.status).toBe(404);
    });
  });

  describe('notes', () => {
    it('When notes are added, then every role reads them in order; they cannot be edited or removed', async () => {
      const id = await makeDispute(t);
      const support = await t.agent('support');
      const admin = await t.agent('admin');
      const first = await support.post(`/api/disputes/${id}/notes`).send({ body: '  Cardholder says parcel missing  ' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        id: expect.stringMatching(/^dpn_/), dispute_id: id, author_id: t.users.support.id,
        body: 'Cardholder says parcel missing', created_at: t.ctx.now().toISOString(),
        // By name too, for operators and support, who cannot read the users list.
        author_name: (await t.db('users').where('id', t.users.support.id).first('name'))!.name,
      });
      t.clock.now = new Date(t.clock.now.getTime() + 1000); // a later note (ids within one millisecond are unordered)
      const second = await admin.post(`/api/disputes/${id}/notes`).send({ body: 'Courier confirms delivery' });
      const list = await (await t.agent('operator')).get(`/api/disputes/${id}/notes`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([first.body, second.body]);
      expect(list.headers['x-total-count']).toBe('2');
      expect((await support.put(`/api/disputes/${id}/notes/${first.body.id}`).send({ body: 'changed' })).status).toBe(404);
      expect((await support.delete(`/api/disputes/${id}/notes/${first.body.id}`)).status).toBe(404);
      expect((await support.post(`/api/disputes/${id}/notes`).send({ body: '   ' })).status).toBe(400);
      expect((await (await t.agent('operator')).post(`/api/disputes/${id}/notes`).send({ body: 'hi' })).status).toBe(403);
      expect((await support.get(`/api/disputes/${id}/notes`)).body).toHaveLength(2);
    });
  });

  it('When submit and evidence removal race, then a dispute is never under review without evidence', async () => {
    for (let i = 0; i < 5; i++) {
      const id = await makeDispute(t);
      const att = await t.db('dispute_attachments').where('dispute_id', id).first('id');
      const support = await t.agent('support');
      const [submit, remove] = await Promise.all([
        support.post(`/api/disputes/${id}/submit`),
        support.delete(`/api/disputes/${id}/attachments/${att!.id}`),
      ]);
      const d = await t.db('disputes').where('id', id).first();
      const evidence = await t.db('dispute_attachments').where('dispute_id', id);
      if (d!.status === 'under_review') expect(evidence.length).toBeGreaterThan(0);
      expect([submit.status, remove.status].filter((s) => s === 200).length).toBe(1);
    }
    await expectMoneyInvariants(t.db);
  });
});
