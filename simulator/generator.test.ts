// The live generator: payments that belong to the imported merchants, priced with their plan,
// declined with codes that fit the card, captured, settled and paid out on the configured pace.
import { afterEach, describe, expect, it } from 'vitest';
import { computeFee } from '../shared/fees.ts';
import { createRng } from '../server/seed/random.ts';
import { Generator } from './generator.ts';
import { importDemoWorld, startTestSimulator, type TestSimulator } from './testing.ts';

let t: TestSimulator;
afterEach(async () => {
  await t.stop();
});

/** An event the simulator queued (its GET /_sim/events), the fields read here. */
type SimEvent = { type: string; envelope: { data: { id: string } & Record<string, unknown> } };
const events = async (q = '') => (await t.call('GET', `/_sim/events${q}`)).body.items as SimEvent[];
const generate = async (body: Record<string, unknown>) => (await t.call('POST', '/_sim/generate', body)).body;

describe('generated payments', () => {
  it('When a payment is declined, then its code fits the card: Visa declines only on Visa, Mastercard declines only on Mastercard', async () => {
    t = await startTestSimulator({ random: createRng(7) });
    const [m] = await importDemoWorld(t);
    const seen = new Map<string, Set<string>>();
    const all: Array<{ decline_code: string; entry_mode: string }> = [];
    for (const brand of ['visa', 'mastercard', 'amex']) {
      const { payments } = await generate({ payments: 300, merchant_id: m.id, card_brand: brand, decline: true });
      all.push(...payments);
      for (const p of payments) {
        expect(p).toMatchObject({ status: 'failed', card_brand: brand, decline_code: expect.stringMatching(/^30\d\d$/), auth_code: null });
        seen.set(p.decline_code, new Set([...(seen.get(p.decline_code) ?? []), brand]));
      }
    }
    expect([...seen.get('3016')!]).toEqual(['visa']);
    expect([...seen.get('3026')!]).toEqual(['mastercard']);
    // 3-D Secure and typed-in checks fail only where they run.
    for (const p of all) if (['3003', '3010'].includes(p.decline_code)) expect(p.entry_mode).toBe('ecommerce');
    expect(seen.size).toBeGreaterThan(10); // the other codes happen on every brand
  });

  it('When a payment is captured, then its fee is the merchant plan\'s and its events come in lifecycle order', async () => {
    t = await startTestSimulator({ random: createRng(3) });
    const [m] = await importDemoWorld(t);
    const { payments: [p] } = await generate({ payments: 1, merchant_id: m.id, amount: 12_345, currency: 'USD', card_brand: 'visa', decline: false, manual: false });
    const fee = computeFee({ plan_type: 'FLAT_RATE', percent_bps: 290, fixed_fee: 30, currency: 'USD' }, { amount: 12_345, currency: 'USD', card_brand: 'visa' });
    expect(p).toMatchObject({ status: 'captured', merchant_id: m.id, fee_amount: fee, net_amount: 12_345 - fee, settlement_status: 'unsettled' });
    expect((await events()).map((e) => e.type)).toEqual(['payment_intent.created', 'payment.authorized', 'payment.captured']);
    const [intentEvent] = await events();
    expect(intentEvent.envelope.data).toMatchObject({ id: p.intent_id, merchant_id: m.id, amount: 12_345, currency: 'USD', capture_method: 'automatic' });

    await t.call('POST', '/_sim/advance', { ms: 24 * 3_600_000 });
    const settled = (await events('?type=payment.settled'))[0].envelope.data;
    expect(settled).toMatchObject({ id: p.id, status: 'captured', settlement_status: 'settled', settled_at: expect.any(String) });

    // Settled money becomes a payout to approve: 60% of what is unpaid.
    const { payouts: [payout] } = await generate({ payouts: 1, merchant_id: m.id });
    expect(payout).toMatchObject({ merchant_id: m.id, currency: 'USD', status: 'pending', amount: Math.floor((12_345 - fee) * 0.6), payout_number: 900_000 });
    expect((await events('?type=payout.created'))[0].envelope.data.id).toBe(payout.id);
  });

  it('When a payment is captured manually, then it is authorized first and captured or voided later', async () => {
    t = await startTestSimulator({ random: createRng(11) });
    const [m] = await importDemoWorld(t);
    const { payments } = await generate({ payments: 40, merchant_id: m.id, decline: false, manual: true });
    expect(payments.every((p: { status: string }) => p.status === 'uncaptured')).toBe(true);
    await t.call('POST', '/_sim/advance', { ms: 90_000 });
    const finals = [...await events('?type=payment.captured'), ...await events('?type=payment.voided')];
    expect(finals).toHaveLength(40);
    expect(finals.filter((e) => e.type === 'payment.voided').length).toBeGreaterThan(0);
  });

  it('When no merchant is known, then generating asks for an import', async () => {
    t = await startTestSimulator();
    const res = await t.call('POST', '/_sim/generate', { payments: 1 });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/import/);
  });
});

describe('the generator\'s pace', () => {
  it('When it runs for ten simulated minutes at 30 a minute, then about 300 payments arrive, spread over the merchants', async () => {
    let now = Date.parse('2026-11-30T10:00:00Z');
    t = await startTestSimulator({ now: () => now, random: createRng(5), config: { SIMULATOR_PAYMENTS_PER_MINUTE: 30 } });
    await importDemoWorld(t);
    const gen = new Generator(t.sim.ctx);
    for (let s = 0; s < 600; s++) {
      now += 1000;
      await gen.step();
    }
    const intents = await events('?type=payment_intent.created');
    expect(intents.length).toBeGreaterThan(240);
    expect(intents.length).toBeLessThan(360);
    expect(new Set(intents.map((e) => e.envelope.data.merchant_id)).size).toBe(2);
  });
});
