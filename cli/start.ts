// npm start: build the SPA if it is missing (or older than its sources), then run the server.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/config.ts';
import { main } from '../server/main.ts';
import { planProcessor } from '../server/processor/connection.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Prints what is wrong, without a stack trace: these are the operator's settings, not a bug. */
function refuse(err: unknown): never {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

// A configuration that cannot start refuses before the (slow) build.
try {
  planProcessor(loadConfig());
} catch (err) {
  refuse(err);
}

const stale = !fs.existsSync(built) ||
  Math.max(newestMtime(path.join(root, 'client')), newestMtime(path.join(root, 'shared'))) > fs.statSync(built).mtimeMs;
if (stale) {
  console.log('Building the SPA…');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
await main().catch(refuse);
