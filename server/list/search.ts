// The shapes of `q`: each term probes one indexed column, and only when the query looks like
// what that column holds (an id, four digits, an email, a reference, a name).
import { normalizeId } from '../../shared/ids.ts';
import type { SearchTerm } from './definition.ts';

const NO_SPACES = /^\S{2,}$/;

export const search = {
  /** An exact id, typed in any case: "py_01jx…". */
  id: (column = 'id'): SearchTerm => ({ column, match: 'exact', normalize: normalizeId }),
  /** Card last 4: exactly four digits. */
  last4: (column = 'card_last4'): SearchTerm => ({ column, match: 'exact', when: (q) => /^\d{4}$/.test(q) }),
  /** Emails are stored lower-case; any prefix matches. */
  email: (column: string): SearchTerm => ({
    column,
    match: 'prefix',
    when: (q) => NO_SPACES.test(q),
    normalize: (q) => q.toLowerCase(),
  }),
  /** References are stored upper-case; any prefix matches. */
  reference: (column = 'reference_id'): SearchTerm => ({
    column,
    match: 'prefix',
    when: (q) => NO_SPACES.test(q),
    normalize: (q) => q.toUpperCase(),
  }),
  /** Substring of a name: for small tables (merchants, plans, users) only. */
  contains: (column: string): SearchTerm => ({ column, match: 'contains' }),
};
