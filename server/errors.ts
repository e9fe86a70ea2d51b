// Domain and protocol errors carry their HTTP status; the one error handler turns them into
// `{ message, errors? }` JSON. Anything else is a bug and becomes a bare 500.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
    readonly headers?: Record<string, string>,
    /** A machine-readable word the SPA words for the user (e.g. why a session ended). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, errors?: Record<string, string>) => new HttpError(400, message, errors);
export const unauthorized = (message = 'Authentication required', reason?: string) => new HttpError(401, message, undefined, undefined, reason);
export const forbidden = (message = 'You do not have permission to do this') => new HttpError(403, message);
export const notFound = (message = 'Not found') => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
export const unprocessable = (message: string) => new HttpError(422, message);
