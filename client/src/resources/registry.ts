// Every resource of the SPA, once, in menu order: App mounts a <Resource> for each, the menu
// groups them, and the component tests' renderer defines them. Adding a resource to the SPA is
// its folder (an index.ts with its lazy views) plus one line here — docs/adding-a-resource.md.
import type { ResourceProps } from 'react-admin';
import audit from './audit/index.ts';
import balances from './balances/index.ts';
import disputes from './disputes/index.ts';
import events from './events/index.ts';
import intents from './intents/index.ts';
import merchants from './merchants/index.ts';
import outbox from './outbox/index.ts';
import payments from './payments/index.ts';
import payouts from './payouts/index.ts';
import plans from './plans/index.ts';
import refunds from './refunds/index.ts';
import transactions from './transactions/index.ts';
import users from './users/index.ts';

/** The menu's groups, in order: how the work is organised, not the table names. */
export const MENU_GROUPS = ['payments', 'disputes', 'money_out', 'merchants', 'admin'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface ResourceEntry {
  name: string;
  group: MenuGroup;
  views: Omit<ResourceProps, 'name'>;
}

export const RESOURCES: readonly ResourceEntry[] = [
  { name: 'payments', group: 'payments', views: payments },
  { name: 'intents', group: 'payments', views: intents },
  { name: 'refunds', group: 'payments', views: refunds },
  { name: 'disputes', group: 'disputes', views: disputes },
  { name: 'payouts', group: 'money_out', views: payouts },
  { name: 'balances', group: 'money_out', views: balances },
  { name: 'transactions', group: 'money_out', views: transactions },
  { name: 'merchants', group: 'merchants', views: merchants },
  { name: 'plans', group: 'merchants', views: plans },
  { name: 'users', group: 'admin', views: users },
  { name: 'audit', group: 'admin', views: audit },
  { name: 'events', group: 'admin', views: events },
  { name: 'outbox', group: 'admin', views: outbox },
];
