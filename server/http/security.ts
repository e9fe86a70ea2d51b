// Request-level protections for the API: cross-origin writes refused, bodies must be JSON (or
// multipart where an upload route expects it), no NUL bytes, and responses never cached or
// rendered as a document.
import type { NextFunction, Request, Response } from 'express';
import { badRequest, forbidden, HttpError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses mutating requests a browser sent from another site (CSRF, on top of the SameSite=Strict
 * cookie). A browser's Sec-Fetch-Site is authoritative when present: only same-origin (or "none",
 * a user's own navigation) passes. Older browsers send only Origin, which must then name this
 * host (X-Forwarded-Host behind a trusted proxy). Non-browser clients send neither and pass: they
 * carry no ambient cookie to abuse.
 */
export function sameOriginWrites(req: Request, _res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const refuse = () => forbidden('Cross-origin request refused');
  const site = req.get('Sec-Fetch-Site');
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return next();
    throw refuse();
  }
  const origin = req.get('Origin');
  if (origin === undefined) return next();
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw refuse(); // includes the opaque "null" origin of sandboxed frames and file: pages
  }
  if (!host || host !== req.host?.toLowerCase()) throw refuse();
  next();
}

/**
 * The routes that take multipart/form-data uploads; every other body must be JSON. Paths are
 * relative to /api.
 */
export const MULTIPART_ROUTES: RegExp[] = [/^\/disputes\/[^/]+\/attachments\/?$/];

/** Bodies of POST/PUT/PATCH must be application/json, or multipart on an upload route. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || req.method === 'DELETE') return next();
  const length = Number(req.get('Content-Length') ?? 0);
  const hasBody = length > 0 || req.get('Transfer-Encoding') !== undefined;
  if (!hasBody) return next();
  if (req.is('application/json')) return next();
  if (req.is('multipart/form-data') && MULTIPART_ROUTES.some((r) => r.test(req.path))) return next();
  throw new HttpError(415, 'Request body must be application/json');
}

/**
 * How deep a JSON body may nest. No body this API takes goes past 3 levels; a body nested
 * thousands deep parses fine but overflows the stack of whatever walks it recursively afterwards
 * (hashing it for Idempotency-Key, validating it), which would be a 500.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * True when the JSON text nests deeper than `max`, found by one pass over its bytes (brackets
 * inside strings do not count), before anything parses it. JSON's structural characters are
 * ASCII, which never occurs inside a multi-byte UTF-8 character.
 */
export function nestsDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

export const TOO_DEEP = `Request body nests deeper than ${MAX_JSON_DEPTH} levels`;

/** express.json's `verify` hook: a body nested deeper than MAX_JSON_DEPTH is a 400. */
export function limitJsonDepth(_req: Request, _res: Response, body: Buffer): void {
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) throw badRequest(TOO_DEEP);
}

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return NUL.test(value);
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => NUL.test(k) || containsNul(v, depth + 1));
}

// In query values, JSON's escape for it too: filters are JSON, and "\u0000" parses to a NUL.
// eslint-disable-next-line no-control-regex
const NUL_IN_QUERY = /\u0000|\\u0000/i;

/**
 * NUL bytes have no business in any id, filter or text here, and PostgreSQL refuses them in text
 * (a database error, i.e. a 500): they are a 400 at the door instead. Runs after the body parser.
 * (A JSON body's "\u0000" escape is already a NUL once parsed.)
 */
export function rejectNulBytes(req: Request, _res: Response, next: NextFunction) {
  const query = Object.values(req.query ?? {}).flat().filter((v): v is string => typeof v === 'string');
  if (/%00/.test(req.originalUrl) || NUL.test(req.originalUrl) || query.some((v) => NUL_IN_QUERY.test(v)) || containsNul(req.body)) {
    throw badRequest('Request contains a NUL character');
  }
  next();
}

/**
 * API answers are personal and change with every write: never stored by a browser or proxy. And a
 * JSON answer opened directly must not run as a page: the CSP of the API forbids everything.
 */
export function apiResponseHeaders(_req: Request, res: Response, next: NextFunction) {
  res.set('Cache-Control', 'no-store');
  res.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox");
  next();
}
