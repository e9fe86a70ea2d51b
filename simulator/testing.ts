// For tests (the simulator's own and the back office's): a simulator on a free port with
// in-memory storage, no generator and quick retries, plus helpers to call it.
import { newId } from '../shared/ids.ts';
import { testSimulatorConfig, type SimulatorConfig } from './config.ts';
import { Simulator } from './simulator.ts';

export interface TestSimulator {
  sim: Simulator;
  /** Base URL of the processor API (the back office's PROCESSOR_URL). */
  url: string;
  apiKey: string;
  secret: string;
  /** An authorised JSON request to the simulator; answers status, headers and parsed body. */
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; headers: Headers; body: any }>;
  stop: () => Promise<void>;
}

export async function startTestSimulator(
  opts: { config?: Partial<SimulatorConfig>; now?: () => number; random?: () => number; start?: boolean } = {},
): Promise<TestSimulator> {
  const config = testSimulatorConfig(opts.config);
  const sim = await Simulator.create({ config, now: opts.now, random: opts.random });
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
