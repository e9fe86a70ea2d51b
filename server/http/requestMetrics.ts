// Times every request and records it under its route pattern ("/api/payouts/:id/approve"),
// never the raw URL, so the number of time series stays the number of routes.
import type { NextFunction, Request, Response } from 'express';
import { metrics } from '../metrics/metrics.ts';

export function requestMetrics(req: Request, res: Response, next: NextFunction) {
  const start = process.hrtime.bigint();
  res.once('finish', () => {
    metrics.observeRequest(req.method, routeOf(req), res.statusCode, Number(process.hrtime.bigint() - start) / 1e9);
  });
  next();
}

/**
 * The pattern of the route that answered. Express leaves `req.route` (the last route matched)
 * but `req.baseUrl` may already be unwound when an error travelled back up the routers; every
 * mount path here is literal, so the URL's leading segments, minus as many as the route's own
 * pattern has, are the mount path.
 */
export function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (!route || typeof route.path !== 'string') {
    if (route) return 'spa'; // the SPA's catch-all (a regular expression)
    return req.originalUrl.startsWith('/api/') || req.originalUrl === '/api' ? 'unmatched' : 'static';
  }
  const urlSegments = (req.originalUrl.split('?')[0] ?? '').split('/').filter(Boolean);
  const routeSegments = route.path.split('/').filter(Boolean);
  const mount = urlSegments.slice(0, Math.max(0, urlSegments.length - routeSegments.length));
  return `/${[...mount, ...routeSegments].join('/')}`;
}
