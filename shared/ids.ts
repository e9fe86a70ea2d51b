// Ids are a type prefix plus a ULID-like suffix: 10 chars of millisecond time and 16 of
// randomness in Crockford base32, so ids sort by creation time and never collide in practice.

export const ID_PREFIXES = {
  merchant: 'mer',
  plan: 'plan',
  intent: 'pi',
  payment: 'py',
  refund: 're',
  dispute: 'dp',
  payout: 'po',
  transaction: 'txn',
  user: 'usr',
  adminGrant: 'agr',
  note: 'dpn',
  attachment: 'dpa',
  audit: 'aud',
  event: 'evt',
  savedQuery: 'sq',
  outbox: 'obx',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ID_PATTERN = /^([a-z]+)_([0-9A-HJKMNP-TV-Z]{26})$/;

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[bytes[i] % 32];
  return out;
}

let lastTime = -1;
let lastRandom = '';

/** Increments a base32 string by one (carrying), so ids made in the same millisecond still sort. */
function increment(random: string): string {
  const chars = random.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const next = ALPHABET.indexOf(chars[i]) + 1;
    if (next < 32) {
      chars[i] = ALPHABET[next];
      return chars.join('');
    }
    chars[i] = ALPHABET[0];
  }
  return chars.join('');
}

/**
 * A fresh id. Ids made by this process are monotonic: within one millisecond (or if the clock
 * steps back) the suffix counts up, so creation order is id order. `random` lets the seed make
 * deterministic ids from its own generator (no monotonic state involved).
 */
export function newId(kind: IdKind, at: number = Date.now(), random?: () => number): string {
  if (random) {
    const bytes = Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256));
    return `${ID_PREFIXES[kind]}_${encodeTime(at)}${encodeRandom(bytes)}`;
  }
  if (at <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = at;
    lastRandom = encodeRandom(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  }
  return `${ID_PREFIXES[kind]}_${encodeTime(lastTime)}${lastRandom}`;
}

/** Case-insensitive input ("py_01jx…") → canonical id, or null when it is not id-shaped. */
export function normalizeId(input: string): string | null {
  const m = /^([a-zA-Z]+)_([0-9a-zA-Z]{26})$/.exec(input.trim());
  if (!m) return null;
  return `${m[1].toLowerCase()}_${m[2].toUpperCase()}`;
}
