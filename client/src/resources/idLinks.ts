// Where an id found anywhere (an audit entry's detail) links to: its kind's prefix comes from
// shared/ids.ts, the one list of prefixes; here only which kinds have pages in the SPA. Apart
// from the registry because the audit screens, which use it, are themselves in the registry.
import { ID_PREFIXES, type IdKind } from '../../../shared/ids.ts';

const PAGES_OF_KIND: Partial<Record<IdKind, string>> = {
  merchant: 'merchants', plan: 'plans', intent: 'intents', payment: 'payments', refund: 'refunds', dispute: 'disputes',
  payout: 'payouts', transaction: 'transactions', user: 'users',
};

const RESOURCE_OF_PREFIX = new Map<string, string>(
  (Object.entries(PAGES_OF_KIND) as [IdKind, string][]).map(([kind, resource]) => [ID_PREFIXES[kind], resource]),
);

/** The resource a record id belongs to, by its prefix (`py_…` → payments), when it has pages here. */
export const resourceOfId = (id: string): string | undefined => RESOURCE_OF_PREFIX.get(id.split('_')[0]);
