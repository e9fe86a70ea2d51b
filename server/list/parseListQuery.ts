// Parses and validates the ra-data-simple-rest list protocol (`sort`, `range`, `filter`, and the
// `Range` header) against a resource definition. Anything unknown or malformed is a 400 naming
// the problem: a filter is never silently ignored.
import { DAY_MS } from '../../shared/days.ts';
import { badRequest } from '../errors.ts';
import type { FieldSpec, ResourceDefinition } from './definition.ts';

export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 25;

export type Operator = 'eq' | 'in' | 'null' | 'neq' | 'gte' | 'lte' | 'gt' | 'lt';
const SUFFIXES: Record<string, Operator> = { _gte: 'gte', _lte: 'lte', _gt: 'gt', _lt: 'lt', _neq: 'neq' };
const ORDERED_TYPES = new Set(['integer', 'datetime', 'date', 'id']);

export interface FilterCondition {
  field: string;
  column: string;
  op: Operator;
  value: unknown;
}

export interface ListQuery {
  sort: { field: string; column: string; order: 'ASC' | 'DESC' };
  range: { start: number; end: number };
  conditions: FilterCondition[];
  q?: string;
}

type RawQuery = Record<string, unknown>;

function parseJsonParam(name: string, raw: unknown): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw badRequest(`"${name}" must be given once, as JSON`);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`"${name}" is not valid JSON`);
  }
}

function parseSort(def: ResourceDefinition, raw: unknown): ListQuery['sort'] {
  const fallback = def.defaultSort ?? { field: 'created_at', order: 'DESC' as const };
  const value = parseJsonParam('sort', raw);
  if (value === undefined) {
    return { ...fallback, column: def.fields[fallback.field]?.column ?? fallback.field };
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw badRequest('"sort" must be ["field","ASC"|"DESC"]');
  }
  const [field, order] = value as [string, string];
  const spec = def.fields[field];
  if (!spec?.sort) {
    const sortable = Object.keys(def.fields).filter((f) => def.fields[f].sort);
    throw badRequest(`Cannot sort ${def.name} by "${field}"; sortable fields: ${sortable.join(', ')}`);
  }
  if (order !== 'ASC' && order !== 'DESC') throw badRequest(`Sort order must be ASC or DESC, not "${order}"`);
  return { field, column: spec.column ?? field, order };
}

function parseRangeHeader(header: string | undefined): [number, number] | undefined {
  if (!header) return undefined;
  const m = /^[a-z_]+=(\d+)-(\d+)$/i.exec(header.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function parseRange(raw: unknown, header: string | undefined, minSize: number): ListQuery['range'] {
  const value = parseJsonParam('range', raw) ?? parseRangeHeader(header);
  if (value === undefined) return { start: 0, end: Math.max(DEFAULT_PAGE_SIZE, minSize) - 1 };
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    value[1] < value[0]
  ) {
    throw badRequest('"range" must be [start, end]: whole numbers, 0 ≤ start ≤ end');
  }
  const [start, end] = value as [number, number];
  if (end - start + 1 > MAX_PAGE_SIZE) throw badRequest(`A page holds at most ${MAX_PAGE_SIZE} records`);
  return { start, end };
}

/** Coerces one filter value to the field's type, or throws a 400 naming field and problem. */
export function coerceValue(key: string, spec: FieldSpec, value: unknown): unknown {
  const fail = (what: string): never => {
    throw badRequest(`Filter "${key}" ${what}`, { [key]: what });
  };
  switch (spec.type) {
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) fail('must be a whole number (amounts are in minor units)');
      const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = spec;
      if ((n as number) < min || (n as number) > max) fail(`must be between ${min} and ${max}`);
      if (spec.nonNegative && (n as number) < 0) fail('must not be negative');
      return n;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail('must be true or false');
      return value;
    case 'enum':
      if (typeof value !== 'string' || !spec.values!.includes(value)) {
        fail(`must be one of: ${spec.values!.join(', ')}`);
      }
      return value;
    case 'currency':
      if (typeof value !== 'string' || !/^[A-Za-z]{3}$/.test(value)) fail('must be a 3-letter currency code');
      return (value as string).toUpperCase();
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        fail('must be a date YYYY-MM-DD');
      }
      return value;
    case 'datetime':
      return coerceDatetime(value, fail);
    case 'id':
    case 'string':
      if (typeof value !== 'string' || value.length > 500) fail('must be a string');
      if (spec.format && !spec.format.pattern.test(value as string)) fail(spec.format.message);
      return value;
  }
}

function coerceDatetime(value: unknown, fail: (what: string) => never): string {
  if (typeof value !== 'string') return fail('must be an ISO 8601 date or time');
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const isoLike = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const ms = dateOnly ? Date.parse(`${value}T00:00:00.000Z`) : Date.parse(value);
  if ((!dateOnly && !isoLike) || Number.isNaN(ms)) return fail('must be an ISO 8601 date or time');
  return new Date(ms).toISOString();
}

