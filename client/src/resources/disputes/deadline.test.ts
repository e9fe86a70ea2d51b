import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../../../shared/days.ts';
import { countdown } from './deadline.ts';

const at = (iso: string) => Date.parse(iso);

describe('the dispute response countdown', () => {
  it('runs to the end of the due day in UTC', () => {
    expect(new Date(deadlineOf('2026-11-27')).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(countdown('2026-11-27', at('2026-11-21T12:00:00Z'))).toMatchObject({ overdue: false, urgent: false, days: 6, hours: 12, minutes: 0 });
    expect(countdown('2026-11-27', at('2026-11-27T22:30:00Z'))).toMatchObject({ overdue: false, urgent: true, days: 0, hours: 1, minutes: 30 });
  });

  it('is urgent under 72 hours', () => {
    expect(countdown('2026-11-27', at('2026-11-25T00:00:00Z')).urgent).toBe(false); // exactly 72 h left
    expect(countdown('2026-11-27', at('2026-11-25T00:00:01Z'))).toMatchObject({ urgent: true, days: 2, hours: 23, minutes: 59 });
  });

  it('is overdue once the due day is over, and not before', () => {
    expect(countdown('2026-11-27', at('2026-11-27T23:59:59Z')).overdue).toBe(false);
    expect(countdown('2026-11-27', at('2026-11-28T00:00:00Z'))).toMatchObject({ overdue: true, urgent: true, days: 0, hours: 0 });
    expect(countdown('2026-11-27', at('2026-12-05T10:00:00Z')).overdue).toBe(true);
  });
});
