// At least one active admin, under concurrency (docs/security.md, "Dual control"): two admins
// demoting or disabling each other at the same moment leave one of them; an admin demoted while
// their own action runs is refused inside that action's transaction. The gated rounds hold the
// two admins' rows locked from the test until both requests are in flight, so on PostgreSQL they
// overlap every time; the free rounds just fire both at once.
import type { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, login, type TestApp } from '../../test/harness.ts';
import { makePayout, userId } from '../../test/moneyFixtures.ts';

type Change = { role: 'operator' } | { disabled: true };
const CHANGES: Array<[string, Change, Change]> = [
  ['demote each other', { role: 'operator' }, { role: 'operator' }],
  ['disable each other', { disabled: true }, { disabled: true }],
  ['one demotes, the other disables', { role: 'operator' }, { disabled: true }],
];

describe.each(ENGINES)('the last active admin on %s', (engine) => {
  let t: TestApp;
  let a: string;
  let b: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await userId(t.db, 'admin@example.com');
    b = await userId(t.db, 'admin2@example.com');
    // Exactly these two active admins.
    await t.db('users').where('role', 'admin').whereNotIn('id', [a, b]).update({ disabled: true });
  });
  afterAll(() => t.drop());

  const activeAdmins = async () => (await t.db('users').where({ role: 'admin', disabled: false }).select('id')).map((r) => r.id);
  const restore = () => t.db('users').whereIn('id', [a, b]).update({ role: 'admin', disabled: false });

  /** Holds a and b locked in a transaction of the test's own until `release` (PostgreSQL only). */
  function holdAdmins() {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const ready = new Promise<void>((r) => (locked = r));
    const held = t.db.transaction(async (trx: Knex.Transaction) => {
      await trx('users').whereIn('id', [a, b]).orderBy('id').forUpdate().select('id');
      locked();
      await gate;
    });
    return { ready, release: async () => (release(), held) };
  }

  for (const [name, byA, byB] of CHANGES) {
    const gatedRounds = engine === 'pg' ? [true, true, true, false, false, false] : [false, false, false];
    it(`When two admins ${name} at the same moment, then exactly one change goes through and an active admin remains`, async () => {
      for (const [round, gated] of gatedRounds.entries()) {
        await restore();
        const [agentA, agentB] = [await login(t.app, 'admin@example.com'), await login(t.app, 'admin2@example.com')];
        const hold = gated ? holdAdmins() : null;
        await hold?.ready;
        const requests = Promise.all([agentA.put(`/api/users/${b}`).send(byA), agentB.put(`/api/users/${a}`).send(byB)]);
        if (hold) {
          await sleep(250); // both requests are past the session check and waiting on the rows
          await hold.release();
        }
        const statuses = (await requests).map((r) => r.status);
        const label = `round ${round}${gated ? ' (gated)' : ''}: ${statuses}`;
        expect(statuses.filter((s) => s === 200), label).toHaveLength(1);
        // The loser was demoted by the winner: refused inside its transaction (409) or, when it
        // came second altogether, at the session check (its session was ended: 401).
        expect(gated ? [409] : [401, 409], label).toContain(statuses.find((s) => s !== 200));
        expect(await activeAdmins(), label).toHaveLength(1);
      }
      await restore();
    });
  }

  it('When an admin is demoted while their own payout decision runs, then the decision is refused and changes nothing', async () => {
    await restore();
    const agentA = await login(t.app, 'admin@example.com');
    const payout = await makePayout(t);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let demoted!: () => void;
    const ready = new Promise<void>((r) => (demoted = r));
    const demotion = t.db.transaction(async (trx) => {
      await trx('users').where('id', a).update({ role: 'operator' });
      demoted();
      await gate;
    });
    await ready;
    const decision = agentA.post(`/api/payouts/${payout}/approve`).send({}).then((r) => r);
    await sleep(250);
    release();
    await demotion;
    const res = await decision;
    // PostgreSQL: past the session check, refused inside the transaction. SQLite (one connection):
    // the session check itself waited for the demotion and refused.
    expect(res.status, JSON.stringify(res.body)).toBe(engine === 'pg' ? 409 : 403);
    expect((await t.db('payouts').where('id', payout).first())!.status).toBe('pending');
    await restore();
  });
});
