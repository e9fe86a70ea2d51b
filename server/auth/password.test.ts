// Password hashing at the production cost (the test users are hashed cheaply for speed; this file
// proves the real parameters), and the password policy.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { hashParams, hashPassword, needsRehash, OWASP_COST, verifyPassword } from '../auth/password.ts';
import { checkPasswordPolicy, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwordPolicy.ts';
import { createTestApp, otpFields, type TestApp } from '../test/harness.ts';

describe('hashing with the production parameters', () => {
  it('uses scrypt at OWASP\'s N=2^17, r=8, p=1 with a 16-byte salt and a 32-byte key by default', async () => {
    expect(OWASP_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword('velvet-otter-canal-93');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    const params = hashParams(stored)!;
    expect({ N: params.N, r: params.r, p: params.p, salt: params.salt.length, key: params.key.length }).toEqual({
      N: 131072, r: 8, p: 1, salt: 16, key: 32,
    });
    expect(await verifyPassword('velvet-otter-canal-93', stored)).toBe(true);
    expect(await verifyPassword('velvet-otter-canal-94', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts every hash', async () => {
    const cheap = { N: 1024, r: 8, p: 1 };
    expect(await hashPassword('same-password', cheap)).not.toBe(await hashPassword('same-password', cheap));
  });

  it('matches composed and decomposed Unicode alike (NFC)', async () => {
    const cheap = { N: 1024, r: 8, p: 1 };
    const stored = await hashPassword('mañana-llueve-mucho', cheap);
    expect(await verifyPassword('man\u0303ana-llueve-mucho', stored)).toBe(true);
  });

  it('refuses hashes it does not recognise instead of throwing', async () => {
    for (const stored of ['', 'plain', 'bcrypt$2b$10$abc', 'scrypt$x$8$1$c2FsdA==$a2V5', 'scrypt$1024$8$1$c2FsdA==$', 'scrypt$1024$8$1$a$b$c']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
    expect(needsRehash(await hashPassword('x', { N: 1024, r: 8, p: 1 }))).toBe(true);
  });

  describe('through the app, as in production', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp('sqlite', { payments: 0 });
    });
    afterAll(() => t.drop());

    it('POST /api/users stores an OWASP-cost hash, never returns it, and the user can sign in', async () => {
      const app = createApp({ ...t.ctx, passwordCost: undefined }); // the production default
      const admin = request.agent(app);
      expect((await admin.post('/api/auth/login').send({ email: 'admin@example.com', password: 'backoffice-demo', ...(await otpFields(t, 'admin@example.com')) })).status).toBe(200);
      const res = await admin.post('/api/users').send({ email: 'real.cost@example.com', name: 'Real Cost', role: 'operator', password: 'velvet-otter-canal-93' });
      expect(res.status).toBe(201);
      expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
      const row = await t.db('users').where('email', 'real.cost@example.com').first();
      expect(hashParams(row!.password_hash)).toMatchObject(OWASP_COST);
      expect(await verifyPassword('velvet-otter-canal-93', row!.password_hash)).toBe(true);
      const login = await request(app).post('/api/auth/login').send({ email: 'real.cost@example.com', password: 'velvet-otter-canal-93' });
      expect(login.status).toBe(200);
    });
  });
});

describe('password policy', () => {
  const reason = async (password: unknown, context?: { email?: string; name?: string }) => {
    try {
      await checkPasswordPolicy(password, context);
      return 'ok';
    } catch (thrown) {
      const err = thrown as { status: number; message: string; errors: Record<string, string> }; // an HttpError
      expect(err.status).toBe(400);
      expect(err.message.length).toBeGreaterThan(10); // says what to do, not only the code
      return err.errors.password;
    }
  };
  const reasons = (list: string[], context?: { email?: string; name?: string }) =>
    Promise.all(list.map(async (p) => [p, await reason(p, context)]));

  it(`needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, counted as characters, not UTF-16 units`, async () => {
    expect(await reason('zq7-vmk2-tpx')).toBe('ok'); // exactly 12
    expect(await reason('zq7-vmk2-tp')).toBe('too short');
    expect(await reason('🦊🐙🦉🐝🦀🐢🦋🐳🦔🐌🦑')).toBe('too short'); // 11 characters, 22 UTF-16 units
    expect(await reason('🦊🐙🦉🐝🦀🐢🦋🐳🦔🐌🦑🐞')).toBe('ok');
    expect(await reason('quiet lake '.repeat(12))).toBe('too long');
    expect(await reason(undefined)).toBe('required');
    expect(await reason(123456789012)).toBe('required');
  });

  it('takes any printable characters, spaces included, with no composition rules', async () => {
    const good = ['my dog eats 3 socks', 'purple monkey dishwasher', 'velvet-otter-canal-93', 'mañana llueve mucho',
      'ночь улица фонарь', 'zebra quilt banjo', 'granite lantern orbit', 'correct horse battery staple'];
    expect(Object.fromEntries(await reasons(good))).toEqual(Object.fromEntries(good.map((p) => [p, 'ok'])));
    expect(await reason('tab\there-and-there')).toBe('invalid characters');
  });

  it('refuses what a product-aware guesser tries first: Admin@Kaito2026, Visa4242424242, Asdf;lkj1234', async () => {
    // Each once passed the hand-written list: the product's name and a role with the year, a scheme
    // with its test card number, two keyboard runs and a sequence.
    const weak = ['Admin@Kaito2026', 'Visa4242424242', 'Asdf;lkj1234'];
    expect(Object.fromEntries(await reasons(weak))).toEqual(Object.fromEntries(weak.map((p) => [p, 'too common'])));
  });

  it('refuses common passwords, dressed up or not, keyboard walks, sequences, repetitions and the product\'s words', async () => {
    const weak = [
      'password1234', 'Password2024!', 'P@ssw0rd1234', 'P@$$w0rd2026!', 'iloveyou123456', 'Welcome2025!!', 'letmein12345',
      'administrator', 'Summer2024!!', '1234567890123', 'monkey123456', 'Football1234', 'trustno1trustno1', 'changeme1234',
      'Jessica12345', 'ILOVEYOU1234', 'qwertyuiopas', '1qaz2wsx3edc', 'zaq12wsxcde3', 'abcdefghijkl', '123456789012',
      'asdfghjkl123', 'aaaaaaaaaaaa', 'abcabcabcabc', '121212121212', 'monkeymonkey', 'zyxwvutsrqpo',
      'backoffice-demo', 'Kaito2026!!!', 'K@ito-Back-0ffice', 'Mastercard5555', 'PaymentsAdmin!', 'kaitokaitokaito',
    ];
    expect(Object.fromEntries(await reasons(weak))).toEqual(Object.fromEntries(weak.map((p) => [p, 'too common'])));
  });

  it('does not count the account\'s email or name towards the strength', async () => {
    const who = { email: 'ana.lima@blueharbor.test', name: 'Ana Lima' };
    expect(await reason('ana.lima@blueharbor.test', who)).toBe('contains email or name');
    expect(await reason('ana.lima-secret-99', who)).toBe('contains email or name');
    expect(await reason('Blueharbor#Lima77', who)).toBe('contains email or name');
    expect(await reason('velvet-otter-canal-93', who)).toBe('ok');
    // A name inside an otherwise strong passphrase costs nothing; short parts are not cut out.
    expect(await reason('lima velvet otter canal', who)).toBe('ok');
    expect(await reason('bananas in pyjamas tonight', { email: 'ana@example.com' })).toBe('ok');
  });

  it('refuses weak passwords through POST /api/users with a field error', async () => {
    const t = await createTestApp('sqlite', { payments: 0 });
    try {
      const admin = await t.agent('admin');
      for (const [password, field] of [['short-pw', 'too short'], ['Admin@Kaito2026', 'too common'], ['new.person-2026', 'contains email or name']]) {
        const res = await admin.post('/api/users').send({ email: 'new.person@example.com', name: 'New Person', role: 'support', password });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual({ password: field });
        expect(res.body.message).toEqual(expect.any(String));
      }
      expect(await t.db('users').where('email', 'new.person@example.com').first()).toBeUndefined();
      const ok = await admin.post('/api/users').send({ email: 'new.person@example.com', name: 'New Person', role: 'support', password: 'granite lantern orbit' });
      expect(ok.status).toBe(201);
    } finally {
      await t.drop();
    }
  });
});
