// The deterministic demo seed (README, "Demo logins"; docs/scaling.md for big seeds): merchants on several plans and currencies, intents
// and payments over the last 180 days with realistic outcomes, refunds, disputes in every status
// with due dates around the anchor day, payouts in every status, and the ledger entries from
// which every balance follows. Same options → same rows (password salts aside).
import type { Knex } from 'knex';
import { DAY_MS as DAY, utcDay } from '../../shared/days.ts';
import { newId } from '../../shared/ids.ts';
import { enrolWithSecret } from '../auth/mfa/enrolment.ts';
import { OWASP_COST, hashPassword } from '../auth/password.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { rebuildBalances } from '../ledger/ledger.ts';
import { bulkLoad } from './bulkLoad.ts';
import { generateDemo, type DemoPlan } from './generateDemo.ts';
import { generateInWorker } from './generateInWorker.ts';
import { createRng, rngState } from './random.ts';

export const DEMO_PASSWORD = 'backoffice-demo';
export const DEMO_USERS = [
  { email: 'admin@example.com', name: 'Alex Admin', role: 'admin' },
  { email: 'admin2@example.com', name: 'Sam Second-Approver', role: 'admin' },
  { email: 'operator@example.com', name: 'Olivia Operator', role: 'operator' },
  { email: 'support@example.com', name: 'Sofia Support', role: 'support' },
  { email: 'support2@example.com', name: 'Diego Support', role: 'support' },
] as const;

export interface SeedOptions {
  payments: number;
  seed?: number;
  /** The day the data ends on; defaults to today (UTC). Dates are placed relative to it. */
  anchor?: Date;
  merchants?: number;
  demoUsers?: boolean;
  /**
   * Enrol the demo admins in two-factor sign-in with this base32 TOTP secret (DEMO_TOTP_SECRET),
   * sealed with the app's MFA_SECRET_KEY. Without it they are asked to enrol at their first sign-in.
   */
  demoTotp?: { secret: string; config: Pick<Config, 'MFA_SECRET_KEY'> };
  /** Payout amounts at or above this need two approvals (PAYOUT_DUAL_APPROVAL_MINOR). */
  dualApprovalMinor?: number;
  /** Password hashing cost; tests lower it, real seeds keep OWASP's. */
  passwordCost?: typeof OWASP_COST;
  log?: (message: string) => void;
  /**
   * Generate the rows in a worker thread while this one writes them (default: for large seeds,
   * where it saves about a third of the time).
   */
  worker?: boolean;
}

/** From this many payments on, indexes are rebuilt after the load instead of maintained during it. */
const BULK_THRESHOLD = 10_000;
const iso = (ms: number) => new Date(ms).toISOString();

// Business tables in dependency order (children last), for a reset.
export const DATA_TABLES = [
  'plans', 'merchants', 'intents', 'payments', 'refunds', 'disputes', 'dispute_notes',
  'dispute_attachments', 'payouts', 'transactions', 'balances',
];

export async function isEmpty(db: Knex): Promise<boolean> {
  return !(await db('merchants').first('id'));
}

export async function resetData(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    for (const t of [...DATA_TABLES].reverse()) await trx(t).delete();
  });
}

export async function seedDemo(db: Db, opts: SeedOptions) {
  const rng = createRng(opts.seed ?? 42);
  const anchorDay = Date.UTC(
    (opts.anchor ?? new Date()).getUTCFullYear(),
    (opts.anchor ?? new Date()).getUTCMonth(),
    (opts.anchor ?? new Date()).getUTCDate(),
  );
  // "now" for the data: noon on an explicit anchor day (reproducible), or this very minute for
  // the demo, so nothing is dated in the future and today already has some activity.
  const end = opts.anchor ? anchorDay + DAY / 2 : Math.floor(Date.now() / 60_000) * 60_000;
  const start = end - 180 * DAY;
  const dual = opts.dualApprovalMinor ?? 1_000_000;
  const log = opts.log ?? (() => {});

  // Users first (hashing is slow; do it outside the data transaction).
  const userIds: Record<string, string> = {};
  if (opts.demoUsers) {
    for (const [i, u] of DEMO_USERS.entries()) {
      const existing = await db('users').where('email', u.email).first('id');
      if (existing) {
        userIds[u.email] = existing.id;
        continue;
      }
      const id = newId('user', start - DAY + i * 1000, rng);
      await db('users').insert({
        id, email: u.email, name: u.name, role: u.role, disabled: false, created_at: iso(start - DAY + i * 1000),
        password_hash: await hashPassword(DEMO_PASSWORD, opts.passwordCost ?? OWASP_COST),
      });
      if (u.role === 'admin' && opts.demoTotp) {
        await enrolWithSecret(db, opts.demoTotp.config, id, opts.demoTotp.secret, iso(start - DAY + i * 1000));
      }
      userIds[u.email] = id;
    }
  }
  const operatorId = userIds['operator@example.com'] ?? null;
  const supportIds = [userIds['support@example.com'], userIds['support2@example.com']].filter(Boolean);
  const admin2Id = userIds['admin2@example.com'] ?? null;
  const adminId = userIds['admin@example.com'] ?? null;

  const plan: DemoPlan = {
    payments: opts.payments, merchants: opts.merchants ?? 50, dual, start, end,
    operatorId, supportIds, adminId, admin2Id, rngState: rngState(rng),
  };
  const large = opts.payments >= BULK_THRESHOLD;

  // Large seeds (benchmarks) build their indexes once at the end rather than row by row.
  return bulkLoad(db, { tables: DATA_TABLES, deferIndexes: large, log }, async (w, trx) => {
    await ((opts.worker ?? large) ? generateInWorker(w, plan, log) : generateDemo(w, plan, log));
    await w.flush();
    await rebuildBalances(trx, iso(end));
    log(`seeded ${JSON.stringify(w.counts)}`);
    return { counts: w.counts, anchor: utcDay(anchorDay) };
  });
}
