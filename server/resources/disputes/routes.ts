// Dispute work (docs/api.md, "Actions"): PUT /:id (assignee, response text), POST /:id/submit, /accept,
// /resolve (admins record the network's outcome), notes, and evidence attachments. Reading is
// for every role (the resource's read rule); writing for support and admins.
import { finished } from 'node:stream/promises';
import type { Request, Response, Router } from 'express';
import { ACTIONS, rolesFor } from '../../../shared/permissions.ts';
import { allow } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { contentRange } from '../../http/listRoutes.ts';
import { parseBody } from '../../http/validate.ts';
import { action, type ActionRun } from '../../idempotency/action.ts';
import { oneWithComputed } from '../../list/computed.ts';
import { fetchOne } from '../../list/listQuery.ts';
import { actorOf } from '../actor.ts';
import { listAssignees } from './assignees.ts';
import { addAttachment, attachmentContent, auditEvidenceDownload, deleteAttachment, listAttachments } from './attachments.ts';
import { disputes } from './definition.ts';
import { contentDisposition } from './evidenceFile.ts';
import { addNote, listNotes, NoteCreate } from './notes.ts';
import { DisputeResolve, resolveDispute } from './outcomes.ts';
import { acceptDispute, DisputeUpdate, submitDispute, updateDispute } from './service.ts';
import { evidenceUpload } from './upload.ts';

export function mountDisputeRoutes(router: Router, ctx: AppContext): void {
  const may = (action: keyof typeof ACTIONS.disputes) => allow(...rolesFor('disputes', action));
  const id = (req: Request) => String(req.params.id);
  /** An action on the dispute that answers with the whole dispute record. */
  const onDispute = (change: ActionRun): ActionRun => async (trx, req) => {
    await change(trx, req);
    return { status: 200, body: await oneWithComputed(trx, disputes, ctx.config, await fetchOne(trx, disputes, id(req))) };
  };

  // Before /:id: "assignees" is not a dispute id.
  router.get('/assignees', may('assign'), async (_req: Request, res: Response) => {
    sendAll(res, 'assignees', await listAssignees(ctx.db));
  });

  router.put('/:id', may('edit'), async (req: Request, res: Response) => {
    const changes = parseBody(DisputeUpdate, req.body);
    const record = await ctx.db.transaction(async (trx) => {
      await updateDispute(trx, id(req), changes, actorOf(ctx, req));
      return oneWithComputed(trx, disputes, ctx.config, await fetchOne(trx, disputes, id(req)));
    });
    res.json(record);
  });

  router.post('/:id/submit', may('submit'), action(ctx, onDispute(async (trx, req) => {
    await submitDispute(trx, id(req), actorOf(ctx, req));
    return { status: 200, body: null };
  })));

  router.post('/:id/accept', may('accept'), action(ctx, onDispute(async (trx, req) => {
    await acceptDispute(trx, id(req), actorOf(ctx, req));
    return { status: 200, body: null };
  })));

  router.post('/:id/resolve', may('resolve'), action(ctx, onDispute(async (trx, req) => {
    const { outcome } = parseBody(DisputeResolve, req.body);
    await resolveDispute(trx, id(req), outcome, actorOf(ctx, req));
    return { status: 200, body: null };
  })));

  router.get('/:id/notes', async (req: Request, res: Response) => {
    sendAll(res, 'notes', await listNotes(ctx.db, id(req)));
  });

  router.post('/:id/notes', may('note'), action(ctx, async (trx, req) => {
    const { body } = parseBody(NoteCreate, req.body);
    return { status: 201, body: await addNote(trx, id(req), body, actorOf(ctx, req)) };
  }));

  router.get('/:id/attachments', async (req: Request, res: Response) => {
    sendAll(res, 'attachments', await listAttachments(ctx.db, id(req)));
  });

  router.post('/:id/attachments', may('attach'), evidenceUpload(ctx), action(ctx, async (trx, req) => ({
    status: 201, body: await addAttachment(trx, id(req), req.file, actorOf(ctx, req)),
  })));

  router.get('/:id/attachments/:attachmentId', async (req: Request, res: Response) => {
    const actor = actorOf(ctx, req);
    const file = await attachmentContent(ctx.db, id(req), String(req.params.attachmentId));
    res.set({
      'Content-Type': file.contentType,
      'Content-Length': String(file.content.length),
      'Content-Disposition': contentDisposition(file.filename),
      'X-Content-Type-Options': 'nosniff',
      // Opened directly, a file can run nothing and reach nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    res.end(file.content);
    // Evidence is customer data leaving: audited once the download ends, completed or not.
    const complete = await finished(res).then(() => res.writableFinished, () => false);
    await auditEvidenceDownload(ctx.db, id(req), file, complete, actor)
      .catch((err) => req.log?.error({ err }, 'could not audit an evidence download'));
  });

  router.delete('/:id/attachments/:attachmentId', may('attach'), async (req: Request, res: Response) => {
    const deleted = await ctx.db.transaction((trx) =>
      deleteAttachment(trx, id(req), String(req.params.attachmentId), actorOf(ctx, req)));
    res.json(deleted);
  });
}

/** A nested collection, whole, with the list protocol's headers. */
function sendAll(res: Response, name: string, rows: unknown[]) {
  res.set('Content-Range', contentRange(name, 0, rows.length, rows.length));
  res.set('X-Total-Count', String(rows.length));
  res.json(rows);
}