/**
 * A bare date on a datetime field means the whole day in UTC, so `created_at_lte: "2026-11-21"`
 * includes everything on the 21st, as a user expects: "≤ day" becomes "< next day" and
 * "> day" becomes "≥ next day".
 */
function wholeDay(op: Operator, value: string): { op: Operator; value: string } {
  const next = new Date(Date.parse(value) + DAY_MS).toISOString();
  if (op === 'lte') return { op: 'lt', value: next };
  if (op === 'gt') return { op: 'gte', value: next };
  return { op, value };
}

function parseCondition(def: ResourceDefinition, key: string, value: unknown): FilterCondition {
  let field = key;
  let op: Operator = 'eq';
  let spec = def.fields[key];
  if (!spec) {
    const suffix = Object.keys(SUFFIXES).find((s) => key.endsWith(s) && def.fields[key.slice(0, -s.length)]);
    if (suffix) {
      field = key.slice(0, -suffix.length);
      op = SUFFIXES[suffix];
      spec = def.fields[field];
    }
  }
  if (!spec?.filter) {
    const filterable = Object.keys(def.fields).filter((f) => def.fields[f].filter);
    throw badRequest(`Unknown filter "${key}" for ${def.name}; filterable fields: ${filterable.join(', ')}`, {
      [key]: 'unknown filter',
    });
  }
  const column = spec.column ?? field;
  if (op !== 'eq' && op !== 'neq' && !ORDERED_TYPES.has(spec.type)) {
    throw badRequest(`Filter "${key}": "${field}" does not support range comparisons`, { [key]: 'no ranges' });
  }
  if (op === 'eq' && value === null) return { field, column, op: 'null', value: null };
  if (Array.isArray(value)) {
    if (op !== 'eq') throw badRequest(`Filter "${key}" takes a single value, not a list`, { [key]: 'single value' });
    if (value.length > MAX_PAGE_SIZE) throw badRequest(`Filter "${key}" lists more than ${MAX_PAGE_SIZE} values`);
    return { field, column, op: 'in', value: value.map((v) => coerceValue(key, spec, v)) };
  }
  const coerced = coerceValue(key, spec, value);
  if (spec.type === 'datetime' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { field, column, ...wholeDay(op, coerced as string) };
  }
  return { field, column, op, value: coerced };
}

/**
 * A range whose lower end is above its upper end ("amount from 50 to 20", "from 5 Nov to 4 Nov")
 * matches nothing: it is a slip, and answering with an empty list would hide it. The values are
 * compared as typed (a bare date as the start of its day), before a "≤ day" becomes "< next day".
 */
function refuseInvertedRanges(def: ResourceDefinition, filter: Record<string, unknown>, conditions: FilterCondition[], keys: string[]) {
  const typed = (i: number) => coerceValue(keys[i], def.fields[conditions[i].field], filter[keys[i]]) as number | string;
  const isLow = (key: string) => key.endsWith('_gte') || key.endsWith('_gt');
  const isHigh = (key: string) => key.endsWith('_lte') || key.endsWith('_lt');
  conditions.forEach((low, i) => {
    if (!isLow(keys[i]) || Array.isArray(filter[keys[i]])) return;
    conditions.forEach((high, j) => {
      if (high.field !== low.field || !isHigh(keys[j])) return;
      if (typed(i) > typed(j)) {
        throw badRequest(`Filter "${keys[i]}" is above "${keys[j]}": the range is empty`, { [keys[j]]: `must not be less than ${keys[i]}` });
      }
    });
  });
}

export function parseListQuery(def: ResourceDefinition, query: RawQuery, rangeHeader?: string): ListQuery {
  for (const key of Object.keys(query)) {
    if (!['sort', 'range', 'filter'].includes(key)) throw badRequest(`Unknown query parameter "${key}"`);
  }
  const filter = parseJsonParam('filter', query.filter) ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw badRequest('"filter" must be a JSON object');
  }
  const conditions: FilterCondition[] = [];
  const keys: string[] = [];
  let q: string | undefined;
  for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
    if (key === 'q') {
      if (!def.search?.length) throw badRequest(`${def.name} has no text search ("q")`);
      if (typeof value !== 'string' || value.length > 200) throw badRequest('"q" must be a string of at most 200 characters');
      if (value.trim() !== '') q = value.trim();
      continue;
    }
    conditions.push(parseCondition(def, key, value));
    keys.push(key);
  }
  refuseInvertedRanges(def, filter as Record<string, unknown>, conditions, keys);
  const idList = conditions.find((c) => c.field === 'id' && c.op === 'in');
  return {
    sort: parseSort(def, query.sort),
    range: parseRange(query.range, rangeHeader, idList ? (idList.value as unknown[]).length : 0),
    conditions,
    q,
  };
}
