// npm test: unit + API suites (SQLite always, PostgreSQL when TEST_DATABASE_URL is set), then
// the browser end-to-end suite when a Chromium is found (always in CI, where it is installed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
};

// Half the suite runs only on PostgreSQL: a run without it must not pass for a whole one.
const pgSkipped = !process.env.TEST_DATABASE_URL;
const warnPgSkipped = () => console.warn([
  '',
  '!!! PostgreSQL suites SKIPPED: TEST_DATABASE_URL is not set, so only SQLite was tested.',
  '!!! Run them with TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test',
  '',
].join('\n'));
if (pgSkipped && process.env.CI) {
  console.error('CI must test both engines: set TEST_DATABASE_URL (.ci/run does).');
  process.exit(1);
}
if (pgSkipped) warnPgSkipped();

let status = run('npx', ['vitest', 'run', ...process.argv.slice(2)]);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (status === 0 && process.argv.length <= 2) {
  if (fs.existsSync(chromium) && fs.existsSync('vitest.e2e.config.ts')) {
    status = run('npx', ['vite', 'build', '--logLevel', 'warn']) || run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']);
  } else if (process.env.CI) {
    console.error(`CI needs the browser suite, but no Chromium at ${chromium}`);
    status = 1;
  } else {
    console.log(`(browser tests skipped: no Chromium at ${chromium}; apt-get install -y chromium)`);
  }
}
if (pgSkipped) warnPgSkipped();
process.exit(status);
