// npm run db:seed -- --payments N [--seed S] [--anchor YYYY-MM-DD] [--reset]
// Deterministic: the same --payments, --seed and --anchor give the same data.
import { loadConfig } from '../server/config.ts';
import { connect, migrate } from '../server/db/connect.ts';
import { isEmpty, resetData, seedDemo } from '../server/seed/seedDemo.ts';
import { cliArgs } from './args.ts';

const args = cliArgs({ payments: 'string', anchor: 'string', reset: 'boolean', seed: 'string' });
const payments = Number(args.payments ?? 20_000);
if (!Number.isSafeInteger(payments) || payments < 0) throw new Error('--payments must be a whole number');
const anchor = typeof args.anchor === 'string' ? new Date(`${args.anchor}T00:00:00Z`) : undefined;
if (anchor && Number.isNaN(anchor.getTime())) throw new Error('--anchor must be YYYY-MM-DD');

const config = loadConfig();
// Seeding drops and rebuilds indexes: the schema owner's work (MIGRATION_DATABASE_URL, when set).
const db = connect(config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL);
await migrate(db);
if (!(await isEmpty(db))) {
  if (!args.reset) {
    console.error('The database already holds data. Re-run with --reset to replace it (users are kept).');
    process.exit(2);
  }
  await resetData(db);
}
const started = Date.now();
const result = await seedDemo(db, {
  payments,
  seed: args.seed ? Number(args.seed) : undefined,
  anchor,
  demoUsers: config.DEMO_SEED,
  dualApprovalMinor: config.PAYOUT_DUAL_APPROVAL_MINOR,
  log: (m) => console.log(m),
});
// CPU time of this process alongside the wall clock: on a shared machine the wall clock also
// measures everyone else's load (and on PostgreSQL the database server's work is not in it).
const cpu = process.cpuUsage();
console.log(
  `Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (this process: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU), ` +
    `anchored on ${result.anchor}`,
);
await db.destroy();
