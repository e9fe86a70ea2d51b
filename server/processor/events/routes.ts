// POST /api/processor/events (docs/processor.md, "Events in"): server to server. No session and
// no Origin check — the signature is the authentication — so it is mounted before those, with
// its own raw body parser (the signature covers the exact bytes; 1 MiB at most) and rate limit.
import express, { Router, type Request, type Response } from 'express';
import { SIGNATURE_HEADER, verifySignature, webhookSecrets } from '../../../shared/processorSignature.ts';
import type { AppContext } from '../../context.ts';
import { badRequest, HttpError, unauthorized } from '../../errors.ts';
import { errorHandler } from '../../http/errorHandler.ts';
import { leanRequestLog } from '../../http/leanRequestLog.ts';
import { apiResponseHeaders } from '../../http/security.ts';
import { receiveEvent } from './apply.ts';
import { parseEnvelope } from './envelope.ts';
import { tokenBucket } from './rateLimit.ts';

export const EVENTS_BODY_LIMIT = '1mb';

export function processorEventRoutes(ctx: AppContext): Router {
  const r = Router();
  const limiter = tokenBucket(ctx.config.PROCESSOR_EVENTS_PER_SECOND, ctx.config.PROCESSOR_EVENTS_PER_SECOND * 2);
  const secrets = webhookSecrets(ctx.config.PROCESSOR_WEBHOOK_SECRET);
  r.post(
    '/',
    // Mounted before the API's pino-http and headers (server/app.ts): this route's own, lighter.
    apiResponseHeaders,
    leanRequestLog(ctx.log),
    (req: Request, _res: Response, next: () => void) => {
      if (!limiter.take(req.ip ?? '', Date.now())) {
        throw new HttpError(429, 'Too many events; retry in a moment', undefined, { 'Retry-After': '1' });
      }
      next();
    },
    // Any content type: the bytes are what is signed. gzip is refused (no zip bombs).
    express.raw({ type: () => true, limit: EVENTS_BODY_LIMIT, inflate: false }),
    async (req: Request, res: Response) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const check = verifySignature(req.get(SIGNATURE_HEADER), raw, secrets, ctx.now());
      if (!check.ok) throw unauthorized(check.reason);
      const parsed = parseEnvelope(raw);
      if (!parsed.ok) throw badRequest(parsed.message);
      res.json(await receiveEvent(ctx, parsed.envelope, parsed.payload));
    },
  );
  r.use(errorHandler(ctx.log));
  return r;
}
