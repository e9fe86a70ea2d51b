// @vitest-environment jsdom
// The due-date bug: west of UTC in the evening of the due day, the dispute list said "due today"
// (it counted days in the browser's zone) while the countdown and the server (UTC days) already
// said "overdue" and refused the submit. Every screen now counts UTC days (shared/days.ts); this
// file runs in Los Angeles to prove it.
process.env.TZ = 'America/Los_Angeles';

import { screen } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import { DeadlineCountdown } from './DeadlineCountdown.tsx';
import { DueDate } from './DueDate.tsx';
import { submitReadiness } from './submitReadiness.ts';

const dueOn = (due: string) => (
  <RecordContextProvider value={{ id: 'dp_1', status: 'needs_response', response_due_date: due }}>
    <DueDate />
  </RecordContextProvider>
);

describe('a due date seen from Los Angeles', () => {
  // 19:00 on Nov 20 in Los Angeles = 03:00 on Nov 21 in UTC.
  const now = new Date('2026-11-21T03:00:00Z');
  beforeAll(() => vi.useFakeTimers({ now, toFake: ['Date'] }));
  afterAll(() => vi.useRealTimers());

  it('really runs west of UTC, in the evening of the 20th', () => {
    expect(new Date().getTimezoneOffset()).toBeGreaterThan(0);
    expect(new Date().getDate()).toBe(20);
  });

  it('is overdue on every screen once the UTC due day is over, as the server says', async () => {
    renderInAdmin(dueOn('2026-11-20'));
    expect((await screen.findByTestId('due-date-status')).textContent).toBe('overdue by 1 day');
    renderInAdmin(<DeadlineCountdown dueDate="2026-11-20" now={Date.now()} />);
    expect(screen.getByTestId('deadline-countdown').dataset.overdue).toBe('true');
    const readiness = submitReadiness({ status: 'needs_response', savedResponse: 'x', unsaved: false, attachments: 1, uploading: 0, dueDate: '2026-11-20', now: Date.now() });
    expect(readiness.missing).toEqual(['overdue']);
  });

  it('is due today on the UTC due day, and in days after it', async () => {
    const { unmount } = renderInAdmin(dueOn('2026-11-21'));
    expect((await screen.findByTestId('due-date-status')).textContent).toBe('due today');
    unmount();
    renderInAdmin(dueOn('2026-11-24'));
    expect((await screen.findByTestId('due-date-status')).textContent).toBe('due in 3 days');
  });
});
