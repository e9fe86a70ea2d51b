// The shapes of `q`: each term probes one indexed column, and only when the query looks like
// what that column holds (an id or the start of one, four digits, an auth code, an email, a
// reference, a payout number, a name).
import { ID_PREFIXES, normalizeId, type IdKind } from '../../shared/ids.ts';
import type { SearchTerm } from './definition.ts';

const NO_SPACES = /^\S{2,}$/;

/**
 * The start of an id as people paste it: "py_01K", "PY_01ksj6". Only the characters ids are
 * made of, and at least one after the underscore, so "py_" alone does not list every payment.
 */
function idStart(kind: IdKind) {
  const pattern = new RegExp(`^${ID_PREFIXES[kind]}_[0-9a-z]{1,25}$`, 'i');
  return (q: string): string | null => {
    if (!pattern.test(q)) return null;
    const cut = q.indexOf('_');
    return `${q.slice(0, cut).toLowerCase()}_${q.slice(cut + 1).toUpperCase()}`;
  };
}

export const search = {
  /** An exact id, typed in any case: "py_01jx…". */
  id: (column = 'id'): SearchTerm => ({ column, match: 'exact', normalize: normalizeId }),
  /** The first characters of the resource's own ids: "py_01K". */
  idPrefix: (kind: IdKind): SearchTerm => ({ column: 'id', match: 'prefix', normalize: idStart(kind) }),
  /** Card last 4: exactly four digits. */
  last4: (column = 'card_last4'): SearchTerm => ({ column, match: 'exact', when: (q) => /^\d{4}$/.test(q) }),
  /** The issuer's authorisation code: six letters or digits, stored upper-case. */
  authCode: (column = 'auth_code'): SearchTerm => ({
    column, match: 'exact', when: (q) => /^[a-z0-9]{6}$/i.test(q), normalize: (q) => q.toUpperCase(),
  }),
  /** A number people read with a hash: "#101793" or "101793". */
  number: (column: string): SearchTerm => ({
    column, match: 'exact', when: (q) => /^#?\d{1,9}$/.test(q), normalize: (q) => q.replace(/^#/, ''),
  }),
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
  /**
   * Records of the merchants whose name holds the text ("blue harbor"): the small merchants
   * table is searched by name and the few ids it gives probe the `merchant_id` index, so the
   * big table is never scanned. Only for text with a letter in it: digits are card numbers,
   * amounts and codes.
   */
  merchantName: (column = 'merchant_id'): SearchTerm => ({
    column, match: 'contains', lookup: { table: 'merchants', column: 'name' }, when: (q) => /\p{L}/u.test(q),
  }),
};
