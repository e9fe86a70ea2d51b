// GET /metrics, outside /api (where scrapers look for it) and outside the session: Prometheus
// has no login. Who may read it: with METRICS_TOKEN set, whoever sends it as a bearer token, from
// anywhere; without, only a scraper on this machine talking to the server directly (a loopback
// connection that no proxy forwarded) — volumes and error rates are not for the internet.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { errorHandler } from '../http/errorHandler.ts';
import { outboxItems, outboxOldestAge, registry } from './metrics.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const FORWARDED = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

export function metricsRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/metrics', async (req: Request, res: Response) => {
    allowed(ctx, req);
    await collectBacklog(ctx);
    res.set('Content-Type', registry.contentType);
    res.set('Cache-Control', 'no-store');
    res.send(await registry.metrics());
  });
  r.use('/metrics', errorHandler(ctx.log)); // outside /api: refusals still answer JSON {message}
  return r;
}

function allowed(ctx: AppContext, req: Request) {
  const token = ctx.config.METRICS_TOKEN;
  if (token) {
    const m = /^Bearer (.+)$/.exec(req.get('Authorization') ?? '');
    if (!m || !timingSafeEqual(digest(m[1]), digest(token))) throw unauthorized('Metrics need Authorization: Bearer <METRICS_TOKEN>');
    return;
  }
  const direct = !FORWARDED.some((h) => req.headers[h] !== undefined);
  if (!direct || !LOOPBACK.test(req.socket.remoteAddress ?? '')) {
    throw forbidden('Metrics are served to this machine only; set METRICS_TOKEN to read them from elsewhere');
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

let outboxTable: boolean | undefined;

/** The outbox's backlog, read at each scrape: two indexed queries on the rows still open. */
async function collectBacklog(ctx: AppContext) {
  outboxTable ??= await ctx.db.schema.hasTable('outbox');
  if (!outboxTable) return;
  const counts = await ctx.db('outbox').whereIn('status', ['pending', 'failed']).groupBy('status').select('status').count({ n: '*' });
  for (const status of ['pending', 'failed']) {
    outboxItems.set({ status }, Number(counts.find((c) => c.status === status)?.n ?? 0));
  }
  const oldest = await ctx.db('outbox').where('status', 'pending').min({ at: 'created_at' }).first();
  outboxOldestAge.set(oldest?.at ? Math.max(0, (ctx.now().getTime() - Date.parse(oldest.at)) / 1000) : 0);
}
