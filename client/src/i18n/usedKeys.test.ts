// The app's message keys that the screens use and the ones en.ts defines are the same set: a key
// typed wrong in a component (shown raw on screen, since react-admin falls back to the key) or
// a message nobody shows any more fails here. Keys are found as string literals in the client
// and shared code; a template literal `app.x.${…}` counts as using every key under `app.x.`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.ts';

const ROOTS = ['client/src', 'shared'].map((dir) => path.resolve(import.meta.dirname, '../../..', dir));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sources(full);
    // Message files define keys; tests may name keys on purpose (including missing ones).
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && entry.name !== 'messages.ts' ? [full] : [];
  });
}

function leaves(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') return [key];
    return v && typeof v === 'object' ? leaves(v, key) : [];
  });
}

const used = new Set<string>();
const usedPrefixes = new Set<string>();
for (const file of ROOTS.flatMap(sources)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/['"`](app\.[\w.]*\w)['"`]/g)) used.add(m[1]);
  for (const m of text.matchAll(/`(app\.[\w.]*)\$\{/g)) usedPrefixes.add(m[1]);
}
const defined = new Set(leaves(en).filter((key) => key.startsWith('app.')));

describe('the app\u2019s message keys', () => {
  it('are found in the code (the scan works)', () => {
    expect(used.size).toBeGreaterThan(100);
    expect(used).toContain('app.menu.dashboard');
  });

  it('that the code uses are all defined', () => {
    expect([...used].filter((key) => !defined.has(key))).toEqual([]);
  });

  it('that are defined are all used', () => {
    const unused = [...defined].filter((key) => !used.has(key) && ![...usedPrefixes].some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });
});
