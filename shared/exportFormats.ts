// The formats of a list export (docs/stats-api.md): XLSX for people (major units, merchant
// names), CSV and JSON for machines (records as the API returns them). The SPA offers them in
// this order.
export const EXPORT_FORMATS = ['xlsx', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
