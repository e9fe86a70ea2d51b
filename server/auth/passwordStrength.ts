// Password strength, estimated by zxcvbn-ts in a worker thread of its own (passwordStrengthWorker.ts):
// started at the first check, kept for the life of the process (unref'd, so it never holds the
// process open), started again if it ever dies.
import { Worker } from 'node:worker_threads';

export interface Strength {
  /** zxcvbn's 0–4: under 10^3, 10^6, 10^8, 10^10 guesses, and above. */
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

export interface StrengthRequest {
  id: number;
  passwords: string[];
  userInputs: string[];
}

export type StrengthResponse = { id: number; results: Strength[] } | { id: number; error: string };

// Worker threads start without the TypeScript loader this process runs under; the worker's first
// act is to register it (tsx, a dependency), then load the real entry.
const BOOTSTRAP = `
  const { workerData } = require('node:worker_threads');
  import('tsx/esm/api')
    .then(({ register }) => register(), () => {})
    .then(() => import(workerData.entry));
`;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: Strength[]) => void; reject: (e: Error) => void }>();

function failAll(err: Error) {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function estimator(): Worker {
  if (worker) return worker;
  const entry = new URL('./passwordStrengthWorker.ts', import.meta.url).href;
  const w = new Worker(BOOTSTRAP, { eval: true, workerData: { entry } });
  w.unref();
  w.on('message', (msg: StrengthResponse) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if ('error' in msg) p.reject(new Error(`password strength: ${msg.error}`));
    else p.resolve(msg.results);
  });
  const gone = (err: Error) => {
    if (worker === w) worker = null;
    failAll(err);
  };
  w.on('error', gone);
  w.on('exit', (code) => gone(new Error(`the password strength worker stopped (exit code ${code})`)));
  worker = w;
  return w;
}

/** zxcvbn's estimate of each password, with `userInputs` as words an attacker would try first. */
export function estimateStrength(passwords: string[], userInputs: string[]): Promise<Strength[]> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const w = estimator();
    // Referenced only while an answer is awaited, so an idle estimator never keeps a process alive.
    w.ref();
    const done = () => {
      if (pending.size === 0) w.unref();
    };
    pending.set(id, {
      resolve: (r) => {
        resolve(r);
        done();
      },
      reject: (e) => {
        reject(e);
        done();
      },
    });
    w.postMessage({ id, passwords, userInputs } satisfies StrengthRequest);
  });
}
