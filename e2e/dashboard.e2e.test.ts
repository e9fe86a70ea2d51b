// The home page's key figures and charts, the merchant's fee and plan-comparison charts, the
// reconciliation report page and the list export links, against the real API and seed.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBundle } from '../cli/bundleSize.ts';
import { DIST, type RunningApp } from './support/app.ts';
import { openPage, screenshot, signIn, waitForRows, type TestPage } from './support/browser.ts';
import { startSuite, stopSuite } from './support/suite.ts';

const xTicks = (page: TestPage, chart: string) =>
  page.getByTestId(chart).locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
const yTicks = (page: TestPage, chart: string) =>
  page.getByTestId(chart).locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();

/** Fetches a URL in the signed-in page (same-origin cookie), as a download link would. */
const fetchInPage = (page: TestPage, url: string) =>
  page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), body: await r.text() };
  }, url);

describe('dashboard charts and reports', () => {
  let app: RunningApp, browser: Browser, page: TestPage;
  beforeAll(async () => ({ app, browser, page } = await startSuite({ signInAs: 'admin' })));
  afterAll(() => stopSuite({ app, browser }));

  /** The dashboard as it first opens, its charts drawn (each test starts there, in any order). */
  const home = async () => {
    await page.goto(`${app.url}/`);
    await page.getByTestId('fee-chart').locator('svg .recharts-bar-rectangle').first().waitFor();
  };

  it('keeps recharts out of the first download', () => {
    const has = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8').includes('recharts-cartesian-axis');
    const report = measureBundle(DIST);
    expect(report.initial.some((c) => has(c.file))).toBe(false);
    expect(report.lazy.some((c) => has(c.file))).toBe(true);
  });

  it('shows an admin the key figures, the work lists and the fee and plan charts', async () => {
    await home();
    await page.getByTestId('plan-chart').locator('svg .recharts-bar-rectangle').first().waitFor();
    // Fee chart: a volume area, fee bars and the effective-rate line, on one currency.
    const fee = page.getByTestId('fee-chart');
    expect(await fee.locator('.recharts-area-area').count()).toBe(1);
    expect(await fee.locator('.recharts-line-curve').count()).toBe(1);
    expect(await fee.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(5);
    const overview = await fetchInPage(page, '/api/stats/overview');
    const o = JSON.parse(overview.body);
    await expect.poll(() => page.getByTestId('kpi-payouts_awaiting').locator('.MuiTypography-h4').textContent()).toBe(String(o.payouts_awaiting_approval.count));
    expect(await page.getByTestId('kpi-volume_30d').locator('li').count()).toBe(o.volume_30d.length);
    expect(await page.getByTestId('worklist-payouts').locator('a[href*="/payouts/"]').count()).toBe(5);
    await screenshot(page, 'dashboard-admin', true);
    expect(page.errors).toEqual([]);
  });

  it('redraws the fee chart when the interval and the currency change', async () => {
    await home();
    const fee = page.getByTestId('fee-chart');
    const weekly = await xTicks(page, 'fee-chart');
    const monthly = page.waitForRequest((r) => r.url().includes('/api/stats/fees') && r.url().includes('interval=month'));
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await monthly;
    await expect.poll(() => fee.getAttribute('data-interval')).toBe('month');
    await expect.poll(async () => (await xTicks(page, 'fee-chart')).join()).not.toBe(weekly.join());
    expect((await xTicks(page, 'fee-chart')).every((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t))).toBe(true); // "Sep 2026"
    await expect.poll(() => fee.locator('.recharts-bar-rectangle').count()).toBeLessThanOrEqual(4); // 90 days ≈ 4 months

    const before = await fee.getAttribute('data-currency');
    const ticksBefore = await yTicks(page, 'fee-chart');
    await page.getByTestId('chart-currency').click();
    const options = await page.getByRole('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    const other = options.find((c) => c !== before)!;
    await page.getByRole('option', { name: other }).click();
    await expect.poll(() => fee.getAttribute('data-currency')).toBe(other);
    await expect.poll(async () => (await yTicks(page, 'fee-chart')).join()).not.toBe(ticksBefore.join());
    // The plan chart follows the currency; neither chart mixes currencies.
    expect(await page.getByTestId('plan-chart').getAttribute('data-currency')).toBe(other);
    expect(page.errors).toEqual([]);
  });

  it('shows an empty state for a range without captured payments', async () => {
    await home();
    await page.getByTestId('range-from').fill('2020-01-01');
    await page.getByTestId('range-to').fill('2020-01-31');
    await page.getByTestId('fee-card').getByTestId('chart-empty').waitFor();
    expect(await page.getByTestId('plan-card').getByTestId('chart-empty').count()).toBe(1);
    await screenshot(page, 'dashboard-empty-range');
  });

  it('is readable in dark mode', async () => {
    await home();
    await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
    await page.waitForTimeout(300);
    // Axis labels take the theme's secondary text colour: light on the dark background.
    const tickFill = await page.getByTestId('fee-chart').locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').first().getAttribute('fill');
    expect(tickFill?.toLowerCase()).toBe('#9aa4b8');
    await screenshot(page, 'dashboard-admin-dark', true);
    await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
  });

  it('fits what operators and support see to their work', async () => {
    const support = await openPage(browser);
    await signIn(support, app.url, 'support');
    await support.getByTestId('kpi-disputes_due').waitFor();
    await support.getByTestId('worklist-disputes').waitFor();
    expect(await support.getByTestId('kpi-payouts_awaiting').count()).toBe(0);
    expect(await support.getByTestId('fee-card').count()).toBe(0);
    await screenshot(support, 'dashboard-support');
    await support.context().close();

    const operator = await openPage(browser);
    await signIn(operator, app.url, 'operator');
    await operator.getByTestId('fee-chart').locator('svg .recharts-bar-rectangle').first().waitFor();
    expect(await operator.getByTestId('kpi-refund_rate').count()).toBe(1);
    expect(await operator.getByTestId('worklist-payouts').count()).toBe(0);
    expect(operator.errors).toEqual([]);
    await operator.context().close();
  });

  it('charts a merchant\'s fees and its last 90 days on every plan, its current plan highlighted', async () => {
    const merchant: { id: string; plan_id: string } | undefined = await app.t.db('merchants').join('payments', 'payments.merchant_id', 'merchants.id')
      .where('payments.status', 'captured').where('payments.captured_at', '>=', '2026-09-01')
      .groupBy('merchants.id').orderByRaw('count(*) desc').first('merchants.id', 'merchants.plan_id');
    await page.goto(`${app.url}/merchants/${merchant!.id}/show`);
    const stats = page.getByTestId('merchant-stats');
    await stats.getByTestId('fee-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await stats.getByTestId('comparison-chart').locator('.recharts-bar-rectangle').first().waitFor();
    const plans = await app.t.db('plans').count({ n: '*' }).first();
    expect(await stats.getByTestId('comparison-table').locator('tbody tr').count()).toBe(Number(plans!.n));
    const current = stats.getByTestId('comparison-table').locator('tbody tr:has([data-current])');
    expect(await current.count()).toBe(1);
    const plan = await app.t.db('plans').where({ id: merchant!.plan_id }).first();
    expect(await current.textContent()).toContain(plan!.name);
    await screenshot(page, 'merchant-stats', true);
    expect(page.errors).toEqual([]);
  });

  const reportExports = async () =>
    Number((await app.t.db('audit').where('action', 'data.exported').where('detail', 'like', '%"report":"reconciliation"%').count({ n: '*' }).first())!.n);

  it('downloads the reconciliation report and previews its rows', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('menuitem', { name: 'Reports' }).click();
    await page.waitForURL(/\/reports$/);
    const exportsBefore = await reportExports();
    await page.getByTestId('report-preview').locator('tbody tr').first().waitFor();
    // Opening the page is a read: no export was counted or audited (only the download below is).
    expect(await reportExports()).toBe(exportsBefore);
    const href = await page.getByTestId('report-download').getAttribute('href');
    expect(href).toMatch(/^\/api\/reports\/reconciliation\?from=2026-10-23&to=2026-11-21&format=csv$/);
    const csv = await fetchInPage(page, href!);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toContain('reconciliation-2026-10-23_2026-11-21.csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^"date","merchant_id","merchant_name","currency"/); // text cells are quoted
    // The preview shows the same rows as the download.
    expect(await page.getByTestId('report-count').textContent()).toBe(`${lines.length - 1} rows`);
    await expect.poll(reportExports).toBe(exportsBefore + 1);

    // A real download through the link, in XLSX.
    await page.getByTestId('report-format').click();
    await page.getByRole('option', { name: 'Excel (XLSX)' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
    expect(download.suggestedFilename()).toBe('reconciliation-2026-10-23_2026-11-21.xlsx');
    await screenshot(page, 'reports', true);
    expect(page.errors).toEqual([]);
  });

  it('exports a filtered list through the Export menu (GET /api/R/export)', async () => {
    await page.goto(`${app.url}/payments?filter=${encodeURIComponent(JSON.stringify({ status: 'captured' }))}`);
    await waitForRows(page, 'Payments');
    await page.getByRole('button', { name: 'Export' }).click();
    const href = await page.getByRole('menuitem', { name: /^CSV/ }).getAttribute('href');
    await page.keyboard.press('Escape');
    const csv = await fetchInPage(page, href!);
    expect(csv.status).toBe(200);
    const rows = csv.body.trim().split('\r\n');
    const header = rows[0].split(',');
    const status = header.indexOf('"status"'); // text cells are quoted
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.slice(1).every((r) => r.split(',')[status] === '"captured"')).toBe(true);
    const json = await fetchInPage(page, href!.replace('format=csv', 'format=json'));
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body)).toHaveLength(rows.length - 1);
  });
});
