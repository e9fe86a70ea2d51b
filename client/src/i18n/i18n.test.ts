// Every language has exactly the English keys (react-admin's own and the app's), nothing empty,
// and keeps each message's placeholders, so no screen ever shows a raw key or a broken "%{name}".
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import en from './en.ts';
import es from './es.ts';
import pt from './pt.ts';

function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
const plurals = (s: string) => s.split('||||').length;

const english = leaves(en);

describe.each([['es', es], ['pt', pt]] as const)('%s messages', (_name, messages) => {
  const translated = leaves(messages);

  it('have exactly the English keys', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('translate react-admin\'s own messages too', () => {
    const ra = [...leaves(englishMessages).keys()];
    expect(ra.length).toBeGreaterThan(100);
    for (const key of ra) expect(translated.has(key), key).toBe(true);
    expect(translated.get('ra.action.export')).not.toBe('Export');
  });

  it('keep every placeholder and plural form, and leave nothing empty', () => {
    for (const [key, value] of english) {
      const t = translated.get(key)!;
      expect(t.trim() !== '' || value.trim() === '', key).toBe(true);
      expect(placeholders(t), key).toEqual(placeholders(value));
      expect(plurals(t), key).toBe(plurals(value));
    }
  });
});
