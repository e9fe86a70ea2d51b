// The simulator's settings, from the environment (standalone) or handed over by the back office
// (embedded). Every pace and fault knob has a default that makes a demo show something within
// minutes; docs/processor.md lists them.
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const ms = z.coerce.number().int().min(0);
const rate = z.coerce.number().min(0).max(1);
const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be a string') };

export const SimulatorEnv = z.object({
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  /** Its own storage: the record of executed operations and the event queue survive restarts. */
  SIMULATOR_DATABASE_URL: z.string().regex(/^sqlite:/, 'must be sqlite:PATH or sqlite::memory:').default('sqlite:./data/simulator.sqlite3'),
  /** Where signed events go: the back office's POST /api/processor/events. */
  SIMULATOR_EVENTS_URL: z.url().default('http://127.0.0.1:3000/api/processor/events'),
  /** The bearer token callers must present (the back office's PROCESSOR_API_KEY). */
  PROCESSOR_API_KEY: z.string(required).min(16, 'must be at least 16 characters'),
  /** Signs every event; the first of a comma-separated list (the back office accepts either). */
  PROCESSOR_WEBHOOK_SECRET: z.string(required).min(16, 'must be at least 16 characters'),
  /** A back-office database to read merchants, plans and open objects from at start (read only). */
  SIMULATOR_IMPORT_DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // The live generator
  SIMULATOR_GENERATOR: bool.default(true),
  SIMULATOR_PAYMENTS_PER_MINUTE: z.coerce.number().min(0).max(60_000).default(4),
  SIMULATOR_DECLINE_RATE: rate.default(0.1),
  SIMULATOR_MANUAL_CAPTURE_RATE: rate.default(0.1),
  SIMULATOR_DISPUTE_RATE: rate.default(0.03),
  SIMULATOR_REFUND_FAIL_RATE: rate.default(0.03),
  SIMULATOR_PAYOUT_FAIL_RATE: rate.default(0.02),
  SIMULATOR_DISPUTE_WIN_RATE: rate.default(0.5),
  SIMULATOR_MANUAL_CAPTURE_AFTER_MS: ms.default(90_000),
  SIMULATOR_SETTLE_AFTER_MS: ms.default(180_000),
  SIMULATOR_DISPUTE_AFTER_MS: ms.default(240_000),
  SIMULATOR_DISPUTE_DECISION_AFTER_MS: ms.default(120_000),
  SIMULATOR_REFUND_AFTER_MS: ms.default(4_000),
  SIMULATOR_PAYOUT_AFTER_MS: ms.default(20_000),
  SIMULATOR_PAYOUT_EVERY_MS: ms.default(300_000),

  // Event delivery
  SIMULATOR_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  SIMULATOR_RETRY_BASE_MS: ms.default(1_000),
  SIMULATOR_RETRY_MAX_MS: ms.default(60_000),
  SIMULATOR_DELIVERY_TIMEOUT_MS: ms.default(10_000),
  SIMULATOR_TICK_MS: z.coerce.number().int().min(5).default(250),

  // Fault knobs (also settable at run time: POST /_sim/faults)
  SIMULATOR_LATENCY_MS: ms.default(0),
  SIMULATOR_ERROR_RATE: rate.default(0),
  SIMULATOR_TIMEOUT_RATE: rate.default(0),
  SIMULATOR_TIMEOUT_MS: ms.default(30_000),
  SIMULATOR_DUPLICATE_RATE: rate.default(0),
  SIMULATOR_REORDER_RATE: rate.default(0),
  SIMULATOR_REORDER_WINDOW_MS: ms.default(5_000),
  SIMULATOR_UNREACHABLE_MS: ms.default(0),
});

export type SimulatorConfig = z.infer<typeof SimulatorEnv>;

export function loadSimulatorConfig(env: Record<string, string | undefined> = process.env): SimulatorConfig {
  const parsed = SimulatorEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '' && v !== undefined)));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid simulator configuration: ${problems}`);
  }
  return parsed.data;
}

/** Quiet, fast settings for tests: no generator, no faults, in-memory storage, quick retries. */
export function testSimulatorConfig(overrides: Partial<SimulatorConfig> = {}): SimulatorConfig {
  return {
    ...loadSimulatorConfig({
      PROCESSOR_API_KEY: 'test-api-key-0123456789',
      PROCESSOR_WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
    }),
    SIMULATOR_DATABASE_URL: 'sqlite::memory:',
    // Nothing listens on port 1: a test that forgets to point events somewhere sends none anywhere.
    SIMULATOR_EVENTS_URL: 'http://127.0.0.1:1/api/processor/events',
    SIMULATOR_GENERATOR: false,
    LOG_LEVEL: 'silent',
    SIMULATOR_RETRY_BASE_MS: 20,
    SIMULATOR_RETRY_MAX_MS: 200,
    SIMULATOR_TICK_MS: 20,
    ...overrides,
  };
}
