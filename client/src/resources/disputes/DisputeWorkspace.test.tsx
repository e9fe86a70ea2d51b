// @vitest-environment jsdom
// The dispute workspace: the countdown to the end of the due day (UTC), red under 72 hours and
// "Overdue" after; and Submit, which stays disabled — saying what is missing — until the
// response is saved and evidence attached, the rules the server applies.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import { DeadlineCountdown } from './DeadlineCountdown.tsx';
import { DisputeActions } from './DisputeActions.tsx';
import { DisputeWorkProvider } from './DisputeWork.tsx';
import { ReadinessChecklist } from './ReadinessChecklist.tsx';
import { ResponseEditor } from './ResponseEditor.tsx';

const NOW = new Date('2026-11-21T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('the deadline countdown', () => {
  it('shows days and hours left to the end of the due day, UTC', async () => {
    renderInAdmin(<DeadlineCountdown dueDate="2026-11-27" now={NOW.getTime()} />);
    const shown = await screen.findByTestId('deadline-countdown');
    expect(shown.textContent).toBe('6 d 12 h left');
    expect(shown.dataset.urgent).toBe('false');
  });

  it('turns red under 72 hours, and counts hours and minutes on the last day', async () => {
    renderInAdmin(<DeadlineCountdown dueDate="2026-11-21" now={NOW.getTime()} />);
    const shown = await screen.findByTestId('deadline-countdown');
    expect(shown.textContent).toBe('12 h 0 min left');
    expect(shown.dataset.urgent).toBe('true');
    expect(getComputedStyle(shown).color).not.toBe(getComputedStyle(document.body).color);
  });

  it('says overdue once the due day is over, in the user\'s language', async () => {
    renderInAdmin(<DeadlineCountdown dueDate="2026-11-20" now={NOW.getTime()} />, { locale: 'es' });
    const shown = await screen.findByTestId('deadline-countdown');
    expect(shown.textContent).toBe('Vencida');
    expect(shown.dataset.overdue).toBe('true');
  });
});

const dispute = {
  id: 'dp_1', status: 'needs_response', amount: 1265, currency: 'BRL', response_due_date: '2026-11-27',
  response_text: null as string | null, assignee_id: null,
};
const attachment = {
  id: 'dpa_1', dispute_id: 'dp_1', filename: 'receipt.png', content_type: 'image/png', size: 2048, sha256: 'x',
  uploaded_by: 'usr_support', created_at: '2026-11-21T11:00:00.000Z',
};

function workspace(record: typeof dispute, attachments: unknown[], role: 'support' | 'operator' = 'support') {
  const update = vi.fn(async (_resource: string, params: { data: Record<string, unknown> }) => ({ data: { ...record, ...params.data } }));
  const { accessAnswered } = renderInAdmin(
    <RecordContextProvider value={record}>
      <DisputeWorkProvider>
        <DisputeActions />
        <ReadinessChecklist />
        <ResponseEditor />
      </DisputeWorkProvider>
    </RecordContextProvider>,
    {
      role,
      dataProvider: {
        disputeAttachments: async () => attachments,
        update,
        getOne: async () => ({ data: record }),
      },
    },
  );
  return { update, accessAnswered };
}

const submitButton = () => screen.getByTestId('submit-response') as HTMLButtonElement;
const checklist = () => [...screen.getByTestId('submit-checklist').querySelectorAll('li')].map((li) => `${li.dataset.done === 'true' ? '✓' : '✗'} ${li.textContent}`);

describe('submitting a dispute response', () => {
  it('is disabled until there is a response and evidence, and says what is missing', async () => {
    workspace(dispute, []);
    await screen.findByTestId('submit-response');
    await waitFor(() => expect(checklist()).toEqual([
      '✗ Write the response', '✗ Attach at least one piece of evidence', '✓ Within the deadline',
    ]));
    expect(submitButton().disabled).toBe(true);
    fireEvent.mouseOver(submitButton().parentElement!);
    const tip = await screen.findByRole('tooltip');
    expect(tip.textContent).toContain('Write the response');
    expect(tip.textContent).toContain('Attach at least one piece of evidence');
  });

  it('asks to save an edited response first', async () => {
    const { update } = workspace({ ...dispute, response_text: 'Delivered and signed for.' }, [attachment]);
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    fireEvent.change(screen.getByTestId('response-text'), { target: { value: 'Delivered and signed for on 3 Nov.' } });
    expect(submitButton().disabled).toBe(true);
    expect(checklist()[0]).toBe('✗ Save the response (it has unsaved changes)');
    fireEvent.click(screen.getByRole('button', { name: 'Save response' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0][0]).toBe('disputes');
    expect(update.mock.calls[0][1]).toMatchObject({ id: 'dp_1', data: { response_text: 'Delivered and signed for on 3 Nov.' } });
  });

  it('is enabled with a saved response and one attachment', async () => {
    workspace({ ...dispute, response_text: 'Delivered and signed for.' }, [attachment]);
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    expect(checklist().every((line) => line.startsWith('✓'))).toBe(true);
  });

  it('is disabled once the due day is over (the server would refuse it)', async () => {
    workspace({ ...dispute, response_text: 'Delivered and signed for.', response_due_date: '2026-11-20' }, [attachment]);
    await waitFor(() => expect(checklist()).toEqual([
      '✓ Response written and saved', '✓ Evidence attached', '✗ The response is overdue: the deadline has passed',
    ]));
    expect(submitButton().disabled).toBe(true);
  });

  it('is not offered to operators, who read the response only', async () => {
    const { accessAnswered } = workspace({ ...dispute, response_text: 'Delivered and signed for.' }, [attachment], 'operator');
    expect(await screen.findByText('Delivered and signed for.')).toBeTruthy();
    await accessAnswered('disputes', 'submit');
    await accessAnswered('disputes', 'edit');
    expect(screen.queryByTestId('submit-response')).toBeNull();
    expect(screen.queryByTestId('response-text')).toBeNull();
  });
});
