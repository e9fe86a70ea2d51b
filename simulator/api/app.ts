// The simulator's HTTP face: the processor API the back office calls (/v1), the test and control
// API (/_sim), both behind the bearer token, and a health check.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { SimError, type SimContext } from '../context.ts';
import { controlRoutes, type ControlHooks } from './control.ts';
import { operationRoute } from './idempotent.ts';
import { acceptDispute, confirmPayout, createRefund, disputeParams, submitEvidence } from './operations.ts';

export function createSimulatorApp(ctx: SimContext, hooks: ControlHooks) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/health', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });

  app.use(bearer(ctx));
  // Dispute evidence carries its files inline (base64): far above any other body here. Parsed
  // only once the caller has shown the key.
  app.use(express.json({ limit: '64mb', strict: true }));

  const v1 = Router();
  v1.use((_req: Request, res: Response, next: NextFunction) => {
    res.set('X-Trace-Id', `trc_${randomBytes(12).toString('hex')}`);
    next();
  });
  v1.post('/refunds', operationRoute(ctx, createRefund));
  v1.post('/payouts/confirm', operationRoute(ctx, confirmPayout));
  v1.post('/disputes/:id/evidence', operationRoute(ctx, submitEvidence, disputeParams));
  v1.post('/disputes/:id/accept', operationRoute(ctx, acceptDispute, disputeParams));
  app.use('/v1', v1);
  app.use('/_sim', controlRoutes(ctx, hooks));

  app.use(() => {
    throw new SimError(404, 'No such route');
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof SimError) {
      res.status(err.status).json({ message: err.message });
      return;
    }
    // body-parser's errors say their status and type.
    const { status: given, type } = (err ?? {}) as { status?: unknown; type?: unknown };
    const status = typeof given === 'number' && given >= 400 && given < 500 ? given : 500;
    if (status === 500) ctx.log.error({ err }, 'simulator error');
    res.status(status).json({
      message: status === 500 ? 'Internal error'
        : type === 'entity.parse.failed' ? 'Request body is not valid JSON'
        : type === 'entity.too.large' ? 'Request body is too large' : 'Bad request',
    });
  });
  return app;
}

/** `Authorization: Bearer <PROCESSOR_API_KEY>`, compared in constant time. */
function bearer(ctx: SimContext) {
  const expected = digest(ctx.config.PROCESSOR_API_KEY);
  return (req: Request, _res: Response, next: NextFunction) => {
    const m = /^Bearer (.+)$/.exec(req.get('Authorization') ?? '');
    if (!m || !timingSafeEqual(digest(m[1]), expected)) throw new SimError(401, 'Missing or invalid API key');
    next();
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();
