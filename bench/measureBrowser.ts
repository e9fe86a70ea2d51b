// The speed a user feels, measured in Chromium (playwright-core) against the production server
// (server/main.ts serving the vite build) on the demo seed: (a) a warm menu click until the
// list's first rows are on screen, per resource; (b) sign-in until the dashboard's charts are
// drawn; (c) a deep link to a list opened cold (new browser context, only the session cookie)
// until rows show; (d) the API requests a list render makes besides its page. Timings are the
// page's own clock (bench/browserProbe.ts). Besides them it records what does not depend on how
// loaded the machine is: requests per render, when the list request starts after the click,
// and which script chunks a screen waits for.
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { percentile } from './httpClient.ts';
import type { Latency } from './measureEngine.ts';
import { PROBE_SCRIPT, type ProbeMarks } from './browserProbe.ts';

export const BROWSER_TARGETS = { menuClickP95Ms: 200, signInMs: 1500, deepLinkMs: 1200, extraRequests: 1 };

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PASSWORD = 'backoffice-demo';
/** Quiet time after the rows show before a render's requests are counted as complete. */
const SETTLE_MS = 400;

export interface RequestSeen {
  /** Path and decoded query, e.g. `/api/merchants?filter={"id":[…]}`. */
  url: string;
  /** ms after the click (or navigation start) the request started. */
  startMs: number;
}

export interface MenuResult {
  resource: string;
  /** click → first data row, warm (every screen opened once before). */
  clickToRows: Latency & { samples: number };
  /** click → the list request's start (ms, p50 of the warm clicks). */
  listRequestStartMs: number;
  /** API requests of one render besides the list page itself (the largest of the warm renders). */
  extraRequests: number;
  extraRequestUrls: string[];
  /** The first (cold in the session) click: ms to rows and the chunks it fetched. */
  firstClickMs: number;
  firstClickChunks: RequestSeen[];
}

export interface BrowserResult {
  repetitions: number;
  menu: MenuResult[];
  signIn: Latency & { samples: number; requests: RequestSeen[] };
  deepLink: Array<{ resource: string; navigationToRows: Latency & { samples: number }; requests: RequestSeen[] }>;
}

export interface BrowserOptions {
  base: URL;
  repetitions: number;
  /** The admin's current sign-in code (admins sign in with two factors; each code works once). */
  adminCode: () => string;
  resources: readonly string[];
  deepLinks: readonly string[];
  log: (line: string) => void;
}

const latency = (ms: number[]) => ({ p50: percentile(ms, 50), p95: percentile(ms, 95), samples: ms.length });
const r1 = (n: number) => Math.round(n * 10) / 10;

function readableUrl(raw: string): string {
  const u = new URL(raw);
  return decodeURIComponent(u.pathname + u.search);
}

async function newContext(browser: Browser, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', storageState });
  await context.addInitScript({ content: PROBE_SCRIPT });
  return context;
}

/** API requests (and script chunks) the page starts, with their start time on the page's clock. */
function recordRequests(page: Page) {
  let seen: Array<{ request: Request; at: number }> = [];
  page.on('request', (request) => seen.push({ request, at: Date.now() }));
  return {
    reset: () => { seen = []; },
    api: () => seen.filter((s) => new URL(s.request.url()).pathname.startsWith('/api/')).map((s) => s.request),
    /** Waits until no request has started for SETTLE_MS. */
    settle: async () => {
      for (;;) {
        const last = seen.at(-1)?.at ?? 0;
        const quietFor = Date.now() - last;
        if (quietFor >= SETTLE_MS) return;
        await new Promise((r) => setTimeout(r, SETTLE_MS - quietFor));
      }
    },
  };
}

const marks = (page: Page) => page.evaluate(() => (window as unknown as { __kbo: { marks: ProbeMarks } }).__kbo.marks);

/** Resource timing entries (API calls and chunks) relative to `from` on the page's clock. */
async function timeline(page: Page, from: number): Promise<RequestSeen[]> {
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })));
  return entries
    .filter((e) => /\/api\/|\/assets\/.*\.js/.test(e.name))
    .map((e) => ({ url: readableUrl(e.name), startMs: r1(e.start - from) }));
}

