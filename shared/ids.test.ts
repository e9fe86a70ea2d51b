import { describe, expect, it } from 'vitest';
import { ID_PATTERN, newId, normalizeId } from './ids.ts';

describe('ids', () => {
  it('have the type prefix and a 26-character time-ordered suffix', () => {
    const id = newId('payment', Date.UTC(2026, 10, 21));
    expect(id).toMatch(ID_PATTERN);
    expect(id.startsWith('py_')).toBe(true);
  });

  it('sort in creation order, also within one millisecond and when the clock steps back', () => {
    const ids = [newId('note', 5_000_000), newId('note', 5_000_000), newId('note', 5_000_000), newId('note', 4_000_000), newId('note', 6_000_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are deterministic from a seeded generator', () => {
    const rng = () => 0.5;
    expect(newId('merchant', 1000, rng)).toBe(newId('merchant', 1000, rng));
  });

  it('normalise ids typed in any case, and nothing else', () => {
    const id = newId('intent');
    expect(normalizeId(id.toLowerCase())).toBe(id);
    expect(normalizeId(`  ${id} `)).toBe(id);
    expect(normalizeId('4242')).toBeNull();
    expect(normalizeId('ana@example.com')).toBeNull();
  });
});
