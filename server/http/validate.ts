// Request bodies are parsed with zod schemas; a failure is a 400 listing each bad field.
import { z } from 'zod';
import { badRequest } from '../errors.ts';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    errors[key] ??= issue.message;
  }
  const summary = Object.entries(errors).map(([k, v]) => (k === '_' ? v : `${k}: ${v}`)).join('; ');
  throw badRequest(`Invalid request: ${summary}`, errors);
}
