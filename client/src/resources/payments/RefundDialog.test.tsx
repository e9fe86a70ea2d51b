// @vitest-environment jsdom
// The refund dialog: the amount typed in major units becomes minor units with the currency's
// exponent, invalid amounts never reach the server, and one Idempotency-Key per opening is
// reused for retries, so a lost answer or a double click cannot refund twice.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider, type RaRecord } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { ActionError, type RefundInput } from '../../actionMethods.ts';
import { renderInAdmin } from '../../test/renderInAdmin.tsx';
import { PaymentActions } from './PaymentActions.tsx';
import { RefundDialog } from './RefundDialog.tsx';

const usd = { id: 'py_1', status: 'captured', amount: 2000, amount_refunded: 500, fee_amount: 88, currency: 'USD' };
const jpy = { id: 'py_2', status: 'captured', amount: 5000, amount_refunded: 0, fee_amount: 150, currency: 'JPY' };

type RefundCall = [RefundInput, string];

function setup(payment: Record<string, unknown>, refund: (input: RefundInput, key: string) => Promise<unknown>, locale = 'en') {
  const spy = vi.fn(refund);
  const onClose = vi.fn();
  renderInAdmin(<RefundDialog payment={payment as RaRecord} onClose={onClose} />, { role: 'operator', dataProvider: { refund: spy }, locale });
  const amount = screen.getByTestId('refund-amount') as HTMLInputElement;
  const chooseReason = async (label: string) => {
    fireEvent.mouseDown(screen.getByTestId('refund-reason'));
    fireEvent.click(await screen.findByRole('option', { name: label }));
  };
  const confirm = () => screen.getByRole('button', { name: /^(Refund|Retry)/ });
  return { spy, onClose, amount, chooseReason, confirm, calls: () => spy.mock.calls as RefundCall[] };
}

