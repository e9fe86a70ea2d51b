// For tests (the simulator's own and the back office's): a simulator on a free port with
// in-memory storage, no generator and quick retries, plus helpers to call it.
import { newId } from '../shared/ids.ts';
import type { BackOfficeLookup } from './backOffice.ts';
import { testSimulatorConfig, type SimulatorConfig } from './config.ts';
import { Simulator } from './simulator.ts';

export interface TestSimulator {
  sim: Simulator;
  /** Base URL of the processor API (the back office's PROCESSOR_URL). */
  url: string;
  apiKey: string;
  secret: string;
  /** An authorised JSON request to the simulator; answers status, headers and parsed body. */
  // Parsed JSON of any shape, read field by field by the tests (as supertest's own `body` is typed).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test helper's response body
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; headers: Headers; body: any }>;
  stop: () => Promise<void>;
}

export async function startTestSimulator(
  opts: { config?: Partial<SimulatorConfig>; now?: () => number; random?: () => number; start?: boolean; lookup?: BackOfficeLookup } = {},
): Promise<TestSimulator> {
  const config = testSimulatorConfig(opts.config);
  const sim = await Simulator.create({ config, now: opts.now, random: opts.random, lookup: opts.lookup });
  const url = await sim.listen(0, '127.0.0.1');
  if (opts.start) sim.start();
  const call: TestSimulator['call'] = async (method, path, body, headers = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${config.PROCESSOR_API_KEY}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  };
  return { sim, url, apiKey: config.PROCESSOR_API_KEY, secret: config.PROCESSOR_WEBHOOK_SECRET, call, stop: () => sim.stop() };
}

/** A small world: one flat-rate USD plan and two active merchants on it, imported through /_sim/import. */
export async function importDemoWorld(t: TestSimulator) {
  const at = new Date(t.sim.ctx.now()).toISOString();
  const plan = { id: newId('plan'), name: 'Flat', plan_type: 'FLAT_RATE', percent_bps: 290, fixed_fee: 30, currency: 'USD', created_at: at };
  const merchants = ['one', 'two'].map((n) => ({
    id: newId('merchant'), name: `Shop ${n}`, email: `${n}@shop.test`, country: 'US', default_currency: 'USD', status: 'active',
    plan_id: plan.id, created_at: at, updated_at: at,
  }));
  const res = await t.call('POST', '/_sim/import', { plans: [plan], merchants });
  if (res.status !== 200 || res.body.merchants !== 2) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
  return merchants;
}

/** A captured payment of the given amount (USD), made by the generator for an imported merchant. */
export async function capturedPayment(t: TestSimulator, amount = 10_000, merchantId?: string) {
  const merchant = merchantId ?? (await importDemoWorld(t))[0].id;
  const res = await t.call('POST', '/_sim/generate', { payments: 1, merchant_id: merchant, amount, currency: 'USD', decline: false, manual: false });
  if (res.status !== 201) throw new Error(`generate failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.payments[0] as { id: string; merchant_id: string; intent_id: string; amount: number; currency: string };
}

/** A payout awaiting confirmation, as the processor would have made it. */
export async function importPayout(t: TestSimulator, over: Record<string, unknown> = {}) {
  const at = new Date(t.sim.ctx.now()).toISOString();
  const payout = {
    id: newId('payout'), merchant_id: newId('merchant'), payout_number: 100_000 + Math.floor(Math.random() * 800_000), amount: 50_000,
    fee_amount: 30, net_amount: 49_970, currency: 'USD', status: 'pending', transaction_count: 12, created_at: at, updated_at: at, ...over,
  };
  const res = await t.call('POST', '/_sim/import', { payouts: [payout] });
  if (res.body?.payouts !== 1) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
  return payout;
}

/** An open dispute, as the processor would have opened it. */
export async function importDispute(t: TestSimulator, over: Record<string, unknown> = {}) {
  const at = new Date(t.sim.ctx.now()).toISOString();
  const dispute = {
    id: newId('dispute'), payment_id: newId('payment'), merchant_id: newId('merchant'), amount: 2_500, currency: 'USD',
    status: 'needs_response', reason_code: '13.1', reason: 'Merchandise or services not received', dispute_date: at.slice(0, 10),
    response_due_date: at.slice(0, 10), closed_date: null, created_at: at, updated_at: at, ...over,
  };
  const res = await t.call('POST', '/_sim/import', { disputes: [dispute] });
  if (res.body?.disputes !== 1) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
  return dispute;
}
