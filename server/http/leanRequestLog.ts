// The request log line for the busiest server-to-server route (POST /api/processor/events,
// hundreds a second): the same one line per request as pino-http writes elsewhere — reqId, method,
// url, ip, status, responseTime, "request completed" (error when 5xx) — without pino-http's
// per-request child logger and listeners. req.log, for the error handler, is made only when asked.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

export function leanRequestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const reqId = (req as Request & { id?: string }).id;
    const start = Date.now();
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', { configurable: true, get: () => (child ??= log.child({ reqId })) });
    res.once('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : 'info';
      if (!log.isLevelEnabled(level)) return;
      log[level]({
        reqId,
        req: { id: reqId, method: req.method, url: req.originalUrl, ip: req.ip },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - start,
      }, 'request completed');
    });
    next();
  };
}
