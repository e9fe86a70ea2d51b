// Reads one multipart file (field `file`) into memory, at most ATTACHMENT_MAX_BYTES, and turns
// multer's errors into answers the SPA can show: too large → 413, anything malformed → 400.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { AppContext } from '../../context.ts';
import { badRequest, HttpError } from '../../errors.ts';

export function evidenceUpload(ctx: AppContext): RequestHandler {
  const max = ctx.config.ATTACHMENT_MAX_BYTES;
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: max, files: 1, fields: 10, parts: 12, fieldSize: 10_000 },
    // Browsers send the filename as raw UTF-8; busboy would read it as latin1.
    defParamCharset: 'utf8',
  }).single('file');

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.is('multipart/form-data') === false) {
      throw new HttpError(415, 'Upload the file as multipart/form-data, in the field "file"');
    }
    upload(req, res, (err?: unknown) => next(err ? uploadError(err, max) : undefined));
  };
}

function uploadError(err: unknown, max: number): HttpError {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new HttpError(413, `The file is larger than the limit of ${formatBytes(max)}`);
    if (err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT') {
      return badRequest('Send exactly one file, in the form field "file"');
    }
    return badRequest(`The upload was refused: ${err.message}`);
  }
  return badRequest('The upload could not be read as multipart/form-data');
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
