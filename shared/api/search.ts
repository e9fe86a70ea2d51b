// GET /api/search's answer, typed once: the server builds it (server/search/search.ts) and the
// SPA's app-bar search reads it (client/src/layout/SearchBox.tsx), so a change to either side
// that the other does not follow fails the type check.

/** Shorter queries find nothing: one character would match half the records. */
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;
/** At most this many hits per resource: the box is for finding, the lists are for browsing. */
export const HITS_PER_RESOURCE = 5;

export interface SearchHit {
  resource: string;
  id: string;
  /** The record's status as people read it ("refunded", not "captured"), for its chip. */
  status?: string;
  /**
   * The record as its list returns it to this user: the SPA makes the one-line label (brand
   * names, reasons, dates, money) in the user's language and time zone.
   */
  record: Record<string, unknown>;
}

export interface SearchGroup {
  resource: string;
  /**
   * How many records of the resource match: the total of its list filtered by `q` (the same
   * list engine), so "see all N" leads to exactly N rows.
   */
  total: number;
  /** False when more match than `total` says (the list's "more than 10,000"). */
  exact: boolean;
  /** The newest few matches, newest first. */
  hits: SearchHit[];
}

export interface SearchResponse {
  /** The query as searched: trimmed. */
  q: string;
  /** True when `q` is the exact id of a record: the one group holds that record alone. */
  exactId: boolean;
  /** One group per resource with matches, in the order they are shown. */
  groups: SearchGroup[];
}
