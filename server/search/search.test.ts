// GET /api/search through the API, on each engine: exact ids jump to one record, references,
// emails, card last 4 and names find their records, and each role only finds what it may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { newId } from '../../shared/ids.ts';
import { payments } from '../resources/payments/definition.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';
import { HITS_PER_RESOURCE, searchApplies } from './search.ts';

describe.each(ENGINES)('GET /api/search on %s', (engine) => {
  let t: TestApp;
  let payment: any;

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 300 });
    payment = await t.db('payments').where('status', 'captured').orderBy('id').first();
  });
  afterAll(() => t.drop());

  const search = async (q: string, role: 'admin' | 'operator' | 'support' = 'operator') => {
    const res = await (await t.agent(role)).get('/api/search').query({ q });
    expect(res.status).toBe(200);
    return res.body as Array<{ resource: string; id: string; label: string; status?: string }>;
  };

  it('When the query is an exact id, then only that record comes back, whatever the case', async () => {
    const lower = `${payment.id.slice(0, 3)}${payment.id.slice(3).toLowerCase()}`;
    for (const q of [payment.id, lower, `  ${payment.id} `]) {
      const hits = await search(q);
      expect(hits).toEqual([
        { resource: 'payments', id: payment.id, label: expect.stringContaining(payment.card_last4), status: 'captured' },
      ]);
    }
    const merchant = await t.db('merchants').first();
    expect(await search(merchant.id)).toEqual([expect.objectContaining({ resource: 'merchants', id: merchant.id, label: expect.stringContaining(merchant.name) })]);
  });

  it('When the query is a note or attachment id, then it leads to the dispute', async () => {
    const dispute = await t.db('disputes').first();
    const noteId = newId('note');
    await t.db('dispute_notes').insert({ id: noteId, dispute_id: dispute.id, author_id: t.users.support.id, body: 'called the bank', created_at: '2026-11-20T10:00:00.000Z' });
    expect(await search(noteId, 'support')).toEqual([expect.objectContaining({ resource: 'disputes', id: dispute.id })]);
  });

  it('When the query is card last 4, then the payments with that card are found', async () => {
    const hits = await search(payment.card_last4);
    const found = hits.filter((h) => h.resource === 'payments');
    expect(found.map((h) => h.id)).toContain(payment.id);
    const rows = await t.db('payments').whereIn('id', found.map((h) => h.id));
    expect(rows.every((r) => r.card_last4 === payment.card_last4 || r.reference_id.startsWith(payment.card_last4) || r.customer_email.startsWith(payment.card_last4))).toBe(true);
  });

  it('When the query is a reference or an email prefix, then the intent and its payment are found', async () => {
    for (const q of [payment.reference_id, payment.reference_id.toLowerCase(), payment.customer_email.split('@')[0]]) {
      const hits = await search(q);
      expect(hits).toEqual(expect.arrayContaining([
        expect.objectContaining({ resource: 'payments', id: payment.id }),
        expect.objectContaining({ resource: 'intents', id: payment.intent_id }),
      ]));
    }
  });

  it('When the query is part of a merchant name, then the merchant is found', async () => {
    const merchant = await t.db('merchants').orderBy('name').first();
    const part = merchant.name.slice(1, 6).toLowerCase();
    const hits = await search(part);
    expect(hits).toContainEqual(expect.objectContaining({ resource: 'merchants', id: merchant.id }));
  });

  it('When many records match, then each resource gives only a few hits', async () => {
    const hits = await search('example.com', 'admin'); // every demo user, many merchants
    const perResource = new Map<string, number>();
    for (const h of hits) perResource.set(h.resource, (perResource.get(h.resource) ?? 0) + 1);
    expect(hits.length).toBeGreaterThan(0);
    for (const n of perResource.values()) expect(n).toBeLessThanOrEqual(HITS_PER_RESOURCE);
  });

  it('When an operator or support agent searches, then users and audit entries are never found', async () => {
    const admin = t.users.admin;
    expect(await search('admin@example', 'admin')).toContainEqual(expect.objectContaining({ resource: 'users', id: admin.id }));
    for (const role of ['operator', 'support'] as const) {
      expect((await search('admin@example', role)).filter((h) => h.resource === 'users')).toEqual([]);
      expect(await search(admin.id, role)).toEqual([]);
    }
    const auditRow = await t.db('audit').first();
    expect(await search(auditRow.id, 'admin')).toEqual([expect.objectContaining({ resource: 'audit', id: auditRow.id })]);
    expect(await search(auditRow.id, 'operator')).toEqual([]);
  });

  it('When nothing matches, then the answer is an empty list', async () => {
    expect(await search(newId('payment'))).toEqual([]);
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
    expect(searchApplies(payments, 'two words')).toBe(false);
  });
});