async function signInAs(page: Page, base: URL, email: string, code?: () => string) {
  await page.goto(new URL('/login', base).toString());
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').first().fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (code) {
    await page.getByLabel('Code').fill(code());
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** One menu click to a list: ms to rows, the requests it made, when the list request started. */
async function clickToList(page: Page, resource: string, requests: ReturnType<typeof recordRequests>) {
  await page.evaluate((path) => (window as unknown as { __kbo: { expectList: (p: string) => void } }).__kbo.expectList(path), `/${resource}`);
  requests.reset();
  await page.locator(`[role="menu"] a[href="/${resource}"]`).first().click();
  await page.waitForFunction(() => (window as unknown as { __kbo: { marks: ProbeMarks } }).__kbo.marks.rows !== undefined, undefined, { timeout: 30_000 });
  await requests.settle();
  const m = await marks(page);
  const seen = await timeline(page, m.click!);
  const clickEpoch = (await page.evaluate(() => performance.timeOrigin)) + m.click!;
  // The list page: GET /api/<resource> for more than one row (a count asks for range [0,0]).
  const isPage = (r: Request) => {
    const u = new URL(r.url());
    return u.pathname === `/api/${resource}` && JSON.parse(u.searchParams.get('range') ?? '[0,0]')[1] > 0;
  };
  const api = requests.api();
  const listRequest = api.find(isPage);
  const extras = api.filter((r) => r !== listRequest).map((r) => readableUrl(r.url()));
  const listStart = listRequest ? r1(listRequest.timing().startTime - clickEpoch) : NaN;
  return { ms: m.rows! - m.click!, extras, listStart, chunks: seen.filter((s) => s.url.startsWith('/assets/')) };
}

export async function measureBrowser(executablePath: string, o: BrowserOptions): Promise<BrowserResult> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    // (a) and (d): an admin (every menu entry) clicks through the menu.
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, o.base, 'admin@example.com', o.adminCode);
    await page.locator('[role="menu"] a[href]').first().waitFor();
    const requests = recordRequests(page);
    const first = new Map<string, Awaited<ReturnType<typeof clickToList>>>();
    for (const resource of o.resources) {
      const r = await clickToList(page, resource, requests);
      first.set(resource, r);
      o.log(`  first ${resource}: ${r1(r.ms)} ms, list request at ${r.listStart} ms, ${r.chunks.length} chunks, extra: ${r.extras.length}`);
    }
    const warm = new Map<string, Array<Awaited<ReturnType<typeof clickToList>>>>(o.resources.map((r) => [r, []]));
    for (let i = 0; i < o.repetitions; i++) {
      for (const resource of o.resources) warm.get(resource)!.push(await clickToList(page, resource, requests));
    }
    const menu: MenuResult[] = o.resources.map((resource) => {
      const runs = warm.get(resource)!;
      const most = runs.reduce((a, b) => (b.extras.length > a.extras.length ? b : a));
      const result: MenuResult = {
        resource,
        clickToRows: latency(runs.map((r) => r.ms)),
        listRequestStartMs: percentile(runs.map((r) => r.listStart).filter(Number.isFinite), 50),
        extraRequests: most.extras.length,
        extraRequestUrls: most.extras,
        firstClickMs: first.get(resource)!.ms,
        firstClickChunks: first.get(resource)!.chunks,
      };
      o.log(`  ${resource}: p50 ${r1(result.clickToRows.p50)} ms, p95 ${r1(result.clickToRows.p95)} ms, list request at ${result.listRequestStartMs} ms, ${result.extraRequests} extra requests`);
      return result;
    });
    const session = await context.storageState();
    await context.close();

    // (c): a deep link opened in a fresh context (empty cache) that has the session cookie.
    const deepLink: BrowserResult['deepLink'] = [];
    for (const resource of o.deepLinks) {
      const ms: number[] = [];
      let requests: RequestSeen[] = [];
      for (let i = 0; i < o.repetitions; i++) {
        const cold = await newContext(browser, session);
        const p = await cold.newPage();
        await p.goto(new URL(`/${resource}`, o.base).toString());
        await p.waitForFunction(() => (window as unknown as { __kbo: { marks: ProbeMarks } }).__kbo.marks.rows !== undefined, undefined, { timeout: 30_000 });
        const m = await marks(p);
        ms.push(m.rows!);
        if (i === 0) requests = await timeline(p, 0);
        await cold.close();
      }
      const result = { resource, navigationToRows: latency(ms), requests };
      o.log(`  deep link /${resource}: p50 ${r1(result.navigationToRows.p50)} ms, p95 ${r1(result.navigationToRows.p95)} ms`);
      deepLink.push(result);
    }

    // (b): an operator (no second factor, so it repeats) signs in and waits for the charts.
    const signInMs: number[] = [];
    let signInRequests: RequestSeen[] = [];
    for (let i = 0; i < o.repetitions; i++) {
      const fresh = await newContext(browser);
      const p = await fresh.newPage();
      await p.goto(new URL('/login', o.base).toString());
      await p.getByLabel('Email').fill('operator@example.com');
      await p.getByLabel('Password').first().fill(PASSWORD);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForFunction(() => (window as unknown as { __kbo: { marks: ProbeMarks } }).__kbo.marks.charts !== undefined, undefined, { timeout: 30_000 });
      const m = await marks(p);
      signInMs.push(m.charts! - m.click!);
      if (i === 0) signInRequests = await timeline(p, m.click!);
      await fresh.close();
    }
    const signIn = { ...latency(signInMs), requests: signInRequests.filter((r) => r.startMs >= 0) };
    o.log(`  sign-in → charts: p50 ${r1(signIn.p50)} ms, p95 ${r1(signIn.p95)} ms`);
    return { repetitions: o.repetitions, menu, signIn, deepLink };
  } finally {
    await browser.close();
  }
}
