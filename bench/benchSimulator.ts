// The processor the ingest and outbox benchmarks talk to: the simulator, in the benchmark's
// process (so its CPU is not the server's), listening on a free port, finding the seeded history's
// payments in the benchmark database as the embedded one would. Its background loop is not
// started: it answers the outbox's requests and sends no events of its own, so what is measured
// is the back office's side alone.
import type { Db } from '../server/db/connect.ts';
import { lookupFromDatabase } from '../simulator/backOffice.ts';
import { testSimulatorConfig } from '../simulator/config.ts';
import { Simulator } from '../simulator/simulator.ts';

export interface BenchSimulator {
  sim: Simulator;
  /** What the server is started with to talk to it (PROCESSOR_URL and the rest). */
  env: { PROCESSOR_URL: string; PROCESSOR_API_KEY: string; PROCESSOR_WEBHOOK_SECRET: string };
  secret: string;
  stop: () => Promise<void>;
}

export async function startBenchSimulator(db: Db): Promise<BenchSimulator> {
  const config = testSimulatorConfig();
  const sim = await Simulator.create({ config, lookup: lookupFromDatabase(db) });
  const url = await sim.listen(0, '127.0.0.1');
  return {
    sim,
    env: { PROCESSOR_URL: url, PROCESSOR_API_KEY: config.PROCESSOR_API_KEY, PROCESSOR_WEBHOOK_SECRET: config.PROCESSOR_WEBHOOK_SECRET },
    secret: config.PROCESSOR_WEBHOOK_SECRET,
    stop: () => sim.stop(),
  };
}
