// Property: whatever sequence of refunds, dispute openings and outcomes, and payout decisions
// happens — valid or not, by whichever admin — every balance stays equal to its ledger, every
// payment's refunds and disputes not won stay within it together, and each accepted action moves
// exactly its amount.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoNow } from '../context.ts';
import { openDispute } from '../resources/disputes/outcomes.ts';
import { unclaimed } from '../resources/payments/refundable.ts';
import { createTestApp, ENGINES, login, type TestApp } from '../test/harness.ts';
import { moneyViolations } from '../test/invariants.ts';
import { balanceId } from './ledger.ts';

const DUAL = 200_000;

const command = fc.oneof(
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), percent: fc.option(fc.integer({ min: 1, max: 130 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('open_dispute' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('dispute_outcome' as const), pick: fc.nat(), outcome: fc.constantFrom('won', 'lost', 'accept') }),
  fc.record({ kind: fc.constant('payout' as const), pick: fc.nat(), decision: fc.constantFrom('approve', 'approve2', 'decline') }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

describe.each(ENGINES)('money property on %s', (engine) => {
  let t: TestApp;
  let agents: Record<'operator' | 'admin' | 'admin2', Awaited<ReturnType<typeof login>>>;
  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 500, config: { PAYOUT_DUAL_APPROVAL_MINOR: DUAL } });
    agents = { operator: await t.agent('operator'), admin: await t.agent('admin'), admin2: await login(t.app, 'admin2@example.com') };
  });
  afterAll(() => t.drop());

  const available = async (merchantId: string, currency: string) =>
    Number((await t.db('balances').where('id', balanceId(merchantId, currency)).first('available'))?.available ?? 0);
  const nth = async <T>(rows: Promise<T[]>, pick: number): Promise<T> => {
    const all = await rows;
    if (!all.length) throw new Error('nothing to pick from: the seed has no such rows');
    return all[pick % all.length];
  };

  /** Runs `act` and checks the merchant's available balance moved by exactly what it returns. */
  async function moves(row: { merchant_id: string; currency: string }, act: () => Promise<number>) {
    const before = await available(row.merchant_id, row.currency);
    const expected = await act();
    expect(await available(row.merchant_id, row.currency) - before).toBe(expected);
  }

  async function run(c: Command): Promise<void> {
    if (c.kind === 'refund') {
      const p = await nth(t.db('payments').where('status', 'captured').orderBy('id').select(), c.pick);
      return moves(p, async () => {
        const remaining = unclaimed(p); // neither refunded nor in a dispute that is not won
        const amount = c.percent === undefined ? undefined : Math.max(1, Math.ceil((Number(p.amount) * c.percent) / 100));
        const res = await agents.operator.post('/api/refunds').set('Idempotency-Key', randomUUID())
          .send({ payment_id: p.id, amount, reason: 'requested_by_customer' });
        const fits = remaining > 0 && (amount ?? remaining) <= remaining;
        expect(res.status, JSON.stringify(res.body)).toBe(fits ? 201 : 409);
        return fits ? -(amount ?? remaining) : 0;
      });
    }
    if (c.kind === 'open_dispute') {
      const p = await nth(t.db('payments as p').where('p.status', 'captured')
        .whereNotExists(t.db('disputes as d').whereRaw('d.payment_id = p.id')).orderBy('p.id').select('p.*'), c.pick);
      if (!p) return;
      return moves(p, async () => {
        const remaining = unclaimed(p); // neither refunded nor in a dispute that is not won
        const opened = await t.db.transaction((trx) => openDispute(trx, { payment_id: p.id }, { id: null, ip: null, at: isoNow(t.ctx) }))
          .then(() => true, (err) => (expect(err.status).toBe(409), false));
        expect(opened).toBe(remaining > 0);
        return opened ? -remaining : 0;
      });
    }
    if (c.kind === 'dispute_outcome') {
      const d = await nth(t.db('disputes').orderBy('id').select(), c.pick);
      return moves(d, async () => {
        const res = c.outcome === 'accept'
          ? await agents.admin.post(`/api/disputes/${d.id}/accept`)
          : await agents.admin.post(`/api/disputes/${d.id}/resolve`).send({ outcome: c.outcome });
        const allowed = c.outcome === 'accept' ? d.status === 'needs_response' : ['needs_response', 'under_review'].includes(d.status);
        expect(res.status, JSON.stringify(res.body)).toBe(allowed ? 200 : 409);
        return allowed && c.outcome === 'won' ? Number(d.amount) : 0;
      });
    }
    const p = await nth(t.db('payouts').orderBy('id').select(), c.pick);
    return moves(p, async () => {
      const agent = c.decision === 'approve2' ? agents.admin2 : agents.admin;
      const res = c.decision === 'decline'
        ? await agent.post(`/api/payouts/${p.id}/decline`).send({ reason: 'property test' })
        : await agent.post(`/api/payouts/${p.id}/approve`);
      expect([200, 409], JSON.stringify(res.body)).toContain(res.status);
      if (c.decision === 'decline') expect(res.status).toBe(['pending', 'pending_second_approval'].includes(p.status) ? 200 : 409);
      return res.status === 200 && res.body.status === 'processing' ? -Number(p.amount) : 0;
    });
  }

  it('keeps every balance equal to its ledger and every action moving exactly its amount', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 15 }), async (commands) => {
        for (const c of commands) await run(c);
        expect(await moneyViolations(t.db)).toEqual([]);
      }),
      { numRuns: engine === 'pg' ? 12 : 30, endOnFailure: true },
    );
  });
});
