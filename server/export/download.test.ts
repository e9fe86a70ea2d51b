// streamDownload waits for a slow client (backpressure) instead of buffering, and stops pulling
// rows — so stops querying — when the client hangs up.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { streamDownload } from './download.ts';

const CHUNK = 'x'.repeat(64 * 1024);

describe('streamDownload', () => {
  let server: http.Server | undefined;
  afterEach(
    () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections(); // even when a test failed before hanging up
        server.close(() => resolve());
      }),
  );

  async function serve(source: () => AsyncGenerator<string>) {
    const state = { produced: 0, finished: false, handlerDone: false };
    const app = express();
    app.get('/', async (req, res) => {
      const gen = source();
      async function* counted() {
        try {
          for await (const c of gen) {
            state.produced += 1;
            yield c;
          }
        } finally {
          state.finished = true;
        }
      }
      await streamDownload(req, res, { filename: 'x.csv', format: 'csv' }, counted());
      state.handlerDone = true;
    });
    server = app.listen(0);
    await new Promise((r) => server!.once('listening', r));
    return { state, port: (server.address() as AddressInfo).port };
  }

  it('does not run ahead of a client that is not reading, and stops when it hangs up', async () => {
    const { state, port } = await serve(async function* endless() {
      for (;;) {
        await new Promise((r) => setImmediate(r)); // like a query: lets the event loop run
        yield CHUNK;
      }
    });
    const req = http.get({ port, path: '/' });
    const res = await new Promise<http.IncomingMessage>((r) => req.once('response', r));
    expect(res.headers['content-disposition']).toBe('attachment; filename=x.csv');
    res.pause(); // a slow reader
    await new Promise((r) => setTimeout(r, 300));
    const producedWhilePaused = state.produced;
    await new Promise((r) => setTimeout(r, 300));
    expect(state.produced).toBe(producedWhilePaused); // waiting on drain, not producing
    expect(producedWhilePaused).toBeLessThan(200); // ~12 MB would mean buffering everything

    req.destroy(); // the client gives up
    for (let i = 0; i < 50 && !state.handlerDone; i++) await new Promise((r) => setTimeout(r, 20));
    expect(state.handlerDone).toBe(true);
    expect(state.finished).toBe(true); // the source was closed: no more queries
  });

  it('sends everything and ends when the source ends', async () => {
    const { state, port } = await serve(async function* three() {
      yield 'a,b\r\n';
      yield '1,2\r\n';
      yield '3,4\r\n';
    });
    const body = await new Promise<string>((resolve) => {
      http.get({ port, path: '/' }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(text));
      });
    });
    expect(body).toBe('a,b\r\n1,2\r\n3,4\r\n');
    expect(state.finished).toBe(true);
  });
});
