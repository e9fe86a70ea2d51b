// The first download stays small (docs/scaling.md, "Targets": initial JavaScript ≤ 350 kB gzip); screens,
// translations and charts load when first used.
import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_KB, measureBundle } from '../cli/bundleSize.ts';
import { DIST } from './support/app.ts';

describe('the built SPA', () => {
  it(`loads at most ${INITIAL_JS_BUDGET_KB} kB of gzipped JavaScript up front`, () => {
    const report = measureBundle(DIST);
    expect(report.initial.length).toBeGreaterThan(0);
    expect(report.initialGzip).toBeLessThanOrEqual(INITIAL_JS_BUDGET_KB * 1000);
  });

  it('loads list and detail views and the other languages on demand', () => {
    const report = measureBundle(DIST);
    const lazy = report.lazy.map((c) => c.file).join(' ');
    for (const chunk of ['PaymentList', 'PaymentShow', 'DisputeShow', 'es-', 'pt-']) expect(lazy).toContain(chunk);
    const initial = report.initial.map((c) => c.file).join(' ');
    expect(initial).not.toMatch(/PaymentList|PaymentShow/);
  });
});
