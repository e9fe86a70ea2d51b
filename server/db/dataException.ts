// PostgreSQL's data exceptions — SQLSTATE class 22: a number out of its column's range, a value
// that does not parse as the column's type, a string too long, a division by zero. They are
// caused by a value the request sent (validation should have caught it first), so the error
// handler answers them with a 400, not a 500. Their messages quote the offending value, which may
// be anything the client typed: logs keep only the code.
export function isDataException(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** What may be logged of a data exception: its SQLSTATE, never its message (it quotes the value). */
export function dataExceptionSummary(err: { code?: unknown }): string {
  return `PostgreSQL data exception ${String(err.code)} (the value is not logged)`;
}
