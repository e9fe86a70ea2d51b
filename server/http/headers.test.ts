// Security headers, pinned: the SPA's index (from a throwaway static folder) and an API answer.
// A change to any of them must be deliberate: update the expectation and docs/security.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createTestApp, otpFields, type TestApp } from '../test/harness.ts';

const SECURITY_HEADERS = [
  'content-security-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'origin-agent-cluster',
  'referrer-policy', 'strict-transport-security', 'x-content-type-options', 'x-dns-prefetch-control',
  'x-download-options', 'x-frame-options', 'x-permitted-cross-domain-policies', 'x-xss-protection',
  'permissions-policy', 'cache-control', 'x-powered-by',
];
const pick = (res: request.Response) =>
  Object.fromEntries(SECURITY_HEADERS.map((h) => [h, res.headers[h]]).filter(([, v]) => v !== undefined));

const COMMON = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const SPA_CSP =
  "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;" +
  "font-src 'self' data:;connect-src 'self';worker-src 'self';manifest-src 'self';object-src 'none';base-uri 'none';" +
  "frame-src 'none';frame-ancestors 'none';form-action 'self'";

describe('security headers', () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let staticDir: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite', { payments: 0 });
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbo-spa-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("spa")');
    app = createApp(t.ctx, { staticDir });
  });
  afterAll(async () => {
    fs.rmSync(staticDir, { recursive: true, force: true });
    await t.drop();
  });

  it('the SPA index carries the strict CSP and is revalidated, never stale', async () => {
    const res = await request(app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(pick(res)).toEqual({ ...COMMON, 'content-security-policy': SPA_CSP, 'cache-control': 'no-cache' });
  });

  it('client-side routes get the same index and headers', async () => {
    const res = await request(app).get('/payments/py_123/show');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
    expect(pick(res)).toEqual({ ...COMMON, 'content-security-policy': SPA_CSP, 'cache-control': 'no-cache' });
  });

  it('hashed assets are immutable and nosniff', async () => {
    const res = await request(app).get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('the CSP allows no inline or foreign script, no plugins, no <base>, no framing', async () => {
    const csp = (await request(app).get('/')).headers['content-security-policy'] as string;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['script-src-attr']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });

  it('API answers: no-store and a CSP that lets nothing run, on success and errors alike', async () => {
    const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";
    for (const [url, status] of [['/api/health', 200], ['/api/payments', 401], ['/api/nope', 401]] as const) {
      const res = await request(app).get(url);
      expect(res.status).toBe(status);
      expect(pick(res)).toEqual({ ...COMMON, 'content-security-policy': apiCsp, 'cache-control': 'no-store' });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('an unknown API path is never answered with the SPA index', async () => {
    const admin = request.agent(app);
    await admin.post('/api/auth/login').send({ email: 'admin@example.com', password: 'backoffice-demo', ...(await otpFields(t, 'admin@example.com')) });
    const res = await admin.get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'No such API route' });
  });
});
