// Streams a download: headers, then chunks as they are produced, waiting for the client to
// drain when its buffer is full (backpressure), stopping when it hangs up. An error after the
// first byte cannot become a JSON error any more, so the connection is cut instead: the client
// sees a broken download, never a file that looks complete but is not.
import type { Request, Response } from 'express';

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function attachmentHeaders(res: Response, filename: string, format: keyof typeof CONTENT_TYPES): void {
  // Filenames are built by the server from a resource name and dates; keep them plain anyway.
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  res.set('Content-Type', CONTENT_TYPES[format]);
  res.set('Content-Disposition', `attachment; filename="${safe}"`);
  res.set('X-Content-Type-Options', 'nosniff');
}

/** Writes a chunk; resolves false when the client has gone away instead of draining. */
export function writeChunk(res: Response, chunk: string | Buffer): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

export async function streamDownload(
  req: Request,
  res: Response,
  opts: { filename: string; format: 'csv' | 'json' },
  chunks: AsyncGenerator<string>,
): Promise<void> {
  attachmentHeaders(res, opts.filename, opts.format);
  res.status(200);
  try {
    for await (const chunk of chunks) {
      if (!(await writeChunk(res, chunk))) {
        await chunks.return(undefined); // client gone: stop querying
        return;
      }
    }
    res.end();
  } catch (err) {
    if (!res.headersSent) {
      // Nothing sent yet: let the error handler answer with JSON as usual.
      res.removeHeader('Content-Disposition');
      res.removeHeader('Content-Type');
      throw err;
    }
    req.log?.error({ err }, 'download failed mid-stream');
    res.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}
