// Runs generateDemo in a worker thread and writes what it sends on this one, so generating the
// next rows (about a third of a big seed's work) overlaps with writing these: the seed uses two
// cores instead of one. Rows cross as arrays of values in batches; the worker waits when this
// side is several batches behind, so memory stays bounded.
import { Worker } from 'node:worker_threads';
import type { RowSink } from './bulkLoad.ts';
import type { DemoPlan } from './generateDemo.ts';

export interface RowBatch {
  table: string;
  columns: string[];
  rows: unknown[][];
}

export type WorkerMessage =
  | { type: 'rows'; batch: RowBatch[] }
  | { type: 'log'; message: string }
  | { type: 'done' };

// Worker threads start without the TypeScript loader this process runs under; the worker's
// first act is to register it (tsx, a dependency), then load the real entry.
const BOOTSTRAP = `
  const { workerData } = require('node:worker_threads');
  import('tsx/esm/api')
    .then(({ register }) => register(), () => {})
    .then(() => import(workerData.entry));
`;

export function generateInWorker(w: RowSink, plan: DemoPlan, log: (message: string) => void): Promise<void> {
  const inFlight = new SharedArrayBuffer(4);
  const counter = new Int32Array(inFlight);
  const entry = new URL('./seedWorker.ts', import.meta.url).href;
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { entry, plan, inFlight } });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    // One message at a time, in order: a batch may wait for the database before the next.
    let chain = Promise.resolve();
    worker.on('message', (msg: WorkerMessage) => {
      chain = chain.then(async () => {
        if (msg.type === 'rows') {
          for (const { table, columns, rows } of msg.batch) for (const values of rows) w.addValues(table, columns, values);
          await w.drain();
          Atomics.sub(counter, 0, 1);
          Atomics.notify(counter, 0);
        } else if (msg.type === 'log') {
          log(msg.message);
        } else if (!settled) {
          settled = true;
          resolve();
        }
      }).catch(fail);
    });
    worker.on('error', fail);
    // After the messages already received: 'done' may still be in the chain when the worker exits.
    worker.on('exit', (code) => {
      chain = chain.then(() => fail(new Error(`the seed worker stopped (exit code ${code}) before it was done`)));
    });
  });
}
