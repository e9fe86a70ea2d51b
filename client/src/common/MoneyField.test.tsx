// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { MoneyField, MoneyText } from './MoneyField.tsx';

// Intl puts non-breaking spaces between number and symbol in some locales.
const text = (el: HTMLElement) => el.textContent!.replace(/\u00a0|\u202f/g, ' ');

describe('money formatting', () => {
  it('uses each currency\'s exponent: two decimals for USD, none for JPY, three for BHD', async () => {
    renderInAdmin(
      <>
        <span data-testid="usd"><MoneyText amount={1050} currency="USD" /></span>
        <span data-testid="jpy"><MoneyText amount={500} currency="JPY" /></span>
        <span data-testid="bhd"><MoneyText amount={1500} currency="BHD" /></span>
        <span data-testid="big-jpy"><MoneyText amount={1234567} currency="JPY" /></span>
      </>,
    );
    expect(text(await screen.findByTestId('usd'))).toBe('$10.50');
    expect(text(screen.getByTestId('jpy'))).toBe('¥500');
    expect(text(screen.getByTestId('bhd'))).toBe('BHD 1.500');
    expect(text(screen.getByTestId('big-jpy'))).toBe('¥1,234,567');
  });

  it('formats in the language the user picked', async () => {
    renderInAdmin(
      <>
        <span data-testid="usd"><MoneyText amount={123456} currency="USD" /></span>
        <span data-testid="brl"><MoneyText amount={123456} currency="BRL" /></span>
      </>,
      { locale: 'pt' },
    );
    expect(text(await screen.findByTestId('usd'))).toBe('US$ 1.234,56');
    expect(text(screen.getByTestId('brl'))).toBe('R$ 1.234,56');
  });

  it('shows ledger debits as negative and credits with a plus sign', async () => {
    renderInAdmin(
      <>
        <span data-testid="debit"><MoneyText amount={-671} currency="EUR" signed /></span>
        <span data-testid="credit"><MoneyText amount={15553} currency="EUR" signed /></span>
      </>,
    );
    expect(text(await screen.findByTestId('debit'))).toBe('-€6.71');
    expect(text(screen.getByTestId('credit'))).toBe('+€155.53');
  });

  it('reads amount and currency from the record, and shows a dash when there is no amount', async () => {
    renderInAdmin(
      <>
        <RecordContextProvider value={{ id: 'py_1', fee_amount: 42, currency: 'MXN' }}>
          <span data-testid="fee"><MoneyField source="fee_amount" /></span>
        </RecordContextProvider>
        <RecordContextProvider value={{ id: 'py_2', fee_amount: null, currency: 'MXN' }}>
          <span data-testid="none"><MoneyField source="fee_amount" /></span>
        </RecordContextProvider>
      </>,
    );
    expect(text(await screen.findByTestId('fee'))).toBe('MX$0.42');
    expect(text(screen.getByTestId('none'))).toBe('—');
  });
});