describe('the refund dialog', () => {
  it('is prefilled with what remains, in major units, and sends minor units', async () => {
    const { spy, amount, chooseReason, confirm, onClose, calls } = setup(usd, async (input) => ({ ...input, id: 're_1' }));
    expect(amount.value).toBe('15.00');
    expect(screen.getByTestId('refund-remaining').textContent).toBe('$15.00');
    fireEvent.change(amount, { target: { value: '12.5' } });
    await chooseReason('Requested by customer');
    expect(confirm().textContent).toBe('Refund $12.50');
    fireEvent.click(confirm());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(spy).toHaveBeenCalledTimes(1);
    expect(calls()[0][0]).toEqual({ payment_id: 'py_1', amount: 1250, reason: 'requested_by_customer', note: null });
  });

  it('writes decimals as the user\'s language does', async () => {
    const { spy, amount, chooseReason, onClose } = setup(usd, async (input) => ({ ...input, id: 're_es' }), 'es');
    expect(amount.value).toBe('15,00');
    fireEvent.change(amount, { target: { value: '12,5' } });
    await chooseReason('Duplicado');
    fireEvent.click(screen.getByRole('button', { name: /^Reembolsar/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(spy.mock.calls[0][0].amount).toBe(1250);
  });

  it('uses the currency\'s exponent: yen have no decimals', async () => {
    const { spy, amount, chooseReason, confirm } = setup(jpy, async (input) => ({ ...input, id: 're_2' }));
    expect(amount.value).toBe('5000');
    fireEvent.change(amount, { target: { value: '12.5' } });
    expect(await screen.findByText('Too many decimals for JPY')).toBeTruthy();
    await chooseReason('Duplicate');
    fireEvent.click(confirm());
    expect(spy).not.toHaveBeenCalled();
    fireEvent.change(amount, { target: { value: '1200' } });
    fireEvent.click(confirm());
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    expect(spy.mock.calls[0][0].amount).toBe(1200);
  });

  it('refuses more than remains, zero, and a missing reason before asking the server', async () => {
    const { spy, amount, chooseReason, confirm } = setup(usd, async (input) => ({ ...input, id: 're_3' }));
    fireEvent.change(amount, { target: { value: '15.01' } });
    expect(await screen.findByText('At most $15.00 can be refunded')).toBeTruthy();
    fireEvent.click(confirm());
    fireEvent.change(amount, { target: { value: '0' } });
    expect(await screen.findByText('The amount must be greater than zero')).toBeTruthy();
    fireEvent.change(amount, { target: { value: '10' } });
    fireEvent.click(confirm());
    expect(await screen.findByText('Choose a reason')).toBeTruthy();
    expect(spy).not.toHaveBeenCalled();
    await chooseReason('Other');
    fireEvent.click(confirm());
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
  });

  it('sends one request for a double click', async () => {
    let answer!: (v: unknown) => void;
    const { spy, chooseReason, confirm, onClose } = setup(usd, () => new Promise((resolve) => { answer = resolve; }));
    await chooseReason('Duplicate');
    fireEvent.click(confirm());
    fireEvent.click(confirm());
    await waitFor(() => expect(spy).toHaveBeenCalled()); // the mutation starts on a later tick
    fireEvent.click(confirm());
    answer({ id: 're_4', amount: 1500 });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('retries a request whose answer was lost with the same key and body, the form locked meanwhile', async () => {
    let attempt = 0;
    const { amount, chooseReason, confirm, onClose, calls } = setup(usd, async (input) => {
      attempt += 1;
      if (attempt === 1) throw new TypeError('Failed to fetch');
      return { ...input, id: 're_5' };
    });
    fireEvent.change(amount, { target: { value: '10' } });
    await chooseReason('Duplicate');
    fireEvent.click(confirm());
    const alert = await screen.findByTestId('action-error');
    expect(alert.textContent).toContain('cannot tell whether this went through');
    expect(amount.disabled).toBe(true); // the request is pinned until its outcome is known
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls()).toHaveLength(2);
    expect(calls()[1]).toEqual(calls()[0]);
    expect(calls()[0][0].amount).toBe(1000);
  });

  it('shows the server\'s refusal as it is, and tries a corrected amount as a new request', async () => {
    const refusal = 'Another refund changed this payment meanwhile; $5.00 remains refundable';
    const { amount, chooseReason, confirm, onClose, calls } = setup(usd, async (input) => {
      if (input.amount > 500) throw new ActionError(refusal, 409, { message: refusal }, false);
      return { ...input, id: 're_6' };
    });
    await chooseReason('Fraudulent');
    fireEvent.click(confirm());
    expect(within(await screen.findByTestId('action-error')).getByText(refusal)).toBeTruthy();
    fireEvent.change(amount, { target: { value: '5' } });
    fireEvent.click(confirm());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls().map(([input]) => input.amount)).toEqual([1500, 500]);
    expect(calls()[1][1]).not.toBe(calls()[0][1]);
  });
});

describe('the refund button', () => {
  const show = (role: 'operator' | 'support' | 'admin', payment: Record<string, unknown>) =>
    renderInAdmin(<RecordContextProvider value={payment}><PaymentActions /></RecordContextProvider>, { role });

  it('is offered to operators and admins on a captured payment with something left to refund', async () => {
    show('operator', usd);
    expect(await screen.findByRole('button', { name: 'Refund' })).toBeTruthy();
  });

  it('is hidden from support, and on payments with nothing left to refund', async () => {
    const views = [show('support', usd), show('admin', { ...usd, amount_refunded: 2000 }), show('admin', { ...usd, status: 'failed' })];
    for (const view of views) await view.accessAnswered('payments', 'refund');
    expect(screen.queryByRole('button', { name: 'Refund' })).toBeNull();
  });
});

describe('a disputed payment', () => {
  const disputed = { ...usd, amount_charged_back: 1200 }; // 2000 captured, 500 refunded, 1200 disputed

  it('offers only what neither a refund nor a dispute took, and says why', async () => {
    const { amount } = setup(disputed, async (input) => ({ ...input, id: 're_d' }));
    expect(amount.value).toBe('3.00');
    expect(screen.getByTestId('refund-remaining').textContent).toBe('$3.00');
    expect(screen.getByTestId('refund-disputed').textContent).toBe('$12.00');
    expect(screen.getByText(/goes back to the cardholder through the dispute/)).toBeTruthy();
    fireEvent.change(amount, { target: { value: '3.01' } });
    expect(await screen.findByText('At most $3.00 can be refunded')).toBeTruthy();
  });

  it('keeps the refund button, disabled with the reason, when disputes took all that was left', async () => {
    renderInAdmin(
      <RecordContextProvider value={{ ...usd, amount_charged_back: 1500 }}><PaymentActions /></RecordContextProvider>,
      { role: 'operator' },
    );
    const holder = await screen.findByTestId('refund-disputed-blocked');
    const button = within(holder).getByRole('button', { name: 'Refund' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.mouseOver(holder);
    expect(await screen.findByRole('tooltip')).toHaveProperty('textContent', expect.stringMatching(/can be refunded only if the merchant wins/));
  });
});
