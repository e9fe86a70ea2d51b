// The demo's processor: the simulator (simulator/) run inside the back office's process when no
// real processor is configured. In-process rather than a child process: one command to start
// and stop, one log stream, nothing left running after a crash — and it costs nothing in realism,
// because the two still talk only over HTTP (the back office calls its own port, it posts
// signed events to ours) and it keeps its own storage, a SQLite file next to the back office's.
// It reads the back office's merchants and plans from the database at start and every minute
// after, and finds the demo history's payments, payouts and disputes there when asked about them.
import path from 'node:path';
import type { Logger } from 'pino';
import { lookupFromDatabase, readBackOfficeWorld } from '../../simulator/backOffice.ts';
import { loadSimulatorConfig } from '../../simulator/config.ts';
import { Simulator } from '../../simulator/simulator.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';

const REFRESH_MS = 60_000;

export interface EmbeddedSimulator {
  sim: Simulator;
  /** Base URL of its processor API: the back office's PROCESSOR_URL. */
  url: string;
  /** Starts generating and delivering, to the back office listening on `port`. */
  start: (port: number) => void;
  stop: () => Promise<void>;
}

/** Its storage: beside a SQLite back office, in memory beside an in-memory one, else in ./data. */
export function simulatorStorageFor(databaseUrl: string): string {
  if (databaseUrl === 'sqlite::memory:' || databaseUrl === 'sqlite:') return 'sqlite::memory:';
  if (databaseUrl.startsWith('sqlite:')) return `sqlite:${path.join(path.dirname(databaseUrl.slice('sqlite:'.length)), 'simulator.sqlite3')}`;
  return 'sqlite:./data/simulator.sqlite3';
}

export async function startEmbeddedSimulator(opts: {
  db: Db;
  config: Config;
  log: Logger;
  apiKey: string;
  webhookSecret: string;
  env?: Record<string, string | undefined>;
}): Promise<EmbeddedSimulator> {
  const env = opts.env ?? process.env;
  // Every SIMULATOR_* setting applies; the key, the secret and (unless set) the storage and a
  // free port are the back office's choice.
  const config = loadSimulatorConfig({
    ...env,
    LOG_LEVEL: opts.config.LOG_LEVEL,
    PROCESSOR_API_KEY: opts.apiKey,
    PROCESSOR_WEBHOOK_SECRET: opts.webhookSecret,
    SIMULATOR_PORT: env.SIMULATOR_PORT ?? '0',
    SIMULATOR_DATABASE_URL: env.SIMULATOR_DATABASE_URL ?? simulatorStorageFor(opts.config.DATABASE_URL),
  });
  const log = opts.log.child({ component: 'simulator' });
  const sim = await Simulator.create({ config, log, lookup: lookupFromDatabase(opts.db) });
  const counts = await sim.import({ ...(await readBackOfficeWorld(opts.db)), finish: true, replace_merchants: true });
  log.info({ counts }, 'processor simulator knows the back office\'s merchants and plans');
  const url = await sim.listen();
  let refresh: NodeJS.Timeout | null = null;
  return {
    sim,
    url,
    start: (port) => {
      sim.eventsUrl = `http://127.0.0.1:${port}/api/processor/events`;
      sim.start();
      refresh = setInterval(() => {
        void readBackOfficeWorld(opts.db)
          .then((w) => sim.import({ plans: w.plans, merchants: w.merchants, replace_merchants: true }))
          .catch((err) => log.warn({ err }, 'could not refresh merchants from the back office'));
      }, REFRESH_MS);
      refresh.unref();
      log.info(`processor simulator on ${url}, sending events to ${sim.ctx.eventsUrl} (${config.SIMULATOR_PAYMENTS_PER_MINUTE} payments a minute)`);
    },
    stop: async () => {
      if (refresh) clearInterval(refresh);
      await sim.stop();
    },
  };
}
