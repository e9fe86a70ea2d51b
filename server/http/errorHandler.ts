// The one error handler: HttpErrors become their status and `{message, errors?, reason?}`; body-parser
// and multer errors keep their 4xx; PostgreSQL's data exceptions (a value the database refused)
// are a 400; anything else is logged and answered with a bare 500.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { isDataException } from '../db/dataException.ts';
import { HttpError, httpErrorBody } from '../errors.ts';

/** What body-parser and multer put on the errors they pass on (any may be missing). */
interface ClientErrorFields {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
}

export function errorHandler(log: Logger) {
  return (thrown: unknown, req: Request, res: Response, _next: NextFunction) => {
    const err: ClientErrorFields = typeof thrown === 'object' && thrown !== null ? thrown : {};
    if (thrown instanceof HttpError) {
      if (thrown.headers) res.set(thrown.headers);
      res.status(thrown.status).json(httpErrorBody(thrown));
      return;
    }
    // body-parser: malformed JSON, too large, bad charset; multer: LIMIT_FILE_SIZE etc.
    const status = typeof err.status === 'number' ? err.status : typeof err.statusCode === 'number' ? err.statusCode : 0;
    if (status >= 400 && status < 500) {
      const message =
        err.type === 'entity.parse.failed' ? 'Request body is not valid JSON'
        : err.type === 'entity.too.large' ? 'Request body is too large'
        : err.expose && typeof err.message === 'string' ? err.message
        : 'Bad request';
      res.status(status).json({ message });
      return;
    }
    // A safety net: validation gives each field its column's range and type, so this is a field
    // it missed. Logged (code only: serializeError drops the message, which quotes the value).
    if (isDataException(thrown)) {
      (req.log ?? log).warn({ err: thrown }, 'the database refused a value the request sent');
      res.status(400).json({ message: 'A value in the request is out of range or malformed' });
      return;
    }
    req.log?.error({ err: thrown }, 'unhandled error');
    if (!req.log) log.error({ err: thrown }, 'unhandled error');
    res.status(500).json({ message: 'Internal error' });
  };
}
