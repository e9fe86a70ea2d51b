// How long is left to answer a dispute. The response is due by the end of response_due_date in
// UTC — the server refuses a submit once that UTC day is over — so the countdown runs to that
// instant, whatever the user's time zone. Under 72 hours it is urgent; past it, overdue.
import { DAY_MS as DAY, deadlineOf } from '../../../../shared/days.ts';

const HOUR = 3_600_000;
export const URGENT_MS = 72 * HOUR;

export interface Countdown {
  overdue: boolean;
  urgent: boolean;
  msLeft: number;
  days: number;
  hours: number;
  minutes: number;
}

export function countdown(dueDate: string, now: number): Countdown {
  const msLeft = deadlineOf(dueDate) - now;
  if (msLeft <= 0) return { overdue: true, urgent: true, msLeft, days: 0, hours: 0, minutes: 0 };
  return {
    overdue: false,
    urgent: msLeft < URGENT_MS,
    msLeft,
    days: Math.floor(msLeft / DAY),
    hours: Math.floor((msLeft % DAY) / HOUR),
    minutes: Math.floor((msLeft % HOUR) / 60_000),
  };
}
