// Query parameters shared by the stats and report routes: an inclusive UTC date range (defaults to
// the last 30 days ending today), an interval, and the usual merchant/plan/currency narrowing.
// Anything unknown or malformed is a 400 naming the field.
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { parseBody } from '../http/validate.ts';
import { addDays, daysBetween, isDay, MAX_RANGE_DAYS, utcDay } from '../../shared/days.ts';
import { INTERVALS } from './buckets.ts';

export const DEFAULT_RANGE_DAYS = 30;

export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isDay, 'must be a real calendar date');

export const id = z.string().min(1).max(40);
export const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code')
  .transform((c) => c.toUpperCase());

export const rangeFields = { from: day.optional(), to: day.optional() };

export interface DayRange {
  from: string;
  to: string;
}

/** Fills the defaults (today and the 29 days before it) and checks order and length. */
export function resolveRange(q: { from?: string; to?: string }, now: Date): DayRange {
  const to = q.to ?? utcDay(now);
  const from = q.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (to < from) throw badRequest('"to" must be on or after "from"', { to: 'before from' });
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    throw badRequest(`A range covers at most ${MAX_RANGE_DAYS} days`, { from: 'range too long' });
  }
  return { from, to };
}

export const FeesQuery = z.strictObject({
  ...rangeFields,
  interval: z.enum(INTERVALS).default('day'),
  merchant_id: id.optional(),
  plan_id: id.optional(),
  currency: currency.optional(),
});

export const PlansQuery = z.strictObject({ ...rangeFields, currency: currency.optional() });

export const OverviewQuery = z.strictObject({});

export const PlanComparisonQuery = z.strictObject({
  merchant_id: id,
  days: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number of days')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 366, 'must be between 1 and 366')
    .default(90),
});

/** Validates a query string with a zod schema: 400 with each bad field, like request bodies. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  return parseBody(schema, query);
}
