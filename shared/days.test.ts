import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysUntil, deadlineOf, isDay, lastDays, utcDay, validRange } from './days.ts';

describe('UTC days', () => {
  it('counts inclusive ranges across month ends and validates what the API would refuse', () => {
    expect(lastDays('2026-11-21', 90)).toEqual({ from: '2026-08-24', to: '2026-11-21' });
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-21', '2026-12-01')).toBe(10);
    expect(isDay('2026-02-30')).toBe(false);
    expect(validRange('2026-11-21', '2026-11-20')).toBe(false);
    expect(validRange('2026-02-30', '2026-03-01')).toBe(false);
    expect(validRange('2024-01-01', '2026-12-31')).toBe(true); // 1096 days, the most a range may cover
    expect(validRange('2024-01-01', '2027-01-01')).toBe(false);
    expect(validRange('2026-01-01', '2026-01-01')).toBe(true);
  });

  it('takes the day of an instant in UTC, and a deadline day lasts until its end in UTC', () => {
    expect(utcDay(new Date('2026-11-21T23:59:59.999-00:00'))).toBe('2026-11-21');
    expect(utcDay('2026-11-20T19:00:00-08:00')).toBe('2026-11-21');
    expect(new Date(deadlineOf('2026-11-27')).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(daysUntil('2026-11-20', new Date('2026-11-21T03:00:00Z'))).toBe(-1);
    expect(daysUntil('2026-11-21', new Date('2026-11-21T23:59:00Z'))).toBe(0);
  });
});
