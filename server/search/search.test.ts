// GET /api/search through the API, on each engine: exact ids jump to one record; the start of
// an id, references, emails, card last 4, auth codes, payout numbers and names find their
// records; each group's total is the total of the list "see all" opens; and each role only
// finds what it may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { newId } from '../../shared/ids.ts';
import { HITS_PER_RESOURCE, type SearchGroup, type SearchResponse } from '../../shared/api/search.ts';
import { payments } from '../resources/payments/definition.ts';
import type { PaymentRow } from '../db/tables.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { searchApplies } from './search.ts';

describe.each(ENGINES)('GET /api/search on %s', (engine) => {
  let t: TestApp;
  /** A seeded captured payment with an auth code; seeded payments all have a reference and an email. */
  let payment: PaymentRow & { reference_id: string; customer_email: string; auth_code: string };

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 300 });
    payment = (await t.db('payments').where('status', 'captured').whereNotNull('auth_code').orderBy('id').first()) as typeof payment;
  });
  afterAll(() => t.drop());

  const answer = async (q: string, role: 'admin' | 'operator' | 'support' = 'operator') => {
    const res = await (await t.agent(role)).get('/api/search').query({ q });
    expect(res.status).toBe(200);
    return res.body as SearchResponse;
  };
  const search = async (q: string, role?: 'admin' | 'operator' | 'support') =>
    (await answer(q, role)).groups.flatMap((g) => g.hits.map(({ resource, id, status }) => ({ resource, id, status })));
  const group = async (q: string, resource: string) => (await answer(q)).groups.find((g) => g.resource === resource);
  /** The total the list says for `q`: what "see all N" opens. */
  const listTotal = async (resource: string, q: string) => {
    const res = await (await t.agent('admin')).get(`/api/${resource}`).query({ filter: JSON.stringify({ q }) });
    expect(res.status).toBe(200);
    return Number(res.headers['x-total-count']);
  };

  it('When the query is an exact id, then only that record comes back, whatever the case', async () => {
    const lower = `${payment.id.slice(0, 3)}${payment.id.slice(3).toLowerCase()}`;
    for (const q of [payment.id, lower, `  ${payment.id} `]) {
      const res = await answer(q);
      expect(res.exactId).toBe(true);
      expect(res.groups).toEqual([{ resource: 'payments', total: 1, exact: true, hits: [
        { resource: 'payments', id: payment.id, status: payment.display_status, record: expect.objectContaining({ card_last4: payment.card_last4, amount: payment.amount }) },
      ] }]);
    }
    const merchant = await t.db('merchants').first();
    expect(await search(merchant!.id)).toEqual([expect.objectContaining({ resource: 'merchants', id: merchant!.id })]);
  });

  it('When the query is a note or attachment id, then it leads to the dispute', async () => {
    const dispute = await t.db('disputes').first();
    const noteId = newId('note');
    await t.db('dispute_notes').insert({ id: noteId, dispute_id: dispute!.id, author_id: t.users.support.id, body: 'called the bank', created_at: '2026-11-20T10:00:00.000Z' });
    expect(await search(noteId, 'support')).toEqual([expect.objectContaining({ resource: 'disputes', id: dispute!.id })]);
  });

  it('When the query is card last 4, then the payments with that card are found and counted', async () => {
    const found = await group(payment.card_last4, 'payments');
    expect(found!.hits.map((h) => h.id)).toContain(payment.id);
    const matching = await t.db('payments').where('card_last4', payment.card_last4).count({ n: '*' });
    expect(found!.total).toBe(Number(matching[0].n));
    expect(found!.hits.every((h) => h.record.card_last4 === payment.card_last4)).toBe(true);
  });

  it('When the query is a reference or an email prefix, then the intent and its payment are found', async () => {
    for (const q of [payment.reference_id, payment.reference_id.toLowerCase(), payment.customer_email.split('@')[0]]) {
      expect(await search(q)).toEqual(expect.arrayContaining([
        expect.objectContaining({ resource: 'payments', id: payment.id }),
        expect.objectContaining({ resource: 'intents', id: payment.intent_id }),
      ]));
    }
  });

  it('When the query is an auth code, in any case, then its payment is found', async () => {
    for (const q of [payment.auth_code, payment.auth_code.toLowerCase()]) {
      expect((await group(q, 'payments'))!.hits.map((h) => h.id)).toContain(payment.id);
    }
  });

  it('When the query is the start of an id, then the records whose ids start so are found and counted as the list counts them', async () => {
    const start = `${payment.id.slice(0, 6).toLowerCase()}`; // "py_01k": the time part, shared by many
    const found = (await group(start, 'payments'))!;
    expect(found.hits.length).toBeGreaterThan(0);
    expect(found.hits.every((h) => h.id.startsWith(start.slice(0, 3) + start.slice(3).toUpperCase()))).toBe(true);
    expect(found.total).toBe(await listTotal('payments', start));
    const precise = payment.id.slice(0, 20);
    expect((await group(precise, 'payments'))!.hits.map((h) => h.id)).toContain(payment.id);
    expect(await group('py_', 'payments')).toBeUndefined(); // the prefix alone names no record
  });

  it('When the query is a payout number, with or without "#", then the payout is found', async () => {
    const payout = await t.db('payouts').orderBy('id').first();
    for (const q of [`#${payout!.payout_number}`, String(payout!.payout_number)]) {
      expect(await search(q)).toContainEqual(expect.objectContaining({ resource: 'payouts', id: payout!.id }));
    }
  });

  it('When the query is part of a merchant name, then the merchant and its records are found', async () => {
    const merchant = await t.db('merchants').orderBy('name').first();
    const part = merchant!.name.slice(1, 6).toLowerCase();
    const res = await answer(part);
    const merchants = res.groups.find((g) => g.resource === 'merchants')!;
    expect(merchants.hits).toContainEqual(expect.objectContaining({ id: merchant!.id }));
    const paymentsGroup = res.groups.find((g) => g.resource === 'payments');
    const named = await t.db('merchants').whereRaw('lower(name) like ?', [`%${part}%`]).pluck('id');
    const theirs = await t.db('payments').whereIn('merchant_id', named).count({ n: '*' });
    expect(paymentsGroup?.total ?? 0).toBe(Number(theirs[0].n));
    for (const h of paymentsGroup?.hits ?? []) expect(named).toContain(h.record.merchant_id);
  });

  it('When many records match, then each group shows a few hits and the total of its list', async () => {
    const merchant = await t.db('payments').groupBy('merchant_id').orderByRaw('count(*) desc').first('merchant_id');
    const { name } = (await t.db('merchants').where('id', merchant!.merchant_id).first('name'))!;
    for (const q of [payment.id.slice(0, 5), name]) { // ids made close in time; a busy merchant's name
      const res = await answer(q, 'admin');
      expect(res.groups.length).toBeGreaterThan(0);
      let more: SearchGroup | undefined;
      for (const g of res.groups) {
        expect(g.hits.length).toBeLessThanOrEqual(HITS_PER_RESOURCE);
        expect(g.total).toBe(await listTotal(g.resource, q));
        if (g.total > g.hits.length) more = g;
      }
      expect(more).toBeDefined(); // a group has more than it shows: the "see all" case
    }
  });

  it('When an operator or support agent searches, then users and audit entries are never found', async () => {
    const admin = t.users.admin;
    expect(await search('admin@example', 'admin')).toContainEqual(expect.objectContaining({ resource: 'users', id: admin.id }));
    for (const role of ['operator', 'support'] as const) {
      expect((await search('admin@example', role)).filter((h) => h.resource === 'users')).toEqual([]);
      expect(await search(admin.id, role)).toEqual([]);
      expect(await search(admin.id.slice(0, 8), role)).toEqual([]);
    }
    const auditRow = await t.db('audit').first();
    expect(await search(auditRow!.id, 'admin')).toEqual([expect.objectContaining({ resource: 'audit', id: auditRow!.id })]);
    expect(await search(auditRow!.id, 'operator')).toEqual([]);
  });

  it('When nothing matches, then the answer has no groups', async () => {
    expect(await answer(newId('payment'))).toEqual({ q: expect.any(String), exactId: false, groups: [] });
    expect(await search('zzzz-no-such-thing-zzzz')).toEqual([]);
    expect(await search('x')).toEqual([]);
    expect(await search('')).toEqual([]);
  });

  it('When the request is malformed or anonymous, then 400 or 401 with a message', async () => {
    const agent = await t.agent('operator');
    expect((await agent.get('/api/search')).status).toBe(400);
    expect((await agent.get('/api/search').query({ q: 'a'.repeat(201) })).status).toBe(400);
    expect((await agent.get('/api/search').query({ q: 'abc', limit: 5 })).status).toBe(400);
    const anonymous = await request(t.app).get('/api/search').query({ q: 'abc' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toBeTruthy();
  });
});

describe('search shapes', () => {
  it('only probes payments when the query looks like something payments hold', () => {
    expect(searchApplies(payments, '4242')).toBe(true);
    expect(searchApplies(payments, 'ana.lima@')).toBe(true);
    expect(searchApplies(payments, 'py_01K')).toBe(true);
    expect(searchApplies(payments, '#1234 5678')).toBe(false);
    expect(searchApplies(payments, '12 34')).toBe(false);
  });
});
