// Who may read and do what, as docs/api.md ("Roles", "Actions") grants it — written once. The
// server guards its routes with these lists (allow(...rolesFor(…))) and the SPA decides what to
// offer with the same ones (authProvider.canAccess, menus, action buttons), so a screen never
// offers what the server refuses.
import type { Role } from './enums.ts';
import { ROLES } from './enums.ts';

export const EVERYONE: readonly Role[] = ROLES;
const ADMINS: readonly Role[] = ['admin'];
const DISPUTE_WORKERS: readonly Role[] = ['support', 'admin'];
const MONEY_MOVERS: readonly Role[] = ['operator', 'admin'];

/** Reading (lists, detail views, exports) of the resources not everyone may read. */
const READERS: Readonly<Record<string, readonly Role[]>> = {
  users: ADMINS,
  admin_grants: ADMINS,
  audit: ADMINS,
  events: ADMINS,
  outbox: ADMINS,
};

/** Everything beyond reading, per resource and action name. Unlisted actions are refused. */
export const ACTIONS = {
  refunds: { create: MONEY_MOVERS },
  payments: { refund: MONEY_MOVERS },
  payouts: { approve: ADMINS, decline: ADMINS },
  disputes: {
    edit: DISPUTE_WORKERS, assign: DISPUTE_WORKERS, note: DISPUTE_WORKERS, attach: DISPUTE_WORKERS,
    submit: DISPUTE_WORKERS, accept: DISPUTE_WORKERS, resolve: ADMINS,
  },
  merchants: { edit: ADMINS },
  users: { create: ADMINS, edit: ADMINS },
  admin_grants: { approve: ADMINS, reject: ADMINS },
  events: { retry: ADMINS },
  outbox: { retry: ADMINS },
} as const satisfies Record<string, Record<string, readonly Role[]>>;

type Actions = typeof ACTIONS;

/** The roles that may read a resource (list, show, export). */
export function readersOf(resource: string): readonly Role[] {
  return READERS[resource] ?? EVERYONE;
}

/** The roles that may perform `action` on `resource`. */
export function rolesFor<R extends keyof Actions>(resource: R, action: keyof Actions[R]): readonly Role[] {
  return ACTIONS[resource][action] as readonly Role[];
}

const READ_ACTIONS = new Set(['list', 'show', 'export']);

export function canRead(role: Role | undefined, resource: string): boolean {
  return !!role && readersOf(resource).includes(role);
}

export function canDo(role: Role | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  // `resource.*` style checks from react-admin ("payments.amount" fields) count as reading.
  const base = resource.split('.')[0];
  if (READ_ACTIONS.has(action)) return canRead(role, base);
  const byAction = (ACTIONS as Record<string, Record<string, readonly Role[]>>)[base];
  return canRead(role, base) && (byAction?.[action] ?? []).includes(role);
}
