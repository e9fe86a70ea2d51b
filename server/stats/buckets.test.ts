// Date buckets computed by each engine's SQL agree with the calendar (and so with each other):
// ISO weeks starting Monday across year ends and leap days, months, days; and the JS helpers
// that fill gaps agree with the SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ENGINES, type TestDb } from '../test/harness.ts';
import { bucketOf, bucketSql, INTERVALS, periodsBetween } from './buckets.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Independent oracle: the Monday on or before a day, by stepping back one day at a time. */
function mondayOf(day: string): string {
  let ms = Date.parse(`${day}T00:00:00Z`);
  while (new Date(ms).getUTCDay() !== 1) ms -= DAY;
  return iso(ms);
}

// Two years of consecutive days (covers 2026-12-28…2027-01-03, an ISO week spanning the new
// year) plus leap-year edges and a Monday that opens ISO week 1 of the next year.
const SAMPLE_DAYS = [
  ...Array.from({ length: 731 }, (_, i) => iso(Date.parse('2026-01-01T00:00:00Z') + i * DAY)),
  '2024-02-28', '2024-02-29', '2024-03-01', '2024-12-30', '2028-02-29', '2028-03-05', '2028-03-06',
];

describe('bucket oracle', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // a Monday is its own week
    ['2026-11-22', '2026-11-16'], // Sunday belongs to the week before
    ['2027-01-03', '2026-12-28'], // Sunday after new year: week starts in December
    ['2024-03-01', '2024-02-26'],
  ])('week of %s starts %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
    expect(bucketOf('week', day)).toBe(monday);
  });

  it('lists every period of a range, partial ends included', () => {
    expect(periodsBetween('week', '2026-11-18', '2026-12-01')).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(periodsBetween('month', '2026-11-30', '2027-02-01')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
    expect(periodsBetween('day', '2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });
});

describe.each(ENGINES)('bucket SQL on %s', (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await t.db.schema.createTable('bucket_probe', (tb) => {
      tb.string('at', 24).notNullable();
    });
    // The last millisecond of each day and the first of the next: both must land on their own day.
    const rows = SAMPLE_DAYS.flatMap((d) => [{ at: `${d}T00:00:00.000Z` }, { at: `${d}T23:59:59.999Z` }]);
    for (let i = 0; i < rows.length; i += 200) await t.db('bucket_probe').insert(rows.slice(i, i + 200));
  });
  afterAll(() => t.drop());

  it.each(INTERVALS)('%s buckets match the calendar for every sample', async (interval) => {
    const day = 'substr(at, 1, 10)';
    const rows = await t.db('bucket_probe').select('at', t.db.raw(`${bucketSql(t.db.engine, interval, day)} as bucket`));
    expect(rows).toHaveLength(SAMPLE_DAYS.length * 2);
    for (const r of rows) {
      const d = r.at.slice(0, 10);
      const expected = interval === 'day' ? d : interval === 'month' ? `${d.slice(0, 7)}-01` : mondayOf(d);
      expect({ at: r.at, bucket: r.bucket }).toEqual({ at: r.at, bucket: expected });
      expect(bucketOf(interval, d)).toBe(expected);
    }
  });
});
