import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.ts';
import { payments } from '../resources/payments/definition.ts';
import { parseListQuery } from './parseListQuery.ts';

const parse = (q: Record<string, unknown>, header?: string) => parseListQuery(payments, q, header);
const expect400 = (q: Record<string, unknown>, pattern: RegExp) => {
  try {
    parse(q);
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    expect((err as HttpError).message).toMatch(pattern);
    return;
  }
  throw new Error(`expected a 400 for ${JSON.stringify(q)}`);
};

describe('parseListQuery', () => {
  it('defaults to created_at DESC and the first 25 rows', () => {
    const q = parse({});
    expect(q.sort).toEqual({ field: 'created_at', column: 'created_at', order: 'DESC' });
    expect(q.range).toEqual({ start: 0, end: 24 });
    expect(q.conditions).toEqual([]);
  });

  it('reads sort and range', () => {
    const q = parse({ sort: '["amount","ASC"]', range: '[25,49]' });
    expect(q.sort.field).toBe('amount');
    expect(q.sort.order).toBe('ASC');
    expect(q.range).toEqual({ start: 25, end: 49 });
  });

  it('falls back to the Range header when no range parameter is given', () => {
    expect(parse({}, 'payments=50-74').range).toEqual({ start: 50, end: 74 });
  });

  it('turns each filter shape into its operator', () => {
    const q = parse({
      filter: JSON.stringify({
        status: 'captured',
        currency: ['usd', 'EUR'],
        decline_code: null,
        amount_gte: 100,
        amount_lte: '5000',
        fee_amount_gt: 1,
        fee_amount_lt: 900,
        entry_mode_neq: 'nfc',
        created_at_gte: '2026-11-01T10:00:00Z',
      }),
    });
    const ops = Object.fromEntries(q.conditions.map((c) => [`${c.field}:${c.op}`, c.value]));
    expect(ops).toEqual({
      'status:eq': 'captured',
      'currency:in': ['USD', 'EUR'],
      'decline_code:null': null,
      'amount:gte': 100,
      'amount:lte': 5000,
      'fee_amount:gt': 1,
      'fee_amount:lt': 900,
      'entry_mode:neq': 'nfc',
      'created_at:gte': '2026-11-01T10:00:00.000Z',
    });
  });

  it('reads a bare date as the whole UTC day', () => {
    const q = parse({ filter: JSON.stringify({ created_at_gte: '2026-11-01', created_at_lte: '2026-11-02' }) });
    expect(q.conditions).toEqual([
      { field: 'created_at', column: 'created_at', op: 'gte', value: '2026-11-01T00:00:00.000Z' },
      { field: 'created_at', column: 'created_at', op: 'lt', value: '2026-11-03T00:00:00.000Z' },
    ]);
  });

  it('keeps q, trimmed, and drops an empty one', () => {
    expect(parse({ filter: '{"q":"  4242 "}' }).q).toBe('4242');
    expect(parse({ filter: '{"q":""}' }).q).toBeUndefined();
  });

  it('sizes an id list request to the list', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `py_${String(i).padStart(26, '0')}`);
    expect(parse({ filter: JSON.stringify({ id: ids }) }).range).toEqual({ start: 0, end: 39 });
  });

  it.each([
    [{ sort: 'not json' }, /"sort" is not valid JSON/],
    [{ sort: '["amount"]' }, /"sort" must be/],
    [{ sort: '["password","ASC"]' }, /Cannot sort payments by "password"/],
    [{ sort: '["amount","asc"]' }, /ASC or DESC/],
    [{ sort: '["amount","UP"]' }, /ASC or DESC/],
    [{ range: '[10]' }, /"range" must be/],
    [{ range: '[10,5]' }, /"range" must be/],
    [{ range: '[-1,5]' }, /"range" must be/],
    [{ range: '[0.5,5]' }, /"range" must be/],
    [{ range: '[0,1000]' }, /at most 1000/],
    [{ filter: '[1,2]' }, /must be a JSON object/],
    [{ filter: '{bad' }, /"filter" is not valid JSON/],
    [{ filter: '{"nope":1}' }, /Unknown filter "nope"/],
    [{ filter: '{"status":"paid"}' }, /must be one of/],
    [{ filter: '{"amount":"ten"}' }, /whole number/],
    [{ filter: '{"amount":10.5}' }, /whole number/],
    [{ filter: '{"amount_gte":{"$gt":1}}' }, /whole number/],
    [{ filter: '{"status_gte":"captured"}' }, /does not support range/],
    [{ filter: '{"amount_gte":[1,2]}' }, /single value/],
    [{ filter: '{"created_at_gte":"yesterday"}' }, /ISO 8601/],
    [{ filter: '{"created_at_gte":"2026-13-45"}' }, /ISO 8601/],
    [{ filter: '{"currency":"DOLLARS"}' }, /currency code/],
    [{ filter: '{"q":5}' }, /"q" must be a string/],
    [{ filter: '{"amount_between":5}' }, /Unknown filter/],
    [{ filter: '{"amount_gte":5000,"amount_lte":2000}' }, /"amount_gte" is above "amount_lte": the range is empty/],
    [{ filter: '{"amount_gt":20,"amount_lt":10}' }, /the range is empty/],
    [{ filter: '{"created_at_gt":"2026-11-05T10:00:00Z","created_at_lte":"2026-11-05T09:59:59Z"}' }, /the range is empty/],
    [{ filter: '{"created_at_gte":"2026-11-05","created_at_lte":"2026-11-04"}' }, /the range is empty/],
    [{ filter: '{"amount_gte":-1}' }, /must not be negative/],
    [{ filter: '{"fee_amount":-500}' }, /must not be negative/],
    [{ filter: '{"card_last4":"42"}' }, /must be 4 digits/],
    [{ filter: '{"card_last4":"42a4"}' }, /must be 4 digits/],
    [{ filter: '{"card_last4":["4242","424"]}' }, /must be 4 digits/],
    [{ extra: '1' }, /Unknown query parameter "extra"/],
    [{ sort: ['a', 'b'] }, /given once/],
  ])('rejects %j', (query, message) => {
    expect400(query, message);
  });

  it('accepts the edges of what it refuses: a one-value range, zero, four digits', () => {
    expect(parse({ filter: '{"amount_gte":2000,"amount_lte":2000}' }).conditions).toHaveLength(2);
    expect(parse({ filter: '{"created_at_gte":"2026-11-04","created_at_lte":"2026-11-04"}' }).conditions).toHaveLength(2);
    expect(parse({ filter: '{"amount_lte":0}' }).conditions).toHaveLength(1);
    expect(parse({ filter: '{"card_last4":"0042"}' }).conditions).toEqual([{ field: 'card_last4', column: 'card_last4', op: 'eq', value: '0042' }]);
  });
});
