// Configuration comes from the environment only; every setting has a safe default.
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('sqlite:./data/backoffice.sqlite3'),
  // PostgreSQL: the schema owner's URL, for migrations (and seeding) only; the app then signs in
  // with DATABASE_URL as a least-privilege role (docs/security.md, "The database"). Unset: one URL for both.
  MIGRATION_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (SQLite has no roles)').optional(),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  PAYOUT_DUAL_APPROVAL_MINOR: z.coerce.number().int().positive().default(1_000_000),
  // Downloads that stream a whole list or report, at once per user and per process
  // (server/export/exportSlots.ts); one more is a 429 with Retry-After.
  EXPORTS_PER_USER: z.coerce.number().int().positive().default(1),
  EXPORTS_AT_ONCE: z.coerce.number().int().positive().default(4),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  DEMO_SEED: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().default('false'),
  // auto: Secure (and the __Host- prefix) unless served from localhost over plain HTTP;
  // true: always; false: only over TLS (a plain-HTTP deployment on a trusted network).
  COOKIE_SECURE: z
    .enum(['auto', 'true', 'false', '1', '0', 'yes', 'no'])
    .transform((v): 'auto' | 'always' | 'tls' => (v === 'auto' ? 'auto' : ['true', '1', 'yes'].includes(v) ? 'always' : 'tls'))
    .default('auto'),
  // The processor connection (docs/processor.md). Unset here means "not configured": start-up
  // decides what that implies (the embedded simulator, or a refusal for a real deployment).
  PROCESSOR_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  PROCESSOR_API_KEY: z.string().min(1).optional(),
  PROCESSOR_WEBHOOK_SECRET: z.string().refine(
    (v) => {
      const parts = v.split(',').map((s) => s.trim());
      return parts.length <= 2 && parts.every((s) => s.length >= 16);
    },
    'must be one secret of at least 16 characters, or two separated by a comma during a rotation',
  ).optional(),
  // The events endpoint's rate limit, per source address (docs/processor.md); bursts of twice this pass.
  PROCESSOR_EVENTS_PER_SECOND: z.coerce.number().int().positive().default(1000),
  // The outbox worker (docs/processor.md, "Actions out"): attempts before an item is `failed` and
  // waits for an admin; the backoff between attempts (exponential from BASE, capped at MAX, full
  // jitter); how long one request may take; how long a claim holds an item (kept above the timeout);
  // how often an idle worker looks for due items; how many items one process sends at once.
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(12),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1_000),
  OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(1).default(10 * 60_000),
  OUTBOX_TIMEOUT_MS: z.coerce.number().int().min(1).default(15_000),
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1).default(60_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(1).default(250),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  // Who may read GET /metrics: unset, only a scraper on this machine (docs/operations.md); set,
  // anyone sending `Authorization: Bearer <METRICS_TOKEN>`.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** Defaults for tests, overridable per test. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), LOG_LEVEL: 'silent', DEMO_SEED: false, ...overrides };
}
