// Which processor the back office talks to, decided once at start-up (docs/processor.md,
// "Configuration"): the one PROCESSOR_URL names, with its API key and webhook secret; or, for a
// demo (DEMO_SEED on and no PROCESSOR_URL), the embedded simulator with a random key and secret
// that only this process knows. A real deployment without a processor refuses to start.
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';

export type ProcessorPlan =
  | { kind: 'external'; url: string; apiKey: string; webhookSecret: string }
  | { kind: 'embedded'; apiKey: string; webhookSecret: string };

const SETTINGS = {
  PROCESSOR_URL: "the base URL of the processor's merchant API",
  PROCESSOR_API_KEY: 'the bearer token the back office sends it',
  PROCESSOR_WEBHOOK_SECRET: 'the secret its events are signed with',
} as const;

export class ProcessorConfigError extends Error {}

export function planProcessor(config: Pick<Config, 'DEMO_SEED' | keyof typeof SETTINGS>): ProcessorPlan {
  const missing = (Object.keys(SETTINGS) as Array<keyof typeof SETTINGS>).filter((k) => !config[k]);
  if (config.PROCESSOR_URL) {
    if (missing.length) {
      throw new ProcessorConfigError(
        `PROCESSOR_URL is set, but ${list(missing)} ${missing.length > 1 ? 'are' : 'is'} not: ${explain(missing)}. See README, "Connecting a processor".`,
      );
    }
    return { kind: 'external', url: config.PROCESSOR_URL, apiKey: config.PROCESSOR_API_KEY!, webhookSecret: config.PROCESSOR_WEBHOOK_SECRET! };
  }
  if (!config.DEMO_SEED) {
    throw new ProcessorConfigError(
      `DEMO_SEED=false is a real deployment and needs a real processor, but ${list(missing)} ${missing.length > 1 ? 'are' : 'is'} not set: ${explain(missing)}. ` +
      'See README, "Connecting a processor" (or leave DEMO_SEED on to run the demo with its simulator).',
    );
  }
  return {
    kind: 'embedded',
    apiKey: config.PROCESSOR_API_KEY ?? randomBytes(24).toString('base64url'),
    webhookSecret: config.PROCESSOR_WEBHOOK_SECRET ?? randomBytes(32).toString('base64url'),
  };
}

const list = (names: string[]) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
const explain = (names: Array<keyof typeof SETTINGS>) => names.map((n) => `${n} is ${SETTINGS[n]}`).join('; ');
