// What each role may see and do in the SPA, as docs/api.md ("Roles", "Actions") grants it. The server
// enforces the same rules; this table only decides what the screens offer. authProvider.canAccess
// answers from it, and so do menus and action buttons (through react-admin's useCanAccess).
import type { Role } from '../../shared/enums.ts';

const EVERYONE: readonly Role[] = ['operator', 'support', 'admin'];
const ADMINS: readonly Role[] = ['admin'];
const DISPUTE_WORKERS: readonly Role[] = ['support', 'admin'];

/** Reading: lists, detail views and exports. */
const READERS: Record<string, readonly Role[]> = {
  users: ADMINS,
  admin_grants: ADMINS,
  audit: ADMINS,
};

/** Everything beyond reading, per resource and action name. Unlisted actions are refused. */
const ACTIONS: Record<string, Record<string, readonly Role[]>> = {
  refunds: { create: ['operator', 'admin'] },
  payments: { refund: ['operator', 'admin'] },
  payouts: { approve: ADMINS, decline: ADMINS },
  disputes: {
    edit: DISPUTE_WORKERS, assign: DISPUTE_WORKERS, note: DISPUTE_WORKERS, attach: DISPUTE_WORKERS,
    submit: DISPUTE_WORKERS, accept: DISPUTE_WORKERS,
  },
  merchants: { edit: ADMINS },
  users: { create: ADMINS, edit: ADMINS },
  admin_grants: { approve: ADMINS, reject: ADMINS },
};

const READ_ACTIONS = new Set(['list', 'show', 'export']);

export function canRead(role: Role | undefined, resource: string): boolean {
  return !!role && (READERS[resource] ?? EVERYONE).includes(role);
}

export function canDo(role: Role | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  // `resource.*` style checks from react-admin ("payments.amount" fields) count as reading.
  const base = resource.split('.')[0];
  if (READ_ACTIONS.has(action)) return canRead(role, base);
  return canRead(role, base) && (ACTIONS[base]?.[action] ?? []).includes(role);
}
