// Runs the real server (server/main.ts) in a child process on a free port, as `npm start` would
// minus the SPA build, so the benchmark's own work never shares the server's event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface RunningServer {
  base: URL;
  pid: number | undefined;
  /** CPU milliseconds the server process has used so far (Linux /proc; NaN elsewhere). */
  cpuMs: () => number;
  stop: () => Promise<void>;
}

function processCpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitHealthy(base: URL, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(new URL('/api/health', base));
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy in time');
}

/**
 * `logLevel` defaults to info, as in production: every request is logged (to /dev/null here),
 * so the logging cost is part of what is measured. `extraEnv`: settings on top (the processor
 * the ingest and outbox benchmarks point it at).
 */
export async function startServer(databaseUrl: string, logLevel = 'info', extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  // DEMO_SEED=true: the database is seeded already (the demo seed only fills an empty one), and
  // the demo's embedded processor simulator stands in for a real processor, which the server
  // requires otherwise.
  // BENCH_SERVER_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (--cpu-prof).
  const profile = process.env.BENCH_SERVER_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), DEMO_SEED: 'true', LOG_LEVEL: logLevel, NODE_ENV: 'production',
      // The simulator answers the server's calls but makes no new payments: what is measured is the
      // benchmark's own load, and the database keeps the size it was seeded with (reusable next run).
      SIMULATOR_GENERATOR: 'false',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = new URL(`http://127.0.0.1:${port}`);
  try {
    await waitHealthy(base, child, 60_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    base,
    pid: child.pid,
    cpuMs: () => processCpuMs(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 8000).unref();
      }),
  };
}
