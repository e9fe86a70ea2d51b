// The envelope of a processor event (docs/processor.md, "Envelope"): what makes a signed body an
// event at all. A body that is not one is a 400 and is stored nowhere; an envelope whose `data`
// breaks its type's rules is stored and `failed` (the appliers say why).
import { z } from 'zod';
import { MAX_JSON_DEPTH, nestsDeeperThan, TOO_DEEP } from '../../http/security.ts';

const token = z.string().min(1).max(60).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only');

export const Envelope = z.object({
  id: token,
  // Well-formed ("object.verb"); an unknown but well-formed type is stored and failed, so an admin sees it.
  type: z.string().max(60).regex(/^[a-z_]+\.[a-z_]+$/, 'must look like "object.verb"'),
  created_at: z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 time'),
  data: z.looseObject({ id: token }),
});
export type Envelope = z.infer<typeof Envelope>;

export type EnvelopeParse = { ok: true; envelope: Envelope; payload: string } | { ok: false; message: string };

/** The raw body as an envelope, or why it is not one. */
export function parseEnvelope(raw: Buffer): EnvelopeParse {
  // Stored, shown and re-applied later: a body that would overflow whatever walks it is refused now.
  if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) return { ok: false, message: TOO_DEEP };
  const payload = raw.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, message: 'The event body is not valid JSON' };
  }
  const parsed = Envelope.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return { ok: false, message: `The event body is not an event envelope (${where})` };
  }
  return { ok: true, envelope: parsed.data, payload };
}
