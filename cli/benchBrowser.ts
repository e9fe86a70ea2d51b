// npm run bench:browser -- [--repeat 10] [--only-resources payments,payouts] [--no-write]
//
// The browser benchmark (bench/measureBrowser.ts): the production build served by the real
// server (server/main.ts, as `npm start` runs it) on a temporary SQLite file that the server
// seeds with the demo (20,000 payments), driven by Chromium. Builds the SPA first when dist/ is
// missing or older than its sources. Writes the "Browser" section of bench/results.md (key
// `browser` of bench/results.json) unless --no-write.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../bench/benchServer.ts';
import { measureBrowser } from '../bench/measureBrowser.ts';
import { machineDescription, readResults, renderMarkdown } from '../bench/report.ts';
import { totpCode } from '../server/auth/mfa/totp.ts';
import { loadConfig } from '../server/config.ts';
import { RESOURCES } from '../client/src/resources/registry.ts';
import { cliArgs } from './args.ts';

const RESULTS_JSON = 'bench/results.json';
const RESULTS_MD = 'bench/results.md';
const BUNDLE_MD = 'bench/bundle.md';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = cliArgs({ repeat: 'string', 'only-resources': 'string', 'no-write': 'boolean' });
const repetitions = args.repeat === undefined ? 10 : Number(args.repeat);
if (!Number.isInteger(repetitions) || repetitions <= 0) throw new Error('--repeat must be a positive whole number');
const resources = args['only-resources'] ? String(args['only-resources']).split(',') : RESOURCES.map((r) => r.name);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const built = path.join('dist', 'index.html');
if (!fs.existsSync(built) || Math.max(newestMtime('client'), newestMtime('shared')) > fs.statSync(built).mtimeMs) {
  console.log('Building the SPA…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbo-bench-browser-'));
const loadAverage = os.loadavg();
console.log(`starting the server on a fresh demo database (20,000 payments) in ${dir}…`);
const server = await startServer(`sqlite:${path.join(dir, 'demo.sqlite3')}`);
try {
  const { DEMO_TOTP_SECRET } = loadConfig();
  const result = await measureBrowser(CHROMIUM, {
    base: server.base,
    repetitions,
    adminCode: () => totpCode(DEMO_TOTP_SECRET, Date.now()),
    resources,
    deepLinks: ['payments', 'payouts'].filter((r) => resources.includes(r)),
    log: (line) => console.log(line),
  });
  if (!args['no-write']) {
    const results = readResults(RESULTS_JSON);
    results.browser = { ...result, payments: 20_000, measuredAt: new Date().toISOString(), machine: machineDescription(), loadAverage };
    fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 1)}\n`);
    const bundle = fs.existsSync(BUNDLE_MD) ? fs.readFileSync(BUNDLE_MD, 'utf8') : null;
    fs.writeFileSync(RESULTS_MD, renderMarkdown(results, bundle));
    console.log(`wrote ${RESULTS_MD}`);
  }
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
