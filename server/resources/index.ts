// Every resource the API serves, with who may read it, the extra routes it adds and its place in
// the app-bar search. Adding a resource is one line here plus its folder (docs/adding-a-resource.md).
import type { Router } from 'express';
import type { Role } from '../../shared/enums.ts';
import type { IdKind } from '../../shared/ids.ts';
import { readersOf } from '../../shared/permissions.ts';
import type { AppContext } from '../context.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { adminGrants } from './adminGrants/definition.ts';
import { mountAdminGrantRoutes } from './adminGrants/routes.ts';
import { audit } from './audit/definition.ts';
import { balances } from './balances/definition.ts';
import { disputes } from './disputes/definition.ts';
import { events } from './events/definition.ts';
import { mountEventRoutes } from './events/routes.ts';
import { outbox } from './outbox/definition.ts';
import { mountOutboxRoutes } from './outbox/routes.ts';
import { mountDisputeRoutes } from './disputes/routes.ts';
import { intents } from './intents/definition.ts';
import { merchants } from './merchants/definition.ts';
import { mountMerchantRoutes } from './merchants/routes.ts';
import { payments } from './payments/definition.ts';
import { payouts } from './payouts/definition.ts';
import { mountPayoutRoutes } from './payouts/routes.ts';
import { plans } from './plans/definition.ts';
import { refunds } from './refunds/definition.ts';
import { mountRefundRoutes } from './refunds/routes.ts';
import { transactions } from './transactions/definition.ts';
import { users } from './users/definition.ts';
import { mountUserRoutes } from './users/routes.ts';

export interface ResourceEntry {
  def: ResourceDefinition;
  /** Who may read (list and getOne). */
  read: readonly Role[];
  /** Routes beyond reading; mounted before /:id so sub-paths win. */
  extra?: (router: Router, ctx: AppContext) => void;
  /** The id prefix of its records (shared/ids.ts): an exact id typed in the app-bar search opens the record. */
  idKind?: IdKind;
  /** Its `q` search also runs in the app-bar search; groups show in the order of this list. */
  inSearchBox?: true;
}


export const resources: ResourceEntry[] = [
  { def: payments, read: readersOf('payments'), idKind: 'payment', inSearchBox: true },
  { def: intents, read: readersOf('intents'), idKind: 'intent', inSearchBox: true },
  { def: refunds, read: readersOf('refunds'), extra: mountRefundRoutes, idKind: 'refund', inSearchBox: true },
  { def: disputes, read: readersOf('disputes'), extra: mountDisputeRoutes, idKind: 'dispute', inSearchBox: true },
  { def: payouts, read: readersOf('payouts'), extra: mountPayoutRoutes, idKind: 'payout', inSearchBox: true },
  { def: balances, read: readersOf('balances') },
  { def: transactions, read: readersOf('transactions'), idKind: 'transaction' },
  { def: merchants, read: readersOf('merchants'), extra: mountMerchantRoutes, idKind: 'merchant', inSearchBox: true },
  { def: plans, read: readersOf('plans'), idKind: 'plan', inSearchBox: true },
  { def: users, read: readersOf('users'), extra: mountUserRoutes, idKind: 'user', inSearchBox: true },
  { def: adminGrants, read: readersOf('admin_grants'), extra: mountAdminGrantRoutes },
  { def: audit, read: readersOf('audit'), idKind: 'audit' },
  { def: events, read: readersOf('events'), extra: mountEventRoutes },
  { def: outbox, read: readersOf('outbox'), extra: mountOutboxRoutes },
];

/** The definition of a resource by name (for code that reads a resource's list as the API does). */
export function definitionOf(name: string): ResourceDefinition {
  const entry = resources.find((r) => r.def.name === name);
  if (!entry) throw new Error(`No resource named "${name}"`);
  return entry.def;
}
