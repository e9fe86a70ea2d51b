// Measures the built SPA (run `vite build` first): the initial JavaScript, i.e. the entry
// chunk plus every script index.html loads or modulepreloads, gzip-compressed, against the
// 350 kB budget of docs/scaling.md, and the chunks loaded later on demand. Writes bench/bundle.md.
//   npx tsx cli/bundleSize.ts [--dist dist] [--out bench/bundle.md] [--check]
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cliArgs } from './args.ts';

export const INITIAL_JS_BUDGET_KB = 350;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  initial: ChunkSize[];
  lazy: ChunkSize[];
  initialGzip: number;
  initialBytes: number;
  lazyGzip: number;
}

const kb = (n: number) => (n / 1000).toFixed(1);

function size(dist: string, file: string): ChunkSize {
  const content = fs.readFileSync(path.join(dist, file));
  return { file, bytes: content.length, gzip: gzipSync(content).length };
}

/** The scripts index.html loads at once: module scripts and modulepreload links. */
export function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+\.js)"[^>]*\brel="modulepreload"/g)) files.add(m[1]);
  return [...files].map((f) => f.replace(/^\//, ''));
}

export function measureBundle(dist = 'dist'): BundleReport {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initialFiles = initialScripts(html);
  if (initialFiles.length === 0) throw new Error(`No scripts found in ${dist}/index.html`);
  const initial = initialFiles.map((f) => size(dist, f));
  const assets = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const lazy = assets.filter((f) => !initialFiles.includes(f)).map((f) => size(dist, f)).sort((a, b) => b.gzip - a.gzip);
  const sum = (xs: ChunkSize[], k: 'bytes' | 'gzip') => xs.reduce((s, x) => s + x[k], 0);
  return {
    initial: initial.sort((a, b) => b.gzip - a.gzip),
    lazy,
    initialGzip: sum(initial, 'gzip'),
    initialBytes: sum(initial, 'bytes'),
    lazyGzip: sum(lazy, 'gzip'),
  };
}

export function bundleMarkdown(r: BundleReport, at = new Date()): string {
  const within = r.initialGzip <= INITIAL_JS_BUDGET_KB * 1000;
  const row = (c: ChunkSize) => `| \`${c.file}\` | ${kb(c.bytes)} | ${kb(c.gzip)} |`;
  return [
    '## SPA bundle size',
    '',
    `Measured ${at.toISOString().slice(0, 10)} by \`npx tsx cli/bundleSize.ts\` on \`vite build\` output. ` +
      'Initial JavaScript = the entry chunk plus every script `index.html` loads or modulepreloads, gzip-compressed.',
    '',
    `**Initial JavaScript: ${kb(r.initialGzip)} kB gzip** (${kb(r.initialBytes)} kB raw) — budget ${INITIAL_JS_BUDGET_KB} kB: ${within ? 'within' : 'OVER'}.`,
    `Loaded on demand: ${r.lazy.length} chunks, ${kb(r.lazyGzip)} kB gzip in all (list and detail views, translations, charts).`,
    '',
    '| initial chunk | raw kB | gzip kB |',
    '|---|---:|---:|',
    ...r.initial.map(row),
    '',
    '| largest on-demand chunks | raw kB | gzip kB |',
    '|---|---:|---:|',
    ...r.lazy.slice(0, 10).map(row),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = cliArgs({ dist: 'string', out: 'string', check: 'boolean' });
  const dist = String(args.dist ?? 'dist');
  const out = String(args.out ?? 'bench/bundle.md');
  const report = measureBundle(dist);
  const md = bundleMarkdown(report);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, md);
  console.log(md);
  if (args.check && report.initialGzip > INITIAL_JS_BUDGET_KB * 1000) {
    console.error(`Initial JavaScript ${kb(report.initialGzip)} kB gzip is over the ${INITIAL_JS_BUDGET_KB} kB budget`);
    process.exit(1);
  }
}
