// Claiming due outbox items with a lease (docs/processor.md, "Actions out"). A claim sets
// `leased_until` and counts the attempt; until the lease ends no other worker takes the item, and
// when a worker dies holding it, the next claim after the lease picks it up again. The lease's
// own value is the claim's token: finishing an item is a conditional update on it, so a worker
// whose lease ran out (and whose item another worker took) changes nothing.
//
// PostgreSQL: several instances claim at once with `FOR UPDATE SKIP LOCKED`, so each row goes to
// exactly one of them and none waits for another. SQLite: one writer at a time; the claim is a
// conditional update per row inside one transaction, which is also safe if a second process
// ever shares the file.
import type { Db } from '../db/connect.ts';
import type { OutboxRow } from './requests.ts';

export interface Claimed extends OutboxRow {
  /** The lease this claim holds: the token that finishing the item checks. */
  leased_until: string;
}

export async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<Claimed[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  if (db.engine === 'pg') {
    const { rows } = await db.raw(
      `update outbox set leased_until = ?, attempts = attempts + 1
        where id in (select id from outbox
                      where status = 'pending' and next_attempt_at <= ? and (leased_until is null or leased_until <= ?)
                      order by next_attempt_at limit ? for update skip locked)
        returning id, kind, object_id, payload, attempts, request_id, leased_until`,
      [until, at, at, limit],
    );
    return rows.map(normalize);
  }
  return db.transaction(async (trx) => {
    const due = await trx('outbox').where('status', 'pending').andWhere('next_attempt_at', '<=', at)
      .andWhere((q) => q.whereNull('leased_until').orWhere('leased_until', '<=', at))
      .orderBy('next_attempt_at').limit(limit).select('id');
    const claimed: Claimed[] = [];
    for (const { id } of due) {
      const won = await trx('outbox').where({ id, status: 'pending' })
        .andWhere((q) => q.whereNull('leased_until').orWhere('leased_until', '<=', at))
        .update({ leased_until: until, attempts: trx.raw('attempts + 1') });
      // Just leased by this claim: the row is there and its leased_until set.
      if (won === 1) claimed.push(normalize((await trx('outbox').where('id', id).first('id', 'kind', 'object_id', 'payload', 'attempts', 'request_id', 'leased_until')) as Claimed));
    }
    return claimed;
  });
}

const normalize = (r: Claimed): Claimed => ({ ...r, attempts: Number(r.attempts) });
