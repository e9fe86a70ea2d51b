// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { DateTimeText } from './DateTimeField.tsx';
import { formatDateTime, utcText } from './formatDateTime.ts';

const clean = (s: string) => s.replace(/\u202f|\u00a0/g, ' ');

describe('dates and times', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('are shown in the user\'s time zone and language, with the year only when it is not this one', () => {
    expect(clean(formatDateTime('2026-11-21T14:15:22.000Z', 'en-US', 'America/Mexico_City', now))).toBe('Nov 21, 8:15 AM');
    expect(clean(formatDateTime('2026-11-21T14:15:22.000Z', 'en-US', 'Asia/Tokyo', now))).toBe('Nov 21, 11:15 PM');
    expect(clean(formatDateTime('2025-04-22T06:00:00.000Z', 'en-US', 'UTC', now))).toBe('Apr 22, 2025, 6:00 AM');
    expect(clean(formatDateTime('2026-11-21T14:15:22.000Z', 'es-ES', 'UTC', now))).toBe('21 nov, 14:15');
  });

  it('show the exact UTC time on hover', async () => {
    renderInAdmin(<DateTimeText value="2026-11-21T14:15:22.000Z" />);
    fireEvent.mouseOver(screen.getByText((_, el) => el?.tagName === 'TIME'));
    expect(await screen.findByText('2026-11-21 14:15:22 UTC')).toBeTruthy();
    expect(utcText('2026-11-21T14:15:22.123Z')).toBe('2026-11-21 14:15:22');
  });

  it('show calendar dates as the same day everywhere', async () => {
    renderInAdmin(<span data-testid="d"><DateTimeText value="2026-11-21" dateOnly /></span>);
    expect(clean((await screen.findByTestId('d')).textContent!)).toBe('Nov 21, 2026');
  });
});
