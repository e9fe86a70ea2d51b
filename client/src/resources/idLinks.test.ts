import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, newId } from '../../../shared/ids.ts';
import { resourceOfId } from './idLinks.ts';

describe('resourceOfId', () => {
  it('finds the pages of an id by the prefix shared/ids.ts gives its kind', () => {
    expect(resourceOfId(newId('payment'))).toBe('payments');
    expect(resourceOfId(newId('merchant'))).toBe('merchants');
    expect(resourceOfId(`${ID_PREFIXES.user}_01KT3FW670SJTBC65ZXRZ1YEJ0`)).toBe('users');
  });

  it('links no kind without pages, and nothing that is not an id', () => {
    expect(resourceOfId(newId('note'))).toBeUndefined();
    expect(resourceOfId('captured')).toBeUndefined();
  });
});
