// /api/saved-queries through the API, on each engine: a query is its owner's until shared; a
// shared one is visible to everyone and stays its owner's to change or delete; what is saved is
// a filter the list accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedQuery } from '../../shared/api/savedQueries.ts';
import { createTestApp, ENGINES, type TestApp } from '../test/harness.ts';

describe.each(ENGINES)('saved queries on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 20 });
  });
  afterAll(() => t.drop());

  const as = async (role: 'operator' | 'support' | 'admin') => t.agent(role);
  const listOf = async (role: 'operator' | 'support' | 'admin', resource = 'payments') => {
    const res = await (await as(role)).get('/api/saved-queries').query({ resource });
    expect(res.status).toBe(200);
    return res.body as SavedQuery[];
  };
  const save = async (role: 'operator' | 'support' | 'admin', body: object) => (await as(role)).post('/api/saved-queries').send(body);

  it('When a user saves a query, then only they see it, with its filter, sort and page size', async () => {
    const params = { filter: { status: 'captured', amount_gte: 1000 }, sort: 'amount', order: 'DESC', perPage: 50, displayedFilters: { amount_gte: true } };
    const res = await save('operator', { resource: 'payments', name: '  Big captured  ', params });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ resource: 'payments', name: 'Big captured', params, shared: false, mine: true, owner_id: t.users.operator.id });
    expect(res.body.id).toMatch(/^sq_/);
    expect((await listOf('operator')).map((q) => q.id)).toContain(res.body.id);
    expect((await listOf('support')).map((q) => q.id)).not.toContain(res.body.id);
    expect((await listOf('operator', 'refunds')).map((q) => q.id)).not.toContain(res.body.id); // another list's menu
    expect((await (await as('support')).put(`/api/saved-queries/${res.body.id}`).send({ name: 'x' })).status).toBe(404);
  });

  it('When the owner shares a query, then every user sees it, and only the owner changes or deletes it', async () => {
    const { body: mine } = await save('operator', { resource: 'payments', name: 'Failed today', params: { filter: { status: 'failed' } } });
    const shared = await (await as('operator')).put(`/api/saved-queries/${mine.id}`).send({ shared: true });
    expect(shared.status).toBe(200);
    expect(shared.body.shared).toBe(true);
    const owner = await t.db('users').where('id', t.users.operator.id).first('name');
    for (const role of ['support', 'admin'] as const) {
      const seen = (await listOf(role)).find((q) => q.id === mine.id);
      expect(seen).toMatchObject({ shared: true, mine: false, owner_name: owner!.name, params: { filter: { status: 'failed' } } });
      const agent = await as(role);
      const rename = await agent.put(`/api/saved-queries/${mine.id}`).send({ name: 'Mine now' });
      expect(rename.status).toBe(403);
      expect(rename.body.message).toMatch(/Only the user who saved/);
      expect((await agent.delete(`/api/saved-queries/${mine.id}`)).status).toBe(403);
    }
    expect((await t.db('saved_queries').where('id', mine.id).first())!.name).toBe('Failed today');
    const renamed = await (await as('operator')).put(`/api/saved-queries/${mine.id}`).send({ name: 'Failed payments' });
    expect(renamed.body.name).toBe('Failed payments');
    expect((await listOf('support')).find((q) => q.id === mine.id)?.name).toBe('Failed payments');
    expect((await (await as('operator')).delete(`/api/saved-queries/${mine.id}`)).status).toBe(204);
    expect((await listOf('support')).find((q) => q.id === mine.id)).toBeUndefined();
    expect((await (await as('operator')).delete(`/api/saved-queries/${mine.id}`)).status).toBe(404);
  });

  it('When the owner unshares a query, then the others no longer see it', async () => {
    const { body } = await save('support', { resource: 'disputes', name: 'Team queue', params: { filter: {} }, shared: true });
    expect((await listOf('operator', 'disputes')).map((q) => q.id)).toContain(body.id);
    await (await as('support')).put(`/api/saved-queries/${body.id}`).send({ shared: false });
    expect((await listOf('operator', 'disputes')).map((q) => q.id)).not.toContain(body.id);
  });

  it('When what is saved is not a query the list takes, then 400 and nothing is saved', async () => {
    const before = await t.db('saved_queries').count({ n: '*' });
    const bad = [
      { resource: 'payments', name: 'neg', params: { filter: { amount_gte: -1 } } },
      { resource: 'payments', name: 'unknown', params: { filter: { nope: 1 } } },
      { resource: 'payments', name: 'sort', params: { filter: {}, sort: 'password_hash', order: 'ASC' } },
      { resource: 'payments', name: '', params: { filter: {} } },
      { resource: 'payments', name: 'x'.repeat(101), params: { filter: {} } },
      { resource: 'nowhere', name: 'x', params: { filter: {} } },
      { resource: 'payments', name: 'x', params: { filter: [] } },
      { resource: 'payments', name: 'x', params: { filter: {}, perPage: 0 } },
      { resource: 'payments', name: 'x', params: { filter: {} }, owner_id: t.users.admin.id },
    ];
    for (const body of bad) {
      const res = await save('operator', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message).toBeTruthy();
    }
    expect(await t.db('saved_queries').count({ n: '*' })).toEqual(before);
    const { body } = await save('operator', { resource: 'payments', name: 'ok', params: { filter: {} } });
    expect((await (await as('operator')).put(`/api/saved-queries/${body.id}`).send({ params: { filter: { card_last4: '42' } } })).status).toBe(400);
    expect((await (await as('operator')).put(`/api/saved-queries/${body.id}`).send({})).status).toBe(400);
  });

  it('When a user saves a query of a list they cannot read, then 403', async () => {
    expect((await save('operator', { resource: 'users', name: 'x', params: { filter: {} } })).status).toBe(403);
    expect((await (await as('support')).get('/api/saved-queries').query({ resource: 'audit' })).status).toBe(403);
  });

  it('lists a menu by name', async () => {
    for (const name of ['b second', 'a first', 'c third']) await save('admin', { resource: 'plans', name, params: { filter: {} } });
    expect((await listOf('admin', 'plans')).map((q) => q.name)).toEqual(['a first', 'b second', 'c third']);
  });
});
