// What /api/saved-queries answers and takes (docs/api.md, "Saved queries"), written once: the
// server returns these and the SPA's saved-queries menu reads them.

/** A list's state as its URL holds it: what a saved query brings back. */
export interface SavedQueryParams {
  filter: Record<string, unknown>;
  sort?: string;
  order?: 'ASC' | 'DESC';
  perPage?: number;
  displayedFilters?: Record<string, boolean>;
}

export interface SavedQuery {
  id: string;
  /** The list it belongs to: "payments", "disputes", … */
  resource: string;
  name: string;
  params: SavedQueryParams;
  /** Visible to every user; only its owner changes or deletes it. */
  shared: boolean;
  owner_id: string;
  owner_name: string;
  /** True when the signed-in user owns it. */
  mine: boolean;
  created_at: string;
  updated_at: string;
}
