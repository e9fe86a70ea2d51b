// The real app, in-process: a freshly seeded database (server/test/harness.ts) and the built
// SPA from dist/, listening on a free port.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../../server/app.ts';
import { createTestApp, type TestApp } from '../../server/test/harness.ts';
import { WEBHOOK_SECRET } from '../../server/test/processorEvents.ts';

export const DIST = path.resolve('dist');

/** Running apps by base URL, so sign-in can compute an admin's code at that app's clock. */
const running = new Map<string, TestApp>();
export const testAppAt = (url: string): TestApp | undefined => running.get(url);

export interface RunningApp {
  url: string;
  t: TestApp;
  close: () => Promise<void>;
}

export async function startApp(opts: { payments?: number } = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/index.html missing: run `npx vite build` first');
  // The processor is played by the test: it delivers signed events with the test secret.
  const t = await createTestApp('sqlite', { payments: opts.payments ?? 600, config: { PROCESSOR_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  const app = createApp(t.ctx, { staticDir: DIST });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  running.set(url, t);
  return {
    url,
    t,
    close: async () => {
      running.delete(url);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.drop();
    },
  };
}
