// Two-factor sign-in (docs/security.md, "Two-factor authentication"): enrolment, the code at
// sign-in (missing, wrong, replayed, a recovery code once only — also when two requests race),
// admins sent to enrolment, the 5-minute step-up for payout decisions and user changes on the
// app's clock, and everyone else unaffected. On both engines.
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.ts';
import { testConfig } from '../config.ts';
import { DEMO_PASSWORD } from '../seed/seedDemo.ts';
import {
  createTestApp, DEMO_TOTP_SECRET, ENGINES, freshOtp, login, otpFields, rememberTotpSecret, TEST_COST, type TestApp,
} from '../test/harness.ts';
import { makePayout } from '../test/moneyFixtures.ts';
import { sessionCookie } from '../test/routeCalls.ts';
import { createApp } from '../app.ts';
import { DEMO_MFA_SECRET_KEY, secretBox } from './mfa/secretBox.ts';
import { STEP_UP_MS } from './mfa/stepUp.ts';
import { PERIOD_SECONDS, stepAt, totpCode } from './mfa/totp.ts';
import { hashPassword } from './password.ts';
import { LIMITS } from './throttle.ts';

const ADMIN = 'admin@example.com';
const ADMIN2 = 'admin2@example.com';

describe.each(ENGINES)('two-factor sign-in on %s', (engine) => {
  let t: TestApp;
  const advance = (ms: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + ms);
  };
  /** Moves the clock to the start of the next 30-second step: every code of earlier steps is spent or stale. */
  const nextStep = () => {
    t.clock.now = new Date((stepAt(t.clock.now.getTime()) + 2) * PERIOD_SECONDS * 1000);
  };
  const code = (secret = DEMO_TOTP_SECRET) => totpCode(secret, t.clock.now.getTime());
  const signIn = (body: Record<string, unknown>) => request(t.app).post('/api/auth/login').send(body);
  const auditRows = (action: string, entityId: string) => t.db('audit').where({ action, entity_id: entityId }).orderBy('created_at');

  /** A new admin, straight into the database (as a second admin's approval or the CLI would leave it): not enrolled. */
  async function newAdmin(email: string): Promise<string> {
    const id = newId('user');
    await t.db('users').insert({
      id, email, name: `New ${email}`, role: 'admin', disabled: false, created_at: t.clock.now.toISOString(),
      password_hash: await hashPassword(DEMO_PASSWORD, TEST_COST),
    });
    return id;
  }

  /** A user enrolled through the API; returns the secret and the recovery codes. */
  async function enrolThroughApi(email: string) {
    const agent = await login(t.app, email, DEMO_PASSWORD, { enrolAdmin: false });
    const start = await agent.post('/api/auth/mfa/enrol');
    expect(start.status).toBe(200);
    rememberTotpSecret(email, start.body.secret);
    const confirm = await agent.post('/api/auth/mfa/confirm').send({ otp: code(start.body.secret) });
    expect(confirm.status).toBe(200);
    return { agent, secret: start.body.secret as string, recoveryCodes: confirm.body.recovery_codes as string[] };
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { payments: 40 });
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    nextStep();
    await t.db('login_failures').delete();
  });

  describe('signing in', () => {
    it('When an enrolled admin signs in without a code, then 401 with mfa_required and no session', async () => {
      const res = await signIn({ email: ADMIN, password: DEMO_PASSWORD });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: expect.any(String), mfa_required: true });
      expect(sessionCookie(res)).toBeUndefined();
    });

    it('When the password is wrong, then the answer is the usual one, whatever the code: nothing says the account has a second factor', async () => {
      const res = await signIn({ email: ADMIN, password: 'not-the-password-1', otp: code() });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'Invalid email or password' });
    });

    it('When the code is right, then the session starts, freshly verified, and the code is used up', async () => {
      const res = await signIn({ email: ADMIN, password: DEMO_PASSWORD, otp: code() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email: ADMIN, role: 'admin', mfa_enabled: true, mfa_enrolment_required: false });
      const token = sessionCookie(res)!.value;
      const payout = await makePayout(t);
      expect((await request(t.app).post(`/api/payouts/${payout}/approve`).set('Cookie', `kbo_session=${token}`)).status).toBe(200);
    });

    it('When a wrong code is sent, then 401 with mfa_required, audited, and it counts toward the throttle like a wrong password', async () => {
      const adminId = t.users.admin.id;
      const before = (await auditRows('login.failed', adminId)).length;
      const wrong = code() === '123456' ? '654321' : '123456';
      for (let i = 0; i < LIMITS.account; i++) {
        const res = await signIn({ email: ADMIN, password: DEMO_PASSWORD, otp: wrong });
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ message: expect.any(String), mfa_required: true });
      }
      const failed = await auditRows('login.failed', adminId);
      expect(failed.length - before).toBe(LIMITS.account);
      expect(JSON.parse(failed.at(-1)!.detail!)).toEqual({ email: ADMIN, reason: 'wrong_otp' });
      // Locked like after 10 wrong passwords: even the right code is not checked.
      const locked = await signIn({ email: ADMIN, password: DEMO_PASSWORD, otp: code() });
      expect(locked.status).toBe(429);
      expect(locked.headers['retry-after']).toBeDefined();
    });

    it('When the right password comes without its code, then the account keeps the slot (code guesses cannot be reset) but the address gets it back', async () => {
      for (let i = 0; i < LIMITS.account; i++) expect((await signIn({ email: ADMIN2, password: DEMO_PASSWORD })).status).toBe(401);
      expect((await signIn({ email: ADMIN2, password: DEMO_PASSWORD, otp: code() })).status).toBe(429);
      const ip = await t.db('login_failures').where('key', 'like', 'ip:%').first('count');
      expect(Number(ip?.count ?? 0)).toBe(0);
    });

    it('When a code is sent a second time within its 30 seconds, then it is refused: 401, audited as replayed', async () => {
      const otp = code();
      expect((await signIn({ email: ADMIN, password: DEMO_PASSWORD, otp })).status).toBe(200);
      const replay = await signIn({ email: ADMIN, password: DEMO_PASSWORD, otp });
      expect(replay.status).toBe(401);
      expect(replay.body.mfa_required).toBe(true);
      const failed = await auditRows('login.failed', t.users.admin.id);
      expect(JSON.parse(failed.at(-1)!.detail!)).toEqual({ email: ADMIN, reason: 'replayed_otp' });
      // Nor can it step up a session, nor can an older step's code come back after it.
      const agent = await login(t.app, ADMIN);
      expect((await agent.post('/api/auth/step-up').send({ otp })).status).toBe(400);
      const previous = totpCode(DEMO_TOTP_SECRET, t.clock.now.getTime() - PERIOD_SECONDS * 1000);
      expect((await signIn({ email: ADMIN, password: DEMO_PASSWORD, otp: previous })).status).toBe(401);
    });

    it('When two sign-ins race with the same code, then exactly one gets in', async () => {
      const otp = code();
      const results = await Promise.all([1, 2].map(() => signIn({ email: ADMIN2, password: DEMO_PASSWORD, otp })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('accepts the code of the step before and after (a clock a little off), not two steps away', async () => {
      const at = t.clock.now.getTime();
      expect((await signIn({ email: ADMIN, password: DEMO_PASSWORD, otp: totpCode(DEMO_TOTP_SECRET, at - 2 * PERIOD_SECONDS * 1000) })).status).toBe(401);
      expect((await signIn({ email: ADMIN, password: DEMO_PASSWORD, otp: totpCode(DEMO_TOTP_SECRET, at - PERIOD_SECONDS * 1000) })).status).toBe(200);
      expect((await signIn({ email: ADMIN, password: DEMO_PASSWORD, otp: totpCode(DEMO_TOTP_SECRET, at + PERIOD_SECONDS * 1000) })).status).toBe(200);
    });
  });

  describe('users without a second factor', () => {
    it('When an operator signs in with email and password, then nothing changes for them: no code, no step-up, refunds work', async () => {
      const res = await signIn({ email: 'operator@example.com', password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ role: 'operator', mfa_enabled: false, mfa_enrolment_required: false });
      const operator = await login(t.app, 'operator@example.com');
      advance(STEP_UP_MS * 3);
      expect((await operator.get('/api/payments')).status).toBe(200);
      const payment = await t.db('payments').where({ status: 'captured', amount_refunded: 0 }).andWhere('amount_charged_back', 0).first('id');
      const refund = await operator.post('/api/refunds').set('Idempotency-Key', `mfa-${engine}-refund`)
        .send({ payment_id: payment!.id, amount: 1, reason: 'requested_by_customer' });
      expect(refund.status).toBe(201);
      expect((await operator.post('/api/auth/step-up').send({ otp: '123456' })).status).toBe(409);
    });

    it('When an operator sends a code anyway, then it is ignored', async () => {
      expect((await signIn({ email: 'support@example.com', password: DEMO_PASSWORD, otp: '000000' })).status).toBe(200);
    });
  });

  describe('enrolment', () => {
    it('When an admin without a second factor signs in, then only enrolment is open to them, with a flag the SPA routes on', async () => {
      const email = `enrol-${engine}@example.com`;
      await newAdmin(email);
      const agent = await login(t.app, email, DEMO_PASSWORD, { enrolAdmin: false });
      const me = await agent.get('/api/auth/me');
      expect(me.body).toMatchObject({ role: 'admin', mfa_enabled: false, mfa_enrolment_required: true });
      for (const path of ['/api/payments', '/api/users', '/api/audit', '/api/stats/overview']) {
        const res = await agent.get(path);
        expect(res.status, path).toBe(403);
        expect(res.body, path).toEqual({ message: expect.any(String), mfa_enrolment_required: true });
      }
      const payout = await makePayout(t);
      expect((await agent.post(`/api/payouts/${payout}/approve`)).body.mfa_enrolment_required).toBe(true);
      expect(await t.db('payouts').where('id', payout).first('status')).toEqual({ status: 'pending' });
    });

    it('enrols with a QR code and a manual key, confirmed by a first code; recovery codes once, stored hashed; the secret never again', async () => {
      const email = `flow-${engine}@example.com`;
      const id = await newAdmin(email);
      const agent = await login(t.app, email, DEMO_PASSWORD, { enrolAdmin: false });
      const before = await login(t.app, email, DEMO_PASSWORD, { enrolAdmin: false }); // another browser, signed in before the enrolment

      // Confirming before starting: nothing to confirm.
      expect((await agent.post('/api/auth/mfa/confirm').send({ otp: '123456' })).status).toBe(409);

      const start = await agent.post('/api/auth/mfa/enrol');
      expect(start.status).toBe(200);
      const { secret, otpauth_uri, qr_code } = start.body;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      const uri = new URL(otpauth_uri);
      expect(uri.protocol).toBe('otpauth:');
      expect(uri.host).toBe('totp');
      expect(uri.searchParams.get('secret')).toBe(secret);
      expect(uri.searchParams.get('issuer')).toBe('Kaito Back Office');
      expect(uri.searchParams.get('digits')).toBe('6');
      expect(uri.searchParams.get('period')).toBe('30');
      expect(qr_code).toMatch(/^data:image\/png;base64,/);
      // At rest the secret is sealed, not written as is.
      const row = await t.db('users').where('id', id).first('totp_secret', 'totp_confirmed_at');
      expect(row!.totp_confirmed_at).toBeNull();
      expect(row!.totp_secret).not.toContain(secret);
      expect(secretBox(testConfig()).open(row!.totp_secret!, id)).toBe(secret);
      // Still pending: sign-in needs no code yet, and the API stays closed.
      expect((await agent.get('/api/payments')).status).toBe(403);

      const wrong = await agent.post('/api/auth/mfa/confirm').send({ otp: code(secret) === '123456' ? '654321' : '123456' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual({ otp: 'invalid' });

      const confirm = await agent.post('/api/auth/mfa/confirm').send({ otp: code(secret) });
      expect(confirm.status).toBe(200);
      const codes: string[] = confirm.body.recovery_codes;
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const c of codes) expect(c).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
      rememberTotpSecret(email, secret);

      // The recovery codes exist only as hashes; neither they nor the secret are in any answer again.
      const stored = await t.db('mfa_recovery_codes').where('user_id', id);
      expect(stored).toHaveLength(10);
      const dump = JSON.stringify(await t.db('mfa_recovery_codes').select('*')) + JSON.stringify(await t.db('users').select('*'));
      for (const c of codes) expect(dump).not.toContain(c.replace(/-/g, ''));
      expect(dump).not.toContain(secret);
      expect((await agent.post('/api/auth/mfa/enrol')).status).toBe(409);
      expect((await agent.post('/api/auth/mfa/confirm').send({ otp: code(secret) })).status).toBe(409);
      const admin = await t.agent('admin');
      const shown = JSON.stringify([(await agent.get('/api/auth/me')).body, (await admin.get(`/api/users/${id}`)).body]);
      expect(shown).not.toContain(secret);
      expect(shown).not.toMatch(/totp|recovery/);
      expect(await auditRows('mfa.enrolled', id)).toHaveLength(1);

      // This session proved the code; the one from before the enrolment must step up first.
      expect((await agent.get('/api/payments')).status).toBe(200);
      const old = await before.get('/api/payments');
      expect(old.status).toBe(403);
      expect(old.body.step_up_required).toBe(true);
      nextStep();
      expect((await before.post('/api/auth/step-up').send({ otp: code(secret) })).status).toBe(204);
      expect((await before.get('/api/payments')).status).toBe(200);

      // From now on, signing in takes a code.
      nextStep();
      expect((await signIn({ email, password: DEMO_PASSWORD })).body.mfa_required).toBe(true);
      expect((await signIn({ email, password: DEMO_PASSWORD, otp: code(secret) })).status).toBe(200);
    });

    it('a recovery code signs in once, in any case and spacing, and never again; audited as such', async () => {
      const email = `recover-${engine}@example.com`;
      await newAdmin(email);
      const { recoveryCodes } = await enrolThroughApi(email);
      const typed = ` ${recoveryCodes[0].toUpperCase().replace(/-/g, ' ')} `;
      const first = await signIn({ email, password: DEMO_PASSWORD, otp: typed });
      expect(first.status).toBe(200);
      const id = first.body.id;
      const succeeded = await auditRows('login.succeeded', id);
      expect(JSON.parse(succeeded.at(-1)!.detail!)).toEqual({ via: 'recovery_code' });
      expect((await signIn({ email, password: DEMO_PASSWORD, otp: recoveryCodes[0] })).status).toBe(401);
      // Another user's code is no code for this one.
      const other = `recover2-${engine}@example.com`;
      await newAdmin(other);
      const theirs = await enrolThroughApi(other);
      expect((await signIn({ email, password: DEMO_PASSWORD, otp: theirs.recoveryCodes[0] })).status).toBe(401);
      // A recovery code steps up too, once.
      const agent = await login(t.app, email);
      expect((await agent.post('/api/auth/step-up').send({ otp: recoveryCodes[1] })).status).toBe(204);
      expect((await agent.post('/api/auth/step-up').send({ otp: recoveryCodes[1] })).status).toBe(400);
    });

    it('When two sign-ins race with the same recovery code, then exactly one gets in', async () => {
      const email = `race-${engine}@example.com`;
      await newAdmin(email);
      const { recoveryCodes } = await enrolThroughApi(email);
      for (const c of recoveryCodes.slice(0, 3)) {
        const results = await Promise.all([1, 2].map(() => signIn({ email, password: DEMO_PASSWORD, otp: c })));
        expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
      }
      const used = await t.db('mfa_recovery_codes').whereNotNull('used_at').whereIn('user_id', t.db('users').where('email', email).select('id'));
      expect(used).toHaveLength(3);
    });
  });

  describe('step-up', () => {
    it('When the last proof is 5 minutes old, then a payout approval is 403 step_up_required; after a step-up the retry with the same Idempotency-Key runs once', async () => {
      const agent = await login(t.app, ADMIN);
      const payout = await makePayout(t);
      advance(STEP_UP_MS - 1000);
      const early = await makePayout(t);
      expect((await agent.post(`/api/payouts/${early}/approve`)).status).toBe(200); // 4:59 after sign-in
      advance(1000);
      const key = `mfa-${engine}-approve`;
      const refused = await agent.post(`/api/payouts/${payout}/approve`).set('Idempotency-Key', key);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ message: expect.any(String), step_up_required: true });
      expect(await t.db('payouts').where('id', payout).first('status')).toEqual({ status: 'pending' });

      const stepUp = await agent.post('/api/auth/step-up').send(await otpFields(t, ADMIN));
      expect(stepUp.status).toBe(204);
      const retried = await agent.post(`/api/payouts/${payout}/approve`).set('Idempotency-Key', key);
      expect(retried.status).toBe(200);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      expect(retried.body.status).toBe('processing'); // approved, and sent to the processor (docs/processor.md)
      const replay = await agent.post(`/api/payouts/${payout}/approve`).set('Idempotency-Key', key);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(await auditRows('mfa.step_up', t.users.admin.id)).not.toHaveLength(0);
    });

    it('guards payout declines and every change to users, not reads', async () => {
      const agent = await login(t.app, ADMIN);
      advance(STEP_UP_MS);
      const payout = await makePayout(t);
      const support2 = await t.db('users').where('email', 'support2@example.com').first('id', 'name');
      const refusals = [
        await agent.post(`/api/payouts/${payout}/decline`).send({ reason: 'fraud check' }),
        await agent.put(`/api/users/${support2!.id}`).send({ name: 'Renamed without a code' }),
        await agent.post('/api/users').send({ email: `nocode-${engine}@example.com`, name: 'No Code', role: 'support', password: 'velvet-otter-canal-93' }),
      ];
      for (const res of refusals) expect([res.status, res.body.step_up_required]).toEqual([403, true]);
      expect(await t.db('users').where('id', support2!.id).first('name')).toEqual({ name: support2!.name });
      expect(await t.db('users').where('email', `nocode-${engine}@example.com`).first()).toBeUndefined();
      for (const path of ['/api/users', `/api/users/${support2!.id}`, '/api/payouts', '/api/audit']) {
        expect((await agent.get(path)).status, path).toBe(200);
      }
      expect((await agent.post('/api/auth/step-up').send(await otpFields(t, ADMIN))).status).toBe(204);
      expect((await agent.put(`/api/users/${support2!.id}`).send({ name: support2!.name })).status).toBe(200);
      expect((await agent.post(`/api/payouts/${payout}/decline`).send({ reason: 'fraud check' })).status).toBe(200);
    });

    it('When step-up codes are guessed, then they are throttled like sign-ins and audited', async () => {
      const agent = await login(t.app, ADMIN2);
      const wrong = code() === '123456' ? '654321' : '123456';
      for (let i = 0; i < LIMITS.account; i++) {
        const res = await agent.post('/api/auth/step-up').send({ otp: wrong });
        expect(res.status).toBe(400);
        expect(res.body).toEqual({ message: expect.any(String), errors: { otp: 'invalid' } });
      }
      expect((await agent.post('/api/auth/step-up').send({ otp: code() })).status).toBe(429);
      const admin2 = await t.db('users').where('email', ADMIN2).first('id');
      expect(await auditRows('mfa.step_up_failed', admin2!.id)).toHaveLength(LIMITS.account);
    });
  });

  describe('the secret at rest', () => {
    it('is sealed with MFA_SECRET_KEY: another key cannot open it, a rotation (new,old) still can and re-seals it when used', async () => {
      const id = t.users.admin.id;
      const sealed = (await t.db('users').where('id', id).first('totp_secret'))!.totp_secret;
      expect(sealed).not.toContain(DEMO_TOTP_SECRET);
      const other = secretBox({ MFA_SECRET_KEY: 'x'.repeat(40) });
      expect(() => other.open(sealed!, id)).toThrow(/MFA_SECRET_KEY/);
      // Sealed for one user, it does not open for another.
      expect(() => secretBox(testConfig()).open(sealed!, t.users.operator.id)).toThrow();

      // The suite runs without MFA_SECRET_KEY (the demo key): the rotation names that one as the old key.
      const app = createApp({ ...t.ctx, config: { ...t.ctx.config, MFA_SECRET_KEY: `${'n'.repeat(40)},${DEMO_MFA_SECRET_KEY}` } });
      const res = await request(app).post('/api/auth/login').send({ email: ADMIN, password: DEMO_PASSWORD, otp: await freshOtp(t, ADMIN) });
      expect(res.status).toBe(200);
      const resealed = (await t.db('users').where('id', id).first('totp_secret'))!.totp_secret;
      expect(resealed).not.toBe(sealed);
      expect(secretBox({ MFA_SECRET_KEY: 'n'.repeat(40) }).open(resealed!, id)).toBe(DEMO_TOTP_SECRET);
      // Back to the suite's key for the tests after this one.
      await t.db('users').where('id', id).update({ totp_secret: sealed });
    });
  });
});
