// Which processor start-up picks, and the refusal of a real deployment without one: the message
// names exactly what is missing, and `npm start` prints it without a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { main } from '../main.ts';
import { planProcessor } from './connection.ts';

const SECRET = 'a-webhook-secret-of-some-length';
const KEY = 'an-api-key-of-some-length';

describe('planProcessor', () => {
  it('When DEMO_SEED=false and no processor is configured, then it refuses, naming all three settings', () => {
    expect(() => planProcessor(loadConfig({ DEMO_SEED: 'false' }))).toThrow(
      /^DEMO_SEED=false is a real deployment and needs a real processor, but PROCESSOR_URL, PROCESSOR_API_KEY and PROCESSOR_WEBHOOK_SECRET are not set: PROCESSOR_URL is the base URL/,
    );
  });

  it('When one setting is missing, then the refusal names that one only', () => {
    expect(() => planProcessor(loadConfig({ DEMO_SEED: 'false', PROCESSOR_URL: 'https://processor.example', PROCESSOR_API_KEY: KEY })))
      .toThrow(/^PROCESSOR_URL is set, but PROCESSOR_WEBHOOK_SECRET is not: PROCESSOR_WEBHOOK_SECRET is the secret its events are signed with\./);
    // Even for a demo: a half-configured processor is a mistake, not a request for the simulator.
    expect(() => planProcessor(loadConfig({ PROCESSOR_URL: 'https://processor.example', PROCESSOR_WEBHOOK_SECRET: SECRET })))
      .toThrow(/PROCESSOR_API_KEY is not/);
  });

  it('When all three are set, then that processor is used, demo or not', () => {
    for (const DEMO_SEED of ['true', 'false']) {
      expect(planProcessor(loadConfig({ DEMO_SEED, PROCESSOR_URL: 'https://processor.example/api', PROCESSOR_API_KEY: KEY, PROCESSOR_WEBHOOK_SECRET: SECRET })))
        .toEqual({ kind: 'external', url: 'https://processor.example/api', apiKey: KEY, webhookSecret: SECRET });
    }
  });

  it('When a demo has no PROCESSOR_URL, then the embedded simulator gets a fresh random key and secret each start', () => {
    const a = planProcessor(loadConfig({}));
    const b = planProcessor(loadConfig({}));
    expect(a.kind).toBe('embedded');
    expect(a.apiKey.length).toBeGreaterThanOrEqual(32);
    expect(a.webhookSecret.length).toBeGreaterThanOrEqual(40);
    expect(b.apiKey).not.toBe(a.apiKey);
    expect(b.webhookSecret).not.toBe(a.webhookSecret);
    // Given ones are kept (an operator who wants to call the simulator's control API).
    expect(planProcessor(loadConfig({ PROCESSOR_API_KEY: KEY }))).toMatchObject({ kind: 'embedded', apiKey: KEY });
  });

  it('When the server is started that way, then it refuses before touching the database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbo-'));
    const file = path.join(dir, 'sub', 'backoffice.sqlite3');
    await expect(main({ DEMO_SEED: 'false', DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' })).rejects.toThrow(/needs a real processor/);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('When `npm start` is refused, then it prints the message alone and exits 1', () => {
    const env = { ...process.env, DEMO_SEED: 'false', PROCESSOR_URL: '', PROCESSOR_API_KEY: '', PROCESSOR_WEBHOOK_SECRET: '' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/start.ts'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^DEMO_SEED=false is a real deployment and needs a real processor, but PROCESSOR_URL, PROCESSOR_API_KEY and PROCESSOR_WEBHOOK_SECRET are not set: .*"Connecting a processor"/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).not.toMatch(/Building/);
  });
});
