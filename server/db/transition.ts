// State changes are conditional UPDATEs: "move this row to X only if it is still in one of these
// states", with the affected-row count saying who won. Of two racing transitions exactly one
// matches: PostgreSQL re-checks the WHERE after a concurrent commit (READ COMMITTED), and SQLite
// runs one transaction at a time. No row locks, no read-then-write window.
import type { Knex } from 'knex';

/** True when this call moved the row; false when it was no longer in one of `from`. */
export async function transition(
  trx: Knex.Transaction,
  table: string,
  id: string,
  from: readonly string[],
  patch: Record<string, unknown>,
): Promise<boolean> {
  const updated = await trx(table).where('id', id).whereIn('status', from as string[]).update(patch);
  return updated === 1;
}
