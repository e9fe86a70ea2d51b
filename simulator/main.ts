// npm run simulator: the processor simulator on its own port, sending events to a back office
// (SIMULATOR_EVENTS_URL) signed with PROCESSOR_WEBHOOK_SECRET, answering callers that present
// PROCESSOR_API_KEY. With SIMULATOR_IMPORT_DATABASE_URL it first learns the merchants, plans and
// in-flight objects of that back-office database. docs/processor.md lists every setting.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import knex, { type Knex } from 'knex';
import type pg from 'pg';
import { loadSimulatorConfig } from './config.ts';
import { lookupFromDatabase, readBackOfficeWorld } from './backOffice.ts';
import { Simulator } from './simulator.ts';

export async function main() {
  const config = loadSimulatorConfig();
  const log = pino({ level: config.LOG_LEVEL, name: 'simulator' });
  // Kept open: objects the simulator never saw made are looked up there when a request names them.
  const source = config.SIMULATOR_IMPORT_DATABASE_URL ? openReadOnly(config.SIMULATOR_IMPORT_DATABASE_URL) : null;
  const sim = await Simulator.create({ config, log, lookup: source ? lookupFromDatabase(source) : undefined });
  if (source) {
    const counts = await sim.import({ ...(await readBackOfficeWorld(source)), finish: true });
    log.info({ counts }, 'imported the back office\'s merchants, plans and in-flight objects');
  }
  const url = await sim.listen();
  sim.start();
  log.info(`processor simulator on ${url} → events to ${config.SIMULATOR_EVENTS_URL}`);
  const stop = () => void sim.stop().then(() => source?.destroy()).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** The back office's database, opened so that nothing can be written to it (nor a file created). */
function openReadOnly(url: string): Knex {
  if (url.startsWith('sqlite:')) {
    return knex({
      client: 'better-sqlite3', useNullAsDefault: true,
      connection: { filename: url.slice('sqlite:'.length), options: { readonly: true } },
    });
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return knex({ client: 'pg', connection: url, pool: { min: 0, max: 1, afterCreate: readOnlySession } });
  }
  throw new Error('SIMULATOR_IMPORT_DATABASE_URL must start with sqlite: or postgres://');
}

function readOnlySession(conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) {
  conn.query('set session characteristics as transaction read only', (err: Error | null) => done(err, conn));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
