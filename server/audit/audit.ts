// The audit trail: append-only, written in the same transaction as the change it records.
import type { Knex } from 'knex';
import type { AuditAction, AuditEntity } from '../../shared/auditActions.ts';
import { newId } from '../../shared/ids.ts';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
  at: string;
}

export async function writeAudit(trx: Knex | Knex.Transaction, e: AuditEntry): Promise<void> {
  await trx('audit').insert({
    id: newId('audit'),
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
    ip: e.ip ?? null,
    created_at: e.at,
  });
}
