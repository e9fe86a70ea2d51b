// Runs a processor API operation under its Idempotency-Key, as the merchant API promises: the
// same key with the same request answers the first answer again and executes nothing; the same
// key with a different request is a 422. The key's record, the operation's effect and what it
// scheduled commit in one transaction, so an operation either happened and is on record, or
// neither. Malformed requests (400) are not recorded: fixed, they may be sent again under the
// same key. The fault knobs act here: latency and 503s before anything runs, lost answers after.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { iso, SimError, type SimContext } from '../context.ts';
import type { Operation } from './operations.ts';

const KEY = /^[\x21-\x7e]{1,255}$/;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function operationRoute<B>(
  ctx: SimContext, op: Operation<B>, params: z.ZodType<Record<string, string>> = z.object({}),
): RequestHandler {
  return async (req: Request, res: Response) => {
    await latency(ctx);
    if (ctx.faults.error_rate > 0 && ctx.random() < ctx.faults.error_rate) {
      res.status(503).json({ message: 'Service temporarily unavailable (simulated)' });
      return;
    }
    const key = req.get('Idempotency-Key');
    if (key === undefined) throw new SimError(400, 'Idempotency-Key header is required');
    if (!KEY.test(key)) throw new SimError(400, 'Idempotency-Key must be 1-255 printable ASCII characters');
    const route = `${req.method} ${req.baseUrl}${req.path}`;
    const body = req.body ?? {};
    const hash = createHash('sha256').update(`${route}\n${stableStringify(body)}`).digest('hex');
    const requestId = req.get('X-Request-Id');

    const answer = await ctx.db.transaction(async (trx) => {
      const prior = await trx('sim_operations').where('idempotency_key', key).first();
      if (prior) {
        if (prior.request_hash !== hash) {
          return { status: 422, body: { message: 'Idempotency-Key was already used with a different request' }, replayed: false };
        }
        return { status: prior.status_code as number, body: JSON.parse(prior.response), replayed: true };
      }
      const p = params.safeParse(req.params);
      if (!p.success) return { status: 400, body: { message: `Invalid path: ${describe(p.error)}` }, replayed: false };
      const b = op.body.safeParse(body);
      if (!b.success) return { status: 400, body: { message: `Invalid request: ${describe(b.error)}` }, replayed: false };
      const result = await op.run(trx, ctx, b.data, p.data);
      await trx('sim_operations').insert({
        idempotency_key: key, kind: op.kind, object_id: op.objectId(b.data, p.data), route, request_hash: hash,
        request: JSON.stringify(summarize(body)), status_code: result.status, response: JSON.stringify(result.body),
        outcome: result.outcome,
        request_id: requestId && REQUEST_ID.test(requestId) ? requestId : null, created_at: iso(ctx.now()),
      });
      return { status: result.status, body: result.body, replayed: false };
    });

    // A lost answer: the operation ran and is on record, but the caller never hears back.
    if (ctx.faults.timeout_rate > 0 && ctx.random() < ctx.faults.timeout_rate) {
      setTimeout(() => req.socket.destroy(), ctx.faults.timeout_ms).unref();
      return;
    }
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(answer.status).json(answer.body);
  };
}

async function latency(ctx: SimContext) {
  const ms = ctx.faults.latency_ms;
  if (ms > 0) await new Promise((r) => setTimeout(r, Math.round(ms / 2 + ctx.random() * ms)));
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** JSON with object keys sorted, so the same request always hashes the same. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The request as kept on record: evidence files by name, size and digest, not their bytes. */
function summarize(body: unknown): unknown {
  const files: unknown = body && typeof body === 'object' ? (body as { files?: unknown }).files : undefined;
  if (body && Array.isArray(files)) {
    return {
      ...body,
      files: files.map((file: unknown) => {
        const f = (file ?? {}) as { filename?: unknown; content_type?: unknown; sha256?: unknown; content_base64?: unknown };
        return {
          filename: f.filename, content_type: f.content_type, sha256: f.sha256,
          bytes: typeof f.content_base64 === 'string' ? Buffer.byteLength(f.content_base64, 'base64') : null,
        };
      }),
    };
  }
  return body;
}
