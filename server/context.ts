// What every part of the server is given: the database, the configuration, a clock (so tests
// can move time) and the logger. Nothing reaches for globals.
import type { Logger } from 'pino';
import type { ScryptCost } from './auth/password.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';

export interface AppContext {
  db: Db;
  config: Config;
  now: () => Date;
  log: Logger;
  /** Hashing cost for passwords set through the app; OWASP_COST unless a test lowers it. */
  passwordCost?: ScryptCost;
}

export const isoNow = (ctx: Pick<AppContext, 'now'>): string => ctx.now().toISOString();
