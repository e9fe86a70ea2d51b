// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as enums from '../../../shared/enums.ts';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import en from '../i18n/en.ts';
import { STATUS_TONE, StatusChip, toneOf } from './StatusChip.tsx';

const STATUS_ENUMS = [
  enums.MERCHANT_STATUSES, enums.INTENT_STATUSES, enums.PAYMENT_STATUSES, enums.SETTLEMENT_STATUSES,
  enums.REFUND_STATUSES, enums.DISPUTE_STATUSES, enums.PAYOUT_STATUSES,
];

describe('status chips', () => {
  it('give every status of every resource a colour and a label', () => {
    for (const values of STATUS_ENUMS) {
      for (const status of values) {
        expect(STATUS_TONE[status], status).toBeDefined();
        expect(en.app.enums.status[status as keyof typeof en.app.enums.status], status).toBeTruthy();
      }
    }
  });

  it('use one colour per meaning across resources', () => {
    // Done as intended
    for (const s of ['captured', 'succeeded', 'won', 'paid', 'settled', 'active']) expect(toneOf(s), s).toBe('success');
    // Waiting on someone here
    for (const s of ['pending', 'needs_response', 'pending_second_approval', 'uncaptured']) expect(toneOf(s), s).toBe('warning');
    // Failed or refused
    for (const s of ['failed', 'declined', 'lost', 'suspended']) expect(toneOf(s), s).toBe('error');
    // Ended, no money moved
    for (const s of ['cancelled', 'voided', 'closed']) expect(toneOf(s), s).toBe('neutral');
  });

  it('render the status in the user\'s language, with its tone', async () => {
    renderInAdmin(
      <>
        <StatusChip status="needs_response" />
        <StatusChip status="captured" />
      </>,
      { locale: 'es' },
    );
    const chip = await screen.findByText('Requiere respuesta');
    expect(chip.closest('[data-tone]')?.getAttribute('data-tone')).toBe('warning');
    expect(screen.getByText('Capturado').closest('[data-tone]')?.getAttribute('data-tone')).toBe('success');
  });

  it('render nothing without a status, and an unknown status as itself in grey', async () => {
    const { container } = renderInAdmin(<StatusChip status={null} />);
    expect(container.querySelector('[data-tone]')).toBeNull();
    renderInAdmin(<StatusChip status="mystery" />);
    expect((await screen.findByText('mystery')).closest('[data-tone]')?.getAttribute('data-tone')).toBe('neutral');
  });
});
