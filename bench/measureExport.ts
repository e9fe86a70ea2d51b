// The export benchmark (docs/scaling.md, "Exports"): the whole payments list as CSV from the
// running server, timed end to end, while one client asks /api/health again and again (what every
// other user would feel) and the server's resident memory is sampled (flat means streamed, not
// buffered). Targets (issue: exports must not freeze the server): ≤ 30 s for 1M payments, health
// p99 < 100 ms throughout.
import fs from 'node:fs';
import { BenchClient, percentile } from './httpClient.ts';

export const EXPORT_TARGETS = { seconds: 30, healthP99Ms: 100 };

export interface ExportResult {
  path: string;
  status: number;
  rows: number;
  megabytes: number;
  seconds: number;
  rowsPerSecond: number;
  rssMiB: { before: number; peak: number; after: number };
  /** CPU seconds the server process spent meanwhile: the time the export needs with a core to itself. */
  serverCpuSeconds?: number;
  health: { requests: number; errors: number; p50: number; p99: number; max: number };
}

function rssMiB(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The server's CPU seconds between two readings; undefined when they cannot be read (no /proc). */
function cpuSeconds(beforeMs: number, afterMs: number): number | undefined {
  const s = (afterMs - beforeMs) / 1000;
  return Number.isFinite(s) ? s : undefined;
}

/** CPU microseconds per row: the export's real cost on a loaded machine (30 s for 1M rows = 30 µs a row). */
export function cpuMicrosPerRow(r: Pick<ExportResult, 'serverCpuSeconds' | 'rows'>): number | undefined {
  return r.serverCpuSeconds === undefined || r.rows === 0 ? undefined : (r.serverCpuSeconds * 1e6) / r.rows;
}

function cpuText(r: ExportResult): string {
  const perRow = cpuMicrosPerRow(r);
  return perRow === undefined ? 'not readable' : `${r.serverCpuSeconds!.toFixed(1)} s (${perRow.toFixed(1)} µs/row)`;
}

export async function measureExport(
  client: BenchClient,
  server: { base: URL; pid: number | undefined; cpuMs: () => number },
  log: (line: string) => void,
): Promise<ExportResult> {
  const { base, pid } = server;
  const cpuBefore = server.cpuMs();
  const path = '/api/payments/export?format=csv';
  const health = new BenchClient(base, 1);
  const before = rssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => {
    const now = rssMiB(pid);
    if (now > peak) peak = now;
  }, 100);
  const latencies: number[] = [];
  let errors = 0;
  let done = false;
  const probing = (async () => {
    while (!done) {
      try {
        const r = await health.get('/api/health');
        if (r.status === 200) latencies.push(r.ms);
        else errors += 1;
      } catch {
        errors += 1;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  try {
    const r = await client.download(path);
    done = true;
    await probing;
    const rows = Math.max(0, r.lines - 1);
    const result: ExportResult = {
      path, status: r.status, rows, megabytes: r.bytes / 2 ** 20, seconds: r.ms / 1000, rowsPerSecond: rows / (r.ms / 1000),
      rssMiB: { before, peak, after: rssMiB(pid) },
      serverCpuSeconds: cpuSeconds(cpuBefore, server.cpuMs()),
      health: {
        requests: latencies.length, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99),
        max: latencies.length ? Math.max(...latencies) : NaN,
      },
    };
    log(
      `  ${rows.toLocaleString('en-US')} rows, ${result.megabytes.toFixed(0)} MiB in ${result.seconds.toFixed(1)} s; ` +
        `server CPU ${cpuText(result)}, RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB; health p50 ${result.health.p50.toFixed(1)} ms, ` +
        `p99 ${result.health.p99.toFixed(1)} ms, max ${result.health.max.toFixed(1)} ms over ${latencies.length} requests`,
    );
    return result;
  } finally {
    done = true;
    clearInterval(sampler);
    health.close();
  }
}
