// What the server counts for operators, in the Prometheus text format (prom-client): request
// durations by route pattern, processor events by what became of them, outbox deliveries and
// the outbox's backlog, plus Node's own process metrics. One registry per process, as Prometheus
// expects of a target: the functions below are what the rest of the server calls.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'kbo_' });

const httpDuration = new Histogram({
  name: 'kbo_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern (never the raw URL) and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const eventsReceived = new Counter({
  name: 'kbo_processor_events_received_total',
  help: 'Signed processor events received (duplicates included), by type',
  labelNames: ['type'] as const,
  registers: [registry],
});

const eventsOutcome = new Counter({
  name: 'kbo_processor_events_total',
  help: 'Processor events by what became of them: applied, parked, failed or duplicate',
  labelNames: ['type', 'status'] as const,
  registers: [registry],
});

const deliveryAttempts = new Counter({
  name: 'kbo_outbox_delivery_attempts_total',
  help: 'Outbox delivery attempts to the processor, by kind and outcome (delivered, retry, refused, failed)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [registry],
});

/** Set at each scrape from the database (collectBacklog). */
export const outboxItems = new Gauge({
  name: 'kbo_outbox_items',
  help: 'Outbox items waiting for delivery (pending) or for an admin (failed)',
  labelNames: ['status'] as const,
  registers: [registry],
});
export const outboxOldestAge = new Gauge({
  name: 'kbo_outbox_oldest_pending_age_seconds',
  help: 'Age of the oldest outbox item not delivered yet (0 when none is pending)',
  registers: [registry],
});

// Types come from the signed sender only (the processor's own short list), and anything not
// shaped like one is counted as "unknown", so no caller can mint time series at will.
const typeLabel = (type: string) => (/^[a-z_]{1,30}\.[a-z_]{1,30}$/.test(type) ? type : 'unknown');

export const metrics = {
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  },
  /** A signed event arrived (call once per delivery, duplicates included). */
  eventReceived(type: string): void {
    eventsReceived.inc({ type: typeLabel(type) });
  },
  /** What became of it: applied, parked, failed or duplicate (and later applied when a parked one applies). */
  eventOutcome(type: string, status: 'applied' | 'parked' | 'failed' | 'duplicate' | (string & {})): void {
    eventsOutcome.inc({ type: typeLabel(type), status });
  },
  /** One attempt to deliver an outbox item: delivered, retry (will try again), refused (4xx), failed (no attempts left). */
  deliveryAttempt(kind: string, outcome: 'delivered' | 'retry' | 'refused' | 'failed'): void {
    deliveryAttempts.inc({ kind, outcome });
  },
};
