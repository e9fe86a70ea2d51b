// Production entry: read config, connect, migrate, seed the demo into an empty database
// (unless DEMO_SEED=false), then listen.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { connect, migrate } from './db/connect.ts';
import { createLogger } from './logger.ts';
import { isEmpty, seedDemo } from './seed/seedDemo.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function main() {
  const config = loadConfig();
  const log = createLogger(config);
  if (config.COOKIE_SECURE === 'tls') {
    log.warn('COOKIE_SECURE=false: the session cookie is Secure only over TLS; use this on a trusted network only');
  }
  const db = connect(config.DATABASE_URL);
  await migrate(db);
  if (config.DEMO_SEED && (await isEmpty(db))) {
    log.info('empty database: seeding demo data (DEMO_SEED=false to skip)');
    await seedDemo(db, {
      payments: 20_000, demoUsers: true, dualApprovalMinor: config.PAYOUT_DUAL_APPROVAL_MINOR,
      log: (m) => log.info(m),
    });
  }
  const app = createApp({ db, config, now: () => new Date(), log }, { staticDir: path.join(root, 'dist') });
  const server = app.listen(config.PORT, () => {
    log.info(`Kaito Back Office on http://localhost:${config.PORT} (${db.engine})`);
  });
  const stop = () => {
    server.close(() => void db.destroy().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
