import { describe, expect, it } from 'vitest';
import { decimalSeparator, minorToInput, parseAmountInput } from './refundAmount.ts';

describe('refund amounts typed in major units', () => {
  it('are prefilled from minor units with the currency\'s exponent', () => {
    expect(minorToInput(1250, 'USD')).toBe('12.50');
    expect(minorToInput(5, 'EUR')).toBe('0.05');
    expect(minorToInput(500, 'JPY')).toBe('500');
    expect(minorToInput(1500, 'BHD')).toBe('1.500');
    expect(minorToInput(1250, 'BRL', decimalSeparator('pt-BR'))).toBe('12,50');
    expect(minorToInput(1250, 'EUR', decimalSeparator('es-ES'))).toBe('12,50');
    expect(minorToInput(1250, 'USD', decimalSeparator('en-US'))).toBe('12.50');
  });

  it('are sent in minor units, exactly (no floating point)', () => {
    expect(parseAmountInput('12.50', 'USD', 10_000)).toEqual({ ok: true, minor: 1250 });
    expect(parseAmountInput('12.5', 'USD', 10_000)).toEqual({ ok: true, minor: 1250 });
    expect(parseAmountInput('0.29', 'USD', 10_000)).toEqual({ ok: true, minor: 29 }); // 0.29 * 100 = 28.999… in floats
    expect(parseAmountInput('12,50', 'BRL', 10_000)).toEqual({ ok: true, minor: 1250 }); // as Spanish and Portuguese write it
    expect(parseAmountInput(' 7 ', 'USD', 10_000)).toEqual({ ok: true, minor: 700 });
    expect(parseAmountInput('.5', 'USD', 10_000)).toEqual({ ok: true, minor: 50 });
    expect(parseAmountInput('500', 'JPY', 10_000)).toEqual({ ok: true, minor: 500 });
    expect(parseAmountInput('1.25', 'BHD', 10_000)).toEqual({ ok: true, minor: 1250 });
    expect(parseAmountInput('12.00', 'JPY', 10_000)).toEqual({ ok: true, minor: 12 }); // trailing zeros are not decimals
  });

  it('refuse what cannot be a refund, saying why', () => {
    const problem = (text: string, currency = 'USD', max = 1500) => {
      const r = parseAmountInput(text, currency, max);
      return r.ok ? null : r.problem;
    };
    expect(problem('')).toBe('required');
    expect(problem('   ')).toBe('required');
    expect(problem('abc')).toBe('invalid');
    expect(problem('1,000.00')).toBe('invalid');
    expect(problem('-5')).toBe('invalid');
    expect(problem('.')).toBe('invalid');
    expect(problem('1e3')).toBe('invalid');
    expect(problem('12.345')).toBe('decimals');
    expect(problem('12.5', 'JPY', 10_000)).toBe('decimals');
    expect(problem('0')).toBe('positive');
    expect(problem('0.00')).toBe('positive');
    expect(problem('15.01')).toBe('too_much');
    expect(problem('15.00')).toBeNull();
    expect(problem('99999999999999999999')).toBe('invalid');
  });
});
