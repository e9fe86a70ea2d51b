// The one error handler: HttpErrors become their status and `{message, errors?, reason?}`; body-parser
// and multer errors keep their 4xx; PostgreSQL's data exceptions (a value the database refused)
// are a 400; anything else is logged and answered with a bare 500.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { isDataException } from '../db/dataException.ts';
import { HttpError } from '../errors.ts';

export function errorHandler(log: Logger) {
  return (err: any, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) {
      if (err.headers) res.set(err.headers);
      res.status(err.status).json({
        message: err.message, ...(err.errors ? { errors: err.errors } : {}), ...(err.reason ? { reason: err.reason } : {}),
      });
      return;
    }
    // body-parser: malformed JSON, too large, bad charset; multer: LIMIT_FILE_SIZE etc.
    const status = typeof err?.status === 'number' ? err.status : typeof err?.statusCode === 'number' ? err.statusCode : 0;
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
    if (isDataException(err)) {
      (req.log ?? log).warn({ err }, 'the database refused a value the request sent');
      res.status(400).json({ message: 'A value in the request is out of range or malformed' });
      return;
    }
    req.log?.error({ err }, 'unhandled error');
    if (!req.log) log.error({ err }, 'unhandled error');
    res.status(500).json({ message: 'Internal error' });
  };
}
