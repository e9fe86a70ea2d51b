// The databases the benchmark runs on: a SQLite file and a PostgreSQL database of its own,
// seeded by `npm run db:seed` exactly as a user would (timed), or reused when they already hold
// the number of payments asked for.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import knex from 'knex';
import { connect, type Db, type Engine } from '../server/db/connect.ts';

export interface BenchTarget {
  engine: Engine;
  url: string;
}

export interface SeedReport {
  /** Wall-clock seconds of `npm run db:seed`, or null when an existing database was reused. */
  seconds: number | null;
  /** The seed's own log (phases and their times). */
  log: string[];
}

const SQLITE_FILES = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

function pgAdmin(url: string) {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`benchmark database name must be a plain identifier, not "${name}"`);
  admin.pathname = '/postgres';
  return { name, admin: knex({ client: 'pg', connection: admin.toString(), pool: { min: 0, max: 1 } }) };
}

/** How many payments the database holds, or null when it does not exist or is not migrated. */
export async function paymentCount(target: BenchTarget): Promise<number | null> {
  if (target.engine === 'sqlite' && !fs.existsSync(target.url.slice('sqlite:'.length))) return null;
  if (target.engine === 'pg') {
    const { name, admin } = pgAdmin(target.url);
    try {
      const { rows } = await admin.raw('select 1 from pg_database where datname = ?', [name]);
      if (rows.length === 0) return null;
    } finally {
      await admin.destroy();
    }
  }
  const db = connect(target.url, { poolMax: 1 });
  try {
    const [{ n }] = await db('payments').count({ n: '*' });
    return Number(n);
  } catch {
    return null;
  } finally {
    await db.destroy();
  }
}

/** Removes the benchmark database (file or PostgreSQL database). */
export async function dropDatabase(target: BenchTarget): Promise<void> {
  if (target.engine === 'sqlite') {
    for (const f of SQLITE_FILES(target.url.slice('sqlite:'.length))) fs.rmSync(f, { force: true });
    return;
  }
  const { name, admin } = pgAdmin(target.url);
  try {
    await admin.raw(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.destroy();
  }
}

async function createDatabase(target: BenchTarget): Promise<void> {
  if (target.engine === 'sqlite') {
    fs.mkdirSync(path.dirname(path.resolve(target.url.slice('sqlite:'.length))), { recursive: true });
    return;
  }
  const { name, admin } = pgAdmin(target.url);
  try {
    await admin.raw(`create database ${name}`);
  } finally {
    await admin.destroy();
  }
}

/** A fresh database seeded with `payments` payments by `npm run db:seed`, timed. */
export async function seedFresh(target: BenchTarget, payments: number, echo: (line: string) => void): Promise<SeedReport> {
  await dropDatabase(target);
  await createDatabase(target);
  const log: string[] = [];
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/seed.ts', '--payments', String(payments)], {
      env: { ...process.env, DATABASE_URL: target.url, DEMO_SEED: 'true', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        log.push(line);
        echo(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`db:seed exited with ${code}`))));
  });
  return { seconds: (Date.now() - started) / 1000, log };
}

export function openBench(target: BenchTarget): Db {
  return connect(target.url, { poolMax: 4 });
}
