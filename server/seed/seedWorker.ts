// The worker thread of generateInWorker: generates the demo rows and posts them in batches.
import { parentPort, workerData } from 'node:worker_threads';
import type { Row, RowSink } from './bulkLoad.ts';
import { generateDemo, type DemoPlan } from './generateDemo.ts';
import type { RowBatch, WorkerMessage } from './generateInWorker.ts';

const BATCH_ROWS = 4000;
const MAX_IN_FLIGHT = 4;

class PostingSink implements RowSink {
  readonly counts: Record<string, number> = {};
  private buffers = new Map<string, RowBatch>();
  private buffered = 0;

  constructor(private inFlight: Int32Array) {}

  add(table: string, row: Row) {
    const columns = this.buffers.get(table)?.columns ?? Object.keys(row);
    this.addValues(table, columns, columns.map((c) => row[c]));
  }

  addValues(table: string, columns: string[], values: unknown[]) {
    let b = this.buffers.get(table);
    if (!b) this.buffers.set(table, (b = { table, columns, rows: [] }));
    b.rows.push(values);
    this.buffered++;
    this.counts[table] = (this.counts[table] ?? 0) + 1;
  }

  async drain() {
    if (this.buffered >= BATCH_ROWS) this.post();
  }

  async flush() {
    if (this.buffered > 0) this.post();
  }

  private post() {
    // Blocks this thread (not the one writing) while the writer is several batches behind.
    for (let n = Atomics.load(this.inFlight, 0); n >= MAX_IN_FLIGHT; n = Atomics.load(this.inFlight, 0)) {
      Atomics.wait(this.inFlight, 0, n);
    }
    const batch = [...this.buffers.values()].filter((b) => b.rows.length > 0);
    for (const b of this.buffers.values()) this.buffers.set(b.table, { ...b, rows: [] });
    this.buffered = 0;
    Atomics.add(this.inFlight, 0, 1);
    send({ type: 'rows', batch });
  }
}

const send = (msg: WorkerMessage) => parentPort!.postMessage(msg);
const { plan, inFlight } = workerData as { plan: DemoPlan; inFlight: SharedArrayBuffer };
const sink = new PostingSink(new Int32Array(inFlight));
await generateDemo(sink, plan, (message) => send({ type: 'log', message }));
await sink.flush();
send({ type: 'done' });
