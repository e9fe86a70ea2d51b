// The merchant's name on every record that belongs to a merchant (`merchant_name`, computed for
// the page in one query), so a list shows who each row is for with its page instead of a second
// round trip for the names (issue #13). Merchants are few; this reads at most a page's worth.
import type { ComputedFields } from './definition.ts';

/** `merchant_name` beside a resource's own computed fields (when it has some). */
export function withMerchantName(own?: ComputedFields): ComputedFields {
  return {
    fields: [...(own?.fields ?? []), 'merchant_name'],
    async add(db, records, config) {
      await own?.add(db, records, config);
      const ids = [...new Set(records.map((r) => r.merchant_id).filter((id): id is string => typeof id === 'string'))];
      const rows: Array<{ id: string; name: string }> = ids.length ? await db('merchants').select('id', 'name').whereIn('id', ids) : [];
      const names = new Map(rows.map((r) => [r.id, r.name]));
      for (const record of records) record.merchant_name = typeof record.merchant_id === 'string' && record.merchant_id ? names.get(record.merchant_id) ?? null : null;
    },
  };
}
