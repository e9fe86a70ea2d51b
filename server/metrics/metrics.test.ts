// GET /metrics: the Prometheus text format, request durations under route patterns (never raw
// URLs, error paths included), the counters the processor code calls, and who may read it.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { makePayout } from '../test/moneyFixtures.ts';
import { metrics } from './metrics.ts';

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { payments: 50 });
  });
  afterAll(() => t.drop());
  const scrape = async () => {
    const res = await request(t.app).get('/metrics');
    expect(res.status).toBe(200);
    return res.text;
  };

  it('When scraped, then it answers the Prometheus text format with process metrics', async () => {
    const res = await request(t.app).get('/metrics');
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^# HELP kbo_process_cpu_seconds_total /m);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('When requests are answered, then their durations are recorded by route pattern, never by raw URL', async () => {
    const admin = await t.agent('admin');
    const declined = await makePayout(t, { status: 'declined' });
    expect((await admin.post(`/api/payouts/${declined}/approve`).send({})).status).toBe(409); // an error path
    expect((await admin.get(`/api/payouts/${declined}`)).status).toBe(200);
    expect((await admin.get('/api/payouts?range=[0,4]')).status).toBe(200);
    expect((await admin.get('/api/no/such/route')).status).toBe(404);
    const text = await scrape();
    const series = (route: string, status: number) =>
      new RegExp(`^kbo_http_request_duration_seconds_count\\{method="[A-Z]+",route="${route.replace(/[/:]/g, (c) => `\\${c}`)}",status_code="${status}"\\} \\d+`, 'm');
    expect(text).toMatch(series('/api/payouts/:id/approve', 409));
    expect(text).toMatch(series('/api/payouts/:id', 200));
    expect(text).toMatch(series('/api/payouts', 200));
    expect(text).toMatch(series('unmatched', 404));
    expect(text).not.toContain(declined);
  });

  it('When the processor code counts events and deliveries, then the counters show them', async () => {
    metrics.eventReceived('payment.captured');
    metrics.eventOutcome('payment.captured', 'applied');
    metrics.eventReceived('not a type{"x"}');
    metrics.deliveryAttempt('refund.create', 'retry');
    const text = await scrape();
    expect(text).toMatch(/^kbo_processor_events_received_total\{type="payment\.captured"\} [1-9]/m);
    expect(text).toMatch(/^kbo_processor_events_received_total\{type="unknown"\} [1-9]/m);
    expect(text).toMatch(/^kbo_processor_events_total\{type="payment\.captured",status="applied"\} [1-9]/m);
    expect(text).toMatch(/^kbo_outbox_delivery_attempts_total\{kind="refund\.create",outcome="retry"\} [1-9]/m);
  });

  it('When METRICS_TOKEN is unset, then only a direct caller on this machine may read it', async () => {
    for (const [header, value] of [['X-Forwarded-For', '203.0.113.9'], ['Forwarded', 'for=203.0.113.9'], ['X-Real-IP', '203.0.113.9']]) {
      const res = await request(t.app).get('/metrics').set(header, value);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/set METRICS_TOKEN/);
    }
  });

  it('When METRICS_TOKEN is set, then the bearer token is needed, from anywhere', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const app = createApp({ ...t.ctx, config: { ...t.ctx.config, METRICS_TOKEN: token } });
    expect((await request(app).get('/metrics')).status).toBe(401);
    expect((await request(app).get('/metrics').set('Authorization', `Bearer ${token}x`)).status).toBe(401);
    const ok = await request(app).get('/metrics').set('Authorization', `Bearer ${token}`).set('X-Forwarded-For', '203.0.113.9');
    expect(ok.status).toBe(200);
  });
});
