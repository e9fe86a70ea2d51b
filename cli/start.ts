// npm start: build the SPA if it is missing (or older than its sources), then run the server.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../server/main.ts';

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

const stale = !fs.existsSync(built) ||
  Math.max(newestMtime(path.join(root, 'client')), newestMtime(path.join(root, 'shared'))) > fs.statSync(built).mtimeMs;
if (stale) {
  console.log('Building the SPA…');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
await main();
