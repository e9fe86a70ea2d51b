// Every POST action (docs/api.md, "Actions") runs through `action()`: one database transaction for the
// whole effect (state change, ledger, audit, stored response), and the Idempotency-Key rules:
//   same key + same body    → the first response again (status and body), no second effect;
//   same key + other body   → 422;
//   same key, first running → 409;
// scoped to the user and the route (method + path), kept RETENTION_MS. A refused request (4xx) is
// stored and replayed like a success; a crash or 5xx gives the key back so a retry can run.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { currentUser } from '../auth/middleware.ts';
import type { AppContext } from '../context.ts';
import { badRequest, conflict, HttpError, httpErrorBody, unprocessable } from '../errors.ts';
import { claimKey, purgeExpired, releaseKey, storeResponse, type KeyScope, type StoredResponse } from './store.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const PURGE_EVERY_MS = 60_000;

export type ActionResult = StoredResponse;
export type ActionRun = (trx: Knex.Transaction, req: Request) => Promise<ActionResult>;

export interface ActionOptions {
  /** POST /api/refunds: a request without a key is refused (400). */
  requireKey?: boolean;
}

export function action(ctx: AppContext, run: ActionRun, opts: ActionOptions = {}): RequestHandler {
  return async (req: Request, res: Response) => {
    const key = readKey(req, opts.requireKey ?? false);
    if (key === null) {
      send(res, await ctx.db.transaction((trx) => run(trx, req)));
      return;
    }
    const scope: KeyScope = { userId: currentUser(req).id, route: routeOf(req), key };
    await maybePurge(ctx);
    const claim = await claimKey(ctx.db, scope, requestHash(req), ctx.now());
    if (claim.kind === 'mismatch') {
      throw unprocessable('This Idempotency-Key was already used with a different request; use a new key for a new request');
    }
    if (claim.kind === 'running') {
      throw conflict('A request with this Idempotency-Key is still being processed; retry in a moment');
    }
    if (claim.kind === 'replay') {
      res.set(REPLAYED_HEADER, 'true');
      send(res, claim.response);
      return;
    }

    let result: ActionResult;
    try {
      result = await ctx.db.transaction(async (trx) => {
        const r = await run(trx, req);
        if (!(await storeResponse(trx, scope, claim.claimedAt, r))) {
          throw conflict('This request took too long and a retry with the same Idempotency-Key replaced it');
        }
        return r;
      });
    } catch (err) {
      if (err instanceof HttpError && err.status >= 400 && err.status < 500) {
        const stored = { status: err.status, body: httpErrorBody(err) };
        await storeResponse(ctx.db, scope, claim.claimedAt, stored).catch(() => releaseKey(ctx.db, scope, claim.claimedAt)).catch(() => {});
      } else {
        await releaseKey(ctx.db, scope, claim.claimedAt).catch((e) => req.log?.error({ err: e }, 'could not release idempotency key'));
      }
      throw err;
    }
    send(res, result);
  };
}

function readKey(req: Request, required: boolean): string | null {
  const key = req.get(IDEMPOTENCY_HEADER);
  if (key === undefined || key === '') {
    if (required) throw badRequest(`The ${IDEMPOTENCY_HEADER} header is required for this request`);
    return null;
  }
  if (!KEY_PATTERN.test(key)) throw badRequest(`${IDEMPOTENCY_HEADER} must be 1 to 255 printable ASCII characters without spaces`);
  return key;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Method + path, ids included: the same key on another payout is another request. */
function routeOf(req: Request): string {
  const path = `${req.baseUrl}${req.path}`.replace(/(.)\/+$/, '$1'); // "/api/refunds/" is "/api/refunds"
  const route = `${req.method} ${path}`;
  return route.length <= 200 ? route : `sha256:${sha256(route)}`;
}

/** The request's identity: its JSON body (keys in a stable order) and, for uploads, the file. */
export function requestHash(req: Request): string {
  const file = req.file ? { name: req.file.originalname, size: req.file.size, sha256: sha256(req.file.buffer) } : null;
  return sha256(canonicalJson({ body: req.body ?? {}, file }));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function send(res: Response, r: ActionResult) {
  res.status(r.status).json(r.body);
}

const lastPurge = new WeakMap<object, number>();

async function maybePurge(ctx: AppContext) {
  const now = ctx.now().getTime();
  const last = lastPurge.get(ctx.db);
  if (last !== undefined && now - last < PURGE_EVERY_MS && now >= last) return;
  lastPurge.set(ctx.db, now);
  await purgeExpired(ctx.db, ctx.now()).catch((err) => ctx.log.warn({ err }, 'idempotency purge failed'));
}
