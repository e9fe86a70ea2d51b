// TOTP secrets at rest. The server must read a secret back to check a code, so it cannot keep a
// hash as it does for session tokens and recovery codes; it keeps it encrypted instead
// (AES-256-GCM, a random 96-bit nonce per secret, the user id as associated data so a secret
// copied onto another user's row does not decrypt). The key comes from MFA_SECRET_KEY, outside
// the database: a copy of the database alone yields no secret (when MFA_SECRET_KEY is set: unset, a
// demo runs on a public key, and main.ts warns a real deployment about it). `new,old` during a rotation: the
// first key encrypts, either decrypts (a secret is re-encrypted with the new key when next used).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';

/** Used when MFA_SECRET_KEY is unset: public, so it protects nothing — main.ts warns when a real deployment runs on it. */
export const DEMO_MFA_SECRET_KEY = 'kaito-back-office-demo-mfa-key-public-not-secret';
const VERSION = 'v1';

export interface SecretBox {
  seal(plain: string, userId: string): string;
  open(sealed: string, userId: string): string;
  /** The sealed value was made with an older key: seal it again. */
  isStale(sealed: string): boolean;
}

/** A real deployment (DEMO_SEED=false) should bring its own key: the demo key is in the source. */
export function mfaSecretKeyWarning(config: Pick<Config, 'MFA_SECRET_KEY' | 'DEMO_SEED'>): string | null {
  return !config.DEMO_SEED && !config.MFA_SECRET_KEY
    ? 'MFA_SECRET_KEY is not set: TOTP secrets are encrypted with the public demo key; set 32+ random characters (README, "Configuration")'
    : null;
}

const keyOf = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'kaito-back-office', 'totp-secret-v1', 32));

export function secretBox(config: Pick<Config, 'MFA_SECRET_KEY'>): SecretBox {
  const secrets = (config.MFA_SECRET_KEY ?? DEMO_MFA_SECRET_KEY).split(',').map((s) => s.trim());
  const keys = secrets.map(keyOf);
  // The first 8 hex characters of a key's own HKDF output name it, so the right key is tried first.
  const ids = secrets.map((s) => Buffer.from(hkdfSync('sha256', s, 'kaito-back-office', 'key-id', 4)).toString('hex'));
  return {
    seal(plain, userId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys[0], iv);
      cipher.setAAD(Buffer.from(userId));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, ids[0], iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed, userId) {
      const [version, id, iv, tag, ct] = sealed.split('.');
      const index = ids.indexOf(id);
      if (version !== VERSION || index < 0) {
        throw new Error('A TOTP secret was sealed with a key MFA_SECRET_KEY does not hold (was the key changed without `new,old`?)');
      }
      const decipher = createDecipheriv('aes-256-gcm', keys[index], Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(userId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
    isStale: (sealed) => sealed.split('.')[1] !== ids[0],
  };
}
