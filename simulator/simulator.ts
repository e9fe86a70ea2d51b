// The simulator as one object: its storage, its HTTP server, and the background loop that makes
// new payments, runs due tasks and delivers queued events. `npm run simulator` runs it alone
// (simulator/main.ts); `npm start` runs it inside the back office's process when no real
// processor is configured; tests create it directly (simulator/testing.ts).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createSimulatorApp } from './api/app.ts';
import type { BackOfficeLookup } from './backOffice.ts';
import type { SimulatorConfig } from './config.ts';
import type { SimContext } from './context.ts';
import { deliverDue } from './events/delivery.ts';
import { faultsFromConfig } from './faults.ts';
import { Generator } from './generator.ts';
import { importWorld, type ImportCounts, type World } from './importWorld.ts';
import { runDueTasks } from './lifecycle.ts';
import { createTables, openStorage } from './storage.ts';

export interface SimulatorOptions {
  config: SimulatorConfig;
  log?: Logger;
  now?: () => number;
  random?: () => number;
  /** Where objects it never saw made are found (simulator/backOffice.ts). */
  lookup?: BackOfficeLookup;
}

/** What one pass of the background loop did. */
export interface Round {
  tasks: number;
  delivered: number;
  failed: number;
  [k: string]: number;
}

const BATCH = 200;

export class Simulator {
  readonly ctx: SimContext;
  readonly app: ReturnType<typeof createSimulatorApp>;
  private server: Server | null = null;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<Round> | null = null;
  private generator: Generator;

  private constructor(ctx: SimContext) {
    this.ctx = ctx;
    this.generator = new Generator(ctx);
    this.app = createSimulatorApp(ctx, { runDue: () => this.runDue() });
  }

  static async create(opts: SimulatorOptions): Promise<Simulator> {
    const now = opts.now ?? Date.now;
    const db = openStorage(opts.config.SIMULATOR_DATABASE_URL);
    await createTables(db);
    return new Simulator({
      db, config: opts.config, now, random: opts.random ?? Math.random,
      log: opts.log ?? pino({ level: opts.config.LOG_LEVEL, name: 'simulator' }),
      faults: faultsFromConfig(opts.config, now()), eventsUrl: opts.config.SIMULATOR_EVENTS_URL, lookup: opts.lookup,
    });
  }

  /** Listens (port 0: any free port) and answers the base URL of the processor API. */
  async listen(port = this.ctx.config.SIMULATOR_PORT, host = this.ctx.config.SIMULATOR_HOST): Promise<string> {
    const server = this.app.listen(port, host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
    this.server = server;
    return this.url!;
  }

  get url(): string | null {
    if (!this.server) return null;
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  }

  /** Starts the background loop: the generator (when on), due tasks, event delivery. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.ctx.config.SIMULATOR_TICK_MS);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.current) return;
    try {
      if (this.ctx.config.SIMULATOR_GENERATOR) await this.generator.step();
      await this.runDue();
    } catch (err) {
      this.ctx.log.error({ err }, 'simulator loop failed; trying again on the next tick');
    }
  }

  /**
   * One pass: due tasks, then due events until none is left (a full batch means more may be
   * waiting). Concurrent callers share the pass in progress.
   */
  runDue(): Promise<Round> {
    if (!this.current) {
      this.current = (async () => {
        const round: Round = { tasks: await runDueTasks(this.ctx), delivered: 0, failed: 0 };
        for (;;) {
          const r = await deliverDue(this.ctx, BATCH);
          round.delivered += r.delivered;
          round.failed += r.failed;
          if (r.due < BATCH || r.failed > 0) break;
        }
        return round;
      })().finally(() => {
        this.current = null;
      });
    }
    return this.current;
  }

  import(world: World): Promise<ImportCounts> {
    return importWorld(this.ctx, world);
  }

  set eventsUrl(url: string) {
    this.ctx.eventsUrl = url;
  }

  /** Stops the loop, lets the pass in progress finish, closes the server and the storage. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
    if (this.server) {
      const server = this.server;
      this.server = null;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await this.ctx.db.destroy();
  }
}
