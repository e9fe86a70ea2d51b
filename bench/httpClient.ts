// A plain keep-alive HTTP client for the benchmark: node:http with a pooled agent, the session
// cookie, and nothing else between the timer and the socket, so what is measured is the server.
import http from 'node:http';

export interface Timed {
  status: number;
  ms: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class BenchClient {
  private agent: http.Agent;
  private cookie = '';

  constructor(private base: URL, sockets = 16) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  async request(method: string, path: string, body?: unknown, keepBody = false): Promise<Timed> {
    try {
      return await this.send(method, path, body, keepBody);
    } catch (err) {
      // A kept-alive socket the server closed for idleness (its keepAliveTimeout) just as this
      // request went out: the request never reached the application, so sending it again is safe.
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'ECONNRESET' && code !== 'EPIPE') || method !== 'GET') throw err;
      return this.send(method, path, body, keepBody);
    }
  }

  private send(method: string, path: string, body: unknown, keepBody: boolean): Promise<Timed> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, path, method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => {
            if (keepBody || (res.statusCode ?? 0) >= 400) chunks.push(c);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  get(path: string, keepBody = false) {
    return this.request('GET', path, undefined, keepBody);
  }

  /** Streams a download to nowhere, counting its bytes and lines (CRLF-ended rows). */
  download(path: string): Promise<{ status: number; ms: number; bytes: number; lines: number }> {
    return new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, path, method: 'GET', headers: { cookie: this.cookie }, agent: this.agent },
        (res) => {
          let bytes = 0;
          let lines = 0;
          res.on('data', (c: Buffer) => {
            bytes += c.length;
            for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines += 1;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6, bytes, lines }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** `otp`: the second factor of an enrolled user (the demo admins: README, "Demo logins"). */
  async login(email: string, password: string, otp?: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/login', { email, password, ...(otp ? { otp } : {}) }, true);
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${res.body}`);
    const setCookie = res.headers['set-cookie'] ?? [];
    this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  }

  close() {
    this.agent.destroy();
  }
}

/** Latency percentiles of a list of milliseconds (nearest-rank). */
export function percentile(ms: number[], p: number): number {
  if (ms.length === 0) return NaN;
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Sequential timings of `run` after a warm-up: what one user waits. */
export async function timeSequential(run: () => Promise<number>, count: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(await run());
  return out;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latencies: number[];
}

/** `clients` concurrent loops of `run` for `seconds`: throughput, and latency under that load. */
export async function timeConcurrent(run: () => Promise<Timed>, clients: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const r = await run();
        if (r.status !== 200) errors++;
        latencies.push(r.ms);
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return { requests: latencies.length, errors, seconds: elapsed, perSecond: latencies.length / elapsed, latencies };
}
