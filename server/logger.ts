// The one logger: JSON lines on stdout (or a given stream, for tests). Request logs carry method,
// path, status, timing and the user id, never bodies, cookies or credentials; the redaction below is
// the second line of defence for anything logged by hand.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';
import { dataExceptionSummary, isDataException } from './db/dataException.ts';

export const REDACTED_PATHS = [
  'password', '*.password', 'current_password', '*.current_password', 'new_password', '*.new_password',
  'password_hash', '*.password_hash', 'token', '*.token', 'cookie', '*.cookie',
  'req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'headers.cookie',
  'body', '*.body',
];

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Errors keep what explains them and drop the rest: a body-parser error carries the raw request
 * body (perhaps a password), a database error the values it choked on.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  // pino hands over the Error itself; pino-http an already serialized copy of it.
  if (err === null || typeof err !== 'object') return { message: String(err) };
  const e = err as { type?: unknown; constructor?: { name?: string }; message?: unknown; stack?: unknown; code?: unknown; status?: unknown };
  const type = typeof e.type === 'string' && !(err instanceof Error) ? e.type : (e.constructor?.name ?? 'Error');
  if (isDataException(err)) {
    // Its message quotes the value the database refused, and the stack's first line repeats it.
    const frames = typeof e.stack === 'string' ? e.stack.split('\n').slice(1).join('\n') : undefined;
    return { type, message: dataExceptionSummary(e), stack: frames, code: e.code };
  }
  return {
    type, message: String(e.message ?? ''), stack: e.stack,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.status !== undefined ? { status: e.status } : {}),
  };
}
