// Every resource the API serves, with who may read it and the extra routes it adds. Adding a
// resource is one line here plus its folder.
import type { Router } from 'express';
import type { Role } from '../../shared/enums.ts';
import type { AppContext } from '../context.ts';
import type { ResourceDefinition } from '../list/definition.ts';
import { adminGrants } from './adminGrants/definition.ts';
import { mountAdminGrantRoutes } from './adminGrants/routes.ts';
import { audit } from './audit/definition.ts';
import { balances } from './balances/definition.ts';
import { disputes } from './disputes/definition.ts';
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
  read: Role[];
  /** Routes beyond reading; mounted before /:id so sub-paths win. */
  extra?: (router: Router, ctx: AppContext) => void;
}

const everyone: Role[] = ['operator', 'support', 'admin'];
const admins: Role[] = ['admin'];

export const resources: ResourceEntry[] = [
  { def: merchants, read: everyone, extra: mountMerchantRoutes },
  { def: plans, read: everyone },
  { def: intents, read: everyone },
  { def: payments, read: everyone },
  { def: refunds, read: everyone, extra: mountRefundRoutes },
  { def: disputes, read: everyone, extra: mountDisputeRoutes },
  { def: payouts, read: everyone, extra: mountPayoutRoutes },
  { def: balances, read: everyone },
  { def: transactions, read: everyone },
  { def: users, read: admins, extra: mountUserRoutes },
  { def: adminGrants, read: admins, extra: mountAdminGrantRoutes },
  { def: audit, read: admins },
];

/** The definition of a resource by name (for code that reads a resource's list as the API does). */
export function definitionOf(name: string): ResourceDefinition {
  const entry = resources.find((r) => r.def.name === name);
  if (!entry) throw new Error(`No resource named "${name}"`);
  return entry.def;
}
