// The "Browser" section of bench/results.md, from the `browser` key of bench/results.json
// (written by `npm run bench:browser`, bench/measureBrowser.ts).
import { BROWSER_TARGETS, type BrowserResult, type RequestSeen } from './measureBrowser.ts';

export interface BrowserRun extends BrowserResult {
  payments: number;
  measuredAt: string;
  machine: string;
  loadAverage: number[];
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '—');
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const requestList = (seen: RequestSeen[]) => seen.map((r) => `  - +${Math.round(r.startMs)} ms \`${r.url.replace(/`/g, "'")}\``);

export function browserSection(run: BrowserRun | undefined): string[] {
  const head = ['## Browser', ''];
  if (!run) return [...head, 'Not measured yet: `npm run bench:browser`.', ''];
  const t = BROWSER_TARGETS;
  const worstMenu = Math.max(...run.menu.map((m) => m.clickToRows.p95));
  const mostExtra = Math.max(...run.menu.map((m) => m.extraRequests));
  const worstDeep = Math.max(...run.deepLink.map((d) => d.navigationToRows.p95));
  return [
    ...head,
    `Chromium (playwright-core) against the production build served by \`server/main.ts\` on the demo seed (${run.payments.toLocaleString('en-US')} payments, SQLite),`,
    `${run.repetitions} repetitions; measured ${run.measuredAt} on ${run.machine}; load average at start ${run.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.`,
    'Times are the page\u2019s own clock: from the click\u2019s event time (or navigation start) to the first moment a',
    'MutationObserver sees data rows (or the charts\u2019 bars) in the document. The machine is shared: read the request counts',
    'and the start of the list request beside the times, they do not depend on the load.',
    '',
    '| target | measured | |',
    '|---|---:|:-:|',
    `| warm menu click → rows, p95 (worst resource) ≤ ${t.menuClickP95Ms} ms | ${ms(worstMenu)} | ${mark(worstMenu <= t.menuClickP95Ms)} |`,
    `| sign-in → dashboard with charts, p95 ≤ ${t.signInMs} ms | ${ms(run.signIn.p95)} | ${mark(run.signIn.p95 <= t.signInMs)} |`,
    `| cold deep link → rows, p95 (worst list) ≤ ${t.deepLinkMs} ms | ${ms(worstDeep)} | ${mark(worstDeep <= t.deepLinkMs)} |`,
    `| API requests per list render besides its page ≤ ${t.extraRequests} (most of any list) | ${mostExtra} | ${mark(mostExtra <= t.extraRequests)} |`,
    '',
    '| list | warm click → rows p50 | p95 | list request starts after the click (p50) | other requests per render | first click of the session | chunks it loaded |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...run.menu.map((m) =>
      `| ${m.resource} | ${ms(m.clickToRows.p50)} | ${ms(m.clickToRows.p95)} | ${ms(m.listRequestStartMs)} | ${m.extraRequests} | ${ms(m.firstClickMs)} | ${m.firstClickChunks.length} |`),
    '',
    ...run.menu.filter((m) => m.extraRequests > 0).flatMap((m) => [`- ${m.resource}, other requests of one render:`, ...m.extraRequestUrls.map((u) => `  - \`${u.replace(/`/g, "'")}\``)]),
    '',
    '| cold deep link | p50 | p95 |',
    '|---|---:|---:|',
    ...run.deepLink.map((d) => `| /${d.resource} | ${ms(d.navigationToRows.p50)} | ${ms(d.navigationToRows.p95)} |`),
    '',
    `Sign-in (operator) → charts: p50 ${ms(run.signIn.p50)}, p95 ${ms(run.signIn.p95)}.`,
    '',
    ...run.deepLink.flatMap((d) => [`Requests of a cold deep link to /${d.resource} (from navigation start):`, '', ...requestList(d.requests), '']),
    'Requests after the sign-in click:',
    '',
    ...requestList(run.signIn.requests),
    '',
  ];
}
