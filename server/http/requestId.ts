// Every response carries an X-Request-Id: the caller's, when it is a well-formed id (so a
// request can be followed from a proxy or a client through our logs), else a fresh UUID. It is
// req.id, which pino-http puts in every log line of the request and the outbox passes on to the
// processor (docs/processor.md).
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Letters, digits and . _ : - only, at most 128: safe in a log line and in a header. */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(req: Request, res: Response, next: NextFunction) {
  const given = req.get('X-Request-Id');
  const id = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
  (req as Request & { id: string }).id = id;
  res.set('X-Request-Id', id);
  next();
}
