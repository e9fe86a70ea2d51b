// @vitest-environment jsdom
// The merchant picker's buttons are labelled in the user's language, not MUI's English.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInAdmin } from '../test/renderInAdmin.tsx';
import { MerchantPicker } from './MerchantPicker.tsx';

// Typed loosely: getList is generic over the record type.
const dataProvider = { getList: (async () => ({ data: [{ id: 'mer_1', name: 'Blue Harbor' }], total: 1 })) as never };

describe('MerchantPicker', () => {
  it.each([['en', 'Open'], ['es', 'Abrir'], ['pt', 'Abrir']])('labels its open button in %s', async (locale, open) => {
    renderInAdmin(<MerchantPicker value={{ id: 'mer_1', name: 'Blue Harbor' }} onChange={() => undefined} />, { locale, dataProvider });
    expect(await screen.findByRole('button', { name: open })).toBeTruthy();
  });
});
