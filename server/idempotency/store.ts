// Idempotency keys in the database, so every instance sees every key. A request claims its key
// by inserting the row (the primary key user + route + key makes exactly one insert win, across
// instances); response_status NULL means "still running". The response is stored in the same
// transaction as the action's effect, so a key is either unclaimed, running, or done with both
// the effect and its response committed — never an effect without a stored response.
import type { Knex } from 'knex';

/** Keys answer with their first response for at least this long. */
export const RETENTION_MS = 24 * 3_600_000;
/**
 * A claim still running after this long belongs to a process that died mid-request (its
 * transaction rolled back, so nothing happened): a retry may take the key over.
 */
export const ABANDONED_AFTER_MS = 5 * 60_000;

export interface KeyScope {
  userId: string;
  route: string;
  key: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type Claim =
  | { kind: 'claimed'; claimedAt: string }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'running' }
  | { kind: 'mismatch' };

const TABLE = 'idempotency_keys';
const where = (s: KeyScope) => ({ user_id: s.userId, route: s.route, key: s.key });

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Claims the key for this request, or says why not. Runs outside any transaction. */
export async function claimKey(db: Knex, scope: KeyScope, requestHash: string, now: Date): Promise<Claim> {
  const at = now.toISOString();
  // A second pass happens only after removing an expired or abandoned row; a third would mean
  // another request is taking the same stale key over right now, which is "running" to us.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await db(TABLE).insert({ ...where(scope), request_hash: requestHash, response_status: null, response_body: null, created_at: at });
      return { kind: 'claimed', claimedAt: at };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const row = await db(TABLE).where(where(scope)).first();
    if (!row) continue; // released between our insert and this read
    const age = now.getTime() - Date.parse(row.created_at);
    const running = row.response_status === null;
    if (age > RETENTION_MS || (running && age > ABANDONED_AFTER_MS)) {
      await db(TABLE).where(where(scope)).andWhere('created_at', row.created_at).delete();
      continue;
    }
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (running) return { kind: 'running' };
    // A finished request stored its status and body together.
    return { kind: 'replay', response: { status: Number(row.response_status), body: JSON.parse(row.response_body!) } };
  }
  return { kind: 'running' };
}

/**
 * Stores the response of a claimed key. Inside the action's transaction for a success; on its own
 * for a refused (4xx) request. False when the claim is no longer ours (taken over as abandoned).
 */
export async function storeResponse(
  db: Knex | Knex.Transaction, scope: KeyScope, claimedAt: string, response: StoredResponse,
): Promise<boolean> {
  const updated = await db(TABLE)
    .where(where(scope))
    .andWhere('created_at', claimedAt)
    .whereNull('response_status')
    .update({ response_status: response.status, response_body: JSON.stringify(response.body ?? null) });
  return updated === 1;
}

/** Gives the key back after a failure that should not be replayed (a 5xx), so a retry runs. */
export async function releaseKey(db: Knex, scope: KeyScope, claimedAt: string): Promise<void> {
  await db(TABLE).where(where(scope)).andWhere('created_at', claimedAt).whereNull('response_status').delete();
}

/** Deletes keys past retention (and claims abandoned long ago). Cheap: served by the created_at index. */
export async function purgeExpired(db: Knex, now: Date): Promise<number> {
  return db(TABLE).where('created_at', '<', new Date(now.getTime() - RETENTION_MS).toISOString()).delete();
}
