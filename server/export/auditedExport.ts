// A bulk download of customer data — a list export, the reconciliation report, in any format —
// runs here: it takes an export slot (429 when the user or the process has too many running,
// exportSlots.ts), streams, and leaves one audit row `data.exported` when it ends: who, which
// resource, the filter and sort asked for, the format, how many rows were sent and whether the
// download completed. The row count is only known at the end of the stream, so the row is written
// then — also when the client hangs up or the stream fails mid-way (`complete: false`). A request
// refused before its first byte (a 4xx) sent nothing and leaves no row.
import type { Request, Response } from 'express';
import type { AuditEntity } from '../../shared/auditActions.ts';
import { writeAudit } from '../audit/audit.ts';
import { currentUser } from '../auth/middleware.ts';
import { isoNow, type AppContext } from '../context.ts';
import { takeExportSlot } from './exportSlots.ts';

export interface Tally {
  rows: number;
}

/** The batches, counting the rows that pass into the download. */
export async function* countRows<T>(batches: AsyncIterable<T[]>, tally: Tally): AsyncGenerator<T[]> {
  for await (const batch of batches) {
    tally.rows += batch.length;
    yield batch;
  }
}

export interface ExportRecord {
  /** The resource the rows come from (the reconciliation report: the ledger, `transactions`). */
  entity: AuditEntity;
  /** What was asked: resource or report, format, filter, sort. */
  detail: Record<string, unknown>;
}

export async function auditedExport(
  ctx: AppContext,
  req: Request,
  res: Response,
  what: ExportRecord,
  run: (tally: Tally) => Promise<boolean>,
): Promise<void> {
  const user = currentUser(req);
  const release = takeExportSlot(ctx, user.id);
  const tally: Tally = { rows: 0 };
  let complete = false;
  try {
    complete = await run(tally);
  } finally {
    release();
    if (res.headersSent) {
      await writeAudit(ctx.db, {
        actorId: user.id, action: 'data.exported', entity: what.entity, entityId: null,
        detail: { ...what.detail, rows: tally.rows, complete }, ip: req.ip ?? null, at: isoNow(ctx),
      }).catch((err) => req.log?.error({ err }, 'could not audit an export'));
    }
  }
}
