// createApp builds the Express app from its context and never listens: tests run it in-process,
// server/main.ts puts it on a port.
import fs from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { Router, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { processorEventRoutes } from './processor/events/routes.ts';
import { allow, requireSession } from './auth/middleware.ts';
import { requireAdminMfa } from './auth/mfa/stepUp.ts';
import { authRoutes } from './auth/routes.ts';
import type { AppContext } from './context.ts';
import { mountExport } from './export/routes.ts';
import { errorHandler } from './http/errorHandler.ts';
import { notFound } from './errors.ts';
import { openApiDocument } from './openapi/document.ts';
import { mountList } from './http/listRoutes.ts';
import { requestId } from './http/requestId.ts';
import { requestMetrics } from './http/requestMetrics.ts';
import { metricsRoutes } from './metrics/routes.ts';
import { apiResponseHeaders, limitJsonDepth, rejectNulBytes, requireJsonBody, sameOriginWrites } from './http/security.ts';
import { serializeError } from './logger.ts';
import { reportRoutes } from './reports/routes.ts';
import { resources } from './resources/index.ts';
import { searchRoutes } from './search/routes.ts';
import { savedQueryRoutes } from './savedQueries/routes.ts';
import { statsRoutes } from './stats/routes.ts';

export interface AppOptions {
  /** Folder of the built SPA; served with an index.html fallback when it exists. */
  staticDir?: string;
}

export function createApp(ctx: AppContext, opts: AppOptions = {}) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', parseTrustProxy(ctx.config.TRUST_PROXY));
  app.set('etag', false);

  // First, so every answer — API, files, /metrics, errors — has its id and is timed.
  app.use(requestId);
  app.use(requestMetrics);
  app.use(
    helmet({
      // The SPA's policy: scripts only from our own files (no inline script, no eval), nothing
      // embedded, never framed. docs/security.md lists each header and the test that pins it.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"], // MUI/emotion injects style tags at runtime
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameSrc: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use((_req: Request, res: Response, next: () => void) => {
    res.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    next();
  });

  app.use(metricsRoutes(ctx));

  const api = Router();
  // Server to server, authenticated by its signature: before the Origin check, the JSON parser
  // (it verifies the raw bytes) and the session; and before pino-http — its POST, hundreds a
  // second, writes its own request line (processorEventRoutes). Anything else falls through.
  api.use('/processor/events', processorEventRoutes(ctx));
  api.use(
    pinoHttp({
      logger: ctx.log,
      // The id requestId() gave the request, on every line req.log writes (as `reqId`).
      genReqId: (req) => (req as Request & { id: string }).id,
      quietReqLogger: true,
      // Never log cookies, credentials, headers or bodies: what was asked, by whom, and the answer.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: req.url, ip: req.raw?.ip ?? req.remoteAddress }),
        res: (res) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
      customProps: (req) => ((req as Request).user ? { userId: (req as Request).user!.id } : {}),
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );
  api.use(apiResponseHeaders);
  api.use(sameOriginWrites);
  api.use(requireJsonBody);
  // 100 kB is far above any JSON this API takes; gzip bodies are refused (no zip bombs); nesting
  // is limited before parsing (limitJsonDepth).
  api.use(express.json({ limit: '100kb', strict: true, inflate: false, verify: limitJsonDepth }));
  api.use(rejectNulBytes);
  api.use(cookieParser());

  api.get('/health', async (_req: Request, res: Response) => {
    await ctx.db.raw('select 1');
    res.json({ status: 'ok', engine: ctx.db.engine });
  });
  api.get('/openapi.json', (_req: Request, res: Response) => {
    res.json(openApiDocument());
  });
  api.use('/auth', authRoutes(ctx));

  api.use(requireSession(ctx));
  // Admins past this point have a second factor, proved by this session (docs/security.md).
  api.use(requireAdminMfa);
  api.use('/search', searchRoutes(ctx));
  api.use('/saved-queries', savedQueryRoutes(ctx));
  api.use('/stats', statsRoutes(ctx));
  api.use('/reports', reportRoutes(ctx));
  for (const { def, read, extra } of resources) {
    const router = Router();
    router.use(allow(...read));
    mountExport(router, ctx, def); // GET /export, before anything that could read it as an /:id
    extra?.(router, ctx);
    mountList(router, ctx, def);
    api.use(`/${def.name}`, router);
  }
  api.use(() => {
    throw notFound('No such API route');
  });
  api.use(errorHandler(ctx.log));
  app.use('/api', api);

  if (opts.staticDir && fs.existsSync(path.join(opts.staticDir, 'index.html'))) {
    const dir = opts.staticDir;
    app.use(express.static(dir, { index: false, maxAge: '1y', immutable: true }));
    app.get(/.*/, (_req: Request, res: Response) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(path.join(dir, 'index.html'));
    });
  }
  return app;
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // a subnet list such as "loopback, 10.0.0.0/8"
}
