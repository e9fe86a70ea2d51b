// Streams a download through stream.pipeline: chunks are produced only as fast as the client
// reads (backpressure), production stops when it hangs up (the source generator is closed, so no
// more queries), and between chunks the event loop gets a turn (setImmediate), so other requests
// are served while an export runs — on SQLite every query is synchronous and a whole export would
// otherwise run as one long block (docs/stats-api.md, "How it streams").
//
// The first chunk is produced before anything is sent: an error in the first query is still the
// usual JSON error. An error after the first byte cannot be any more, so the connection is cut:
// the client sees a broken download, never a file that looks complete but is not.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Request, Response } from 'express';

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type DownloadFormat = keyof typeof CONTENT_TYPES;

export function attachmentHeaders(res: Response, filename: string, format: DownloadFormat): void {
  // Filenames are built by the server from a resource name and dates; keep them plain anyway.
  res.attachment(filename.replace(/[^A-Za-z0-9._-]/g, '_'));
  res.set('Content-Type', CONTENT_TYPES[format]); // after attachment(): ours has the charset
  res.set('X-Content-Type-Options', 'nosniff');
}

/** The source's items, with a turn of the event loop before each one after the first. */
export async function* takingTurns<T>(source: AsyncIterator<T>, first?: IteratorResult<T>): AsyncGenerator<T> {
  try {
    let next = first ?? (await source.next());
    while (!next.done) {
      yield next.value;
      await nextTurn();
      next = await source.next();
    }
  } finally {
    await source.return?.(undefined); // the client hung up (or we failed): stop querying
  }
}

/**
 * Sends the chunks as an attachment. Resolves true when the client received the whole file,
 * false when it hung up or the stream failed mid-way (logged); rejects only when nothing was sent.
 */
export async function streamDownload(
  req: Request,
  res: Response,
  opts: { filename: string; format: 'csv' | 'json' },
  chunks: AsyncGenerator<string>,
): Promise<boolean> {
  const first = await chunks.next(); // an error here is still a JSON answer
  attachmentHeaders(res, opts.filename, opts.format);
  res.status(200);
  try {
    await pipeline(Readable.from(takingTurns(chunks, first), { objectMode: false }), res);
    return true;
  } catch (err) {
    if (!res.writableEnded && (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return false; // hung up
    req.log?.error({ err }, 'download failed mid-stream');
    res.destroy();
    return false;
  }
}
