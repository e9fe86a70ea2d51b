import { describe, expect, it } from 'vitest';
import { paymentTimeline } from './paymentTimeline.ts';

const money = (a: number, c: string) => `${c} ${a}`;

describe('a payment\'s timeline', () => {
  it('tells a captured, refunded, disputed and settled payment in time order', () => {
    const payment = {
      id: 'py_1', status: 'captured', auth_code: 'AB12CD', created_at: '2026-06-08T18:45:00.000Z',
      captured_at: '2026-06-08T18:45:01.500Z', settled_at: '2026-06-10T18:45:01.500Z', amount: 15553, currency: 'BRL',
    };
    const refunds = [{ id: 're_1', amount: 500, currency: 'BRL', status: 'succeeded', created_at: '2026-06-09T10:00:00.000Z' }];
    const disputes = [{ id: 'dp_1', status: 'won', reason_code: '10.4', created_at: '2026-06-21T18:45:00.000Z', closed_date: '2026-07-25' }];
    const events = paymentTimeline(payment, refunds, disputes, money);
    expect(events.map((e) => e.key)).toEqual(['created', 'authorised', 'captured', 'refunded', 'settled', 'disputed', 'dispute_won']);
    expect(events.find((e) => e.key === 'refunded')).toMatchObject({ params: { amount: 'BRL 500' }, link: { resource: 'refunds', id: 're_1' } });
    expect(events.find((e) => e.key === 'dispute_won')).toMatchObject({ dateOnly: true, tone: 'success', link: { resource: 'disputes', id: 'dp_1' } });
  });

  it('shows a declined payment as created then declined, never authorised or captured', () => {
    const events = paymentTimeline({ id: 'py_2', status: 'failed', decline_code: '3000', created_at: '2026-06-08T18:45:00.000Z' }, [], [], money);
    expect(events.map((e) => [e.key, e.tone])).toEqual([['created', 'neutral'], ['failed', 'error']]);
  });

  it('marks refunds that failed or are still pending differently from completed ones', () => {
    const payment = { id: 'py_3', status: 'captured', auth_code: 'X', created_at: '2026-01-01T00:00:00.000Z', captured_at: '2026-01-01T00:00:01.000Z' };
    const refunds = [
      { id: 're_a', amount: 1, currency: 'USD', status: 'failed', created_at: '2026-01-02T00:00:00.000Z' },
      { id: 're_b', amount: 2, currency: 'USD', status: 'pending', created_at: '2026-01-03T00:00:00.000Z' },
    ];
    const keys = paymentTimeline(payment, refunds, [], money).map((e) => [e.key, e.tone]);
    expect(keys).toContainEqual(['refund_failed', 'error']);
    expect(keys).toContainEqual(['refund_pending', 'warning']);
  });
});
