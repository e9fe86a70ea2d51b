// Production entry: read config, decide which processor to talk to (refusing a real deployment
// without one), connect, migrate (as the schema's owner when MIGRATION_DATABASE_URL
// is set), seed the demo into an empty database (unless DEMO_SEED=false),
// start the embedded processor simulator when there is no real processor, then listen and run the
// outbox worker. SIGTERM (or SIGINT): stop accepting connections, let the requests and the outbox
// deliveries in flight finish, then close the database and exit 0 (docs/operations.md).
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { prepareDatabase } from './db/prepare.ts';
import { createLogger } from './logger.ts';
import { OutboxWorker } from './outbox/worker.ts';
import { planProcessor } from './processor/connection.ts';
import { startEmbeddedSimulator } from './processor/embeddedSimulator.ts';
import { startEventSweeper } from './processor/events/sweeper.ts';
import { isEmpty, seedDemo } from './seed/seedDemo.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** How long a SIGTERM waits for requests and deliveries in flight before giving up on them. */
const SHUTDOWN_GRACE_MS = 20_000;

export async function main(env: NodeJS.ProcessEnv = process.env) {
  const loaded = loadConfig(env);
  const processor = planProcessor(loaded); // before anything else: a refusal leaves nothing behind
  const log = createLogger(loaded);
  if (loaded.COOKIE_SECURE === 'tls') {
    log.warn('COOKIE_SECURE=false: the session cookie is Secure only over TLS; use this on a trusted network only');
  }
  const db = connect(loaded.DATABASE_URL);
  // Migrating and seeding as the owner when MIGRATION_DATABASE_URL is set; the app stays its role.
  await prepareDatabase(loaded, db, async (owner) => {
    if (loaded.DEMO_SEED && (await isEmpty(owner))) {
      log.info('empty database: seeding demo data (DEMO_SEED=false to skip)');
      await seedDemo(owner, {
        payments: 20_000, demoUsers: true, dualApprovalMinor: loaded.PAYOUT_DUAL_APPROVAL_MINOR,
        log: (m) => log.info(m),
      });
    }
  });
  const simulator = processor.kind === 'embedded'
    ? await startEmbeddedSimulator({ db, config: loaded, log, apiKey: processor.apiKey, webhookSecret: processor.webhookSecret, env })
    : null;
  const config = {
    ...loaded,
    PROCESSOR_URL: simulator?.url ?? loaded.PROCESSOR_URL,
    PROCESSOR_API_KEY: processor.apiKey,
    PROCESSOR_WEBHOOK_SECRET: processor.webhookSecret,
  };
  const ctx = { db, config, now: () => new Date(), log };
  const app = createApp(ctx, { staticDir: path.join(root, 'dist') });
  const sweeper = startEventSweeper(ctx);
  const worker = new OutboxWorker({ db, config, log });
  const server = app.listen(config.PORT, () => {
    const { port } = server.address() as AddressInfo;
    log.info(`Kaito Back Office on http://localhost:${port} (${db.engine})`);
    simulator?.start(port);
    if (!simulator) log.info(`processor: ${config.PROCESSOR_URL}`);
    worker.start();
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: no new connections; finishing the requests and outbox deliveries in flight`);
    setTimeout(() => {
      log.error(`still busy after ${SHUTDOWN_GRACE_MS} ms; exiting anyway (whatever was not committed is retried by the next start)`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
    // A keep-alive connection becomes idle once its request is answered: close it then, rather
    // than waiting for its keep-alive timeout.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    void Promise.all([requestsDone, worker.stop()])
      .then(() => clearInterval(idle))
      .then(() => sweeper.stop())
      .then(() => simulator?.stop())
      .then(() => db.destroy())
      .then(() => {
        log.info('stopped cleanly');
        process.exit(0);
      }, (err) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
