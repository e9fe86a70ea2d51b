// @vitest-environment jsdom
// The processor's events for admins: a failed one says why, shows its payload as received and
// offers Retry (which calls the retry route); an applied one offers
// nothing; the list filters by status; the processor reads as "Processor" where it is an actor.
import { fireEvent, screen } from '@testing-library/react';
import { RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { PROCESSOR_ACTOR } from '../../../../shared/auditActions.ts';
import { PROCESSOR_EVENT_STATUSES } from '../../../../shared/enums.ts';
import { UserField } from '../../common/RecordLinks.tsx';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import EventShow from './EventShow.tsx';
import { eventFilters } from './eventFilters.tsx';

const FAILED = {
  id: 'evt_01KSJ6VX6SGV9SRWTBAD061796', type: 'merchant.created', object_id: 'mer_1', status: 'failed', waiting_for: null,
  error: 'Unknown plan "plan_x": create the plan, then retry this event', received_at: '2026-11-21T14:15:22.000Z', applied_at: null, attempts: 1,
  payload: { id: 'evt_01KSJ6VX6SGV9SRWTBAD061796', type: 'merchant.created', data: { id: 'mer_1', plan_id: 'plan_x' } },
};

function renderEvent(event: Record<string, unknown>, retryEvent = vi.fn()) {
  renderInAdmin(
    <ResourceContextProvider value="events">
      <Routes><Route path="/events/:id/show" element={<EventShow />} /></Routes>
    </ResourceContextProvider>,
    { dataProvider: { getOne: async () => ({ data: event }), retryEvent }, path: `/events/${event.id}/show` },
  );
  return retryEvent;
}

describe('the processor events', () => {
  it('shows why a failed event failed, its payload as received, and retries it', async () => {
    const retry = renderEvent(FAILED, vi.fn(async () => ({ ...FAILED, status: 'applied', error: null })));
    expect(await screen.findByText(/Unknown plan "plan_x"/)).toBeTruthy();
    expect(screen.getByTestId('event-payload').textContent).toContain('"plan_id": "plan_x"');
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(retry).toHaveBeenCalledWith(FAILED.id));
  });

  it('says what a parked event waits for, and offers Retry', async () => {
    renderEvent({ ...FAILED, status: 'parked', error: null, waiting_for: 'pi_123' });
    expect(await screen.findByText(/waits for pi_123/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('offers no retry on an applied event', async () => {
    renderEvent({ ...FAILED, status: 'applied', error: null, applied_at: '2026-11-21T14:15:23.000Z' });
    expect(await screen.findByTestId('event-payload')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('filters the list by every status an event can have', () => {
    const status = eventFilters.find((f) => f.props.source === 'status')!;
    expect(status.props.alwaysOn).toBe(true);
    expect(status.props.choices.map((c: { id: string }) => c.id)).toEqual([...PROCESSOR_EVENT_STATUSES]);
  });

  it('names the processor where it is the actor of an audit entry', async () => {
    renderInAdmin(<RecordContextProvider value={{ id: 'aud_1', actor_id: PROCESSOR_ACTOR }}><UserField source="actor_id" /></RecordContextProvider>);
    expect(await screen.findByText('Processor')).toBeTruthy();
  });
});
