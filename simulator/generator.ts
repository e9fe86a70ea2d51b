// The live generator: what keeps a demo alive. New intents and payments arrive at random (a
// Poisson stream, SIMULATOR_PAYMENTS_PER_MINUTE on average) for the merchants the processor
// knows, priced with their plan; some are declined with a code that fits the card, the way it
// was entered and the amount (as the demo seed's); manual ones
// are captured later; every so often settled money becomes a payout to approve.
import type { Knex } from 'knex';
import { DECLINE_CODES, declineFits } from '../shared/declineCodes.ts';
import { FIXED_FEE_BY_CURRENCY, computeFee } from '../shared/fees.ts';
import { newId } from '../shared/ids.ts';
import { CURRENCY_PROFILE, CUSTOMER_NAMES, DECLINE_WEIGHTS, declineFitsAmount, EMAIL_DOMAINS } from '../server/seed/catalog.ts';
import { amountBetween, int, pick, weighted } from '../server/seed/random.ts';
import { iso, type SimContext } from './context.ts';
import { emit } from './events/queue.ts';
import { capture, schedule } from './lifecycle.ts';
import {
  getRecord, listRecords, putRecord, type IntentRecord, type MerchantRecord, type PaymentRecord, type PayoutRecord,
} from './records.ts';
import { nextCounter } from './storage.ts';

const BRANDS = [['visa', 55], ['mastercard', 33], ['amex', 9], ['discover', 3]] as const;
const ENTRY_MODES = [['ecommerce', 55], ['card_present', 15], ['nfc', 14], ['keyed', 4], ['qr', 8], ['alias', 4]] as const;
/** Payout numbers the processor hands out start here, far above the demo seed's. */
export const PAYOUT_NUMBER_START = 900_000;

export interface PaymentOptions {
  merchantId?: string;
  currency?: string;
  amount?: number;
  cardBrand?: string;
  /** true: declined; false: never declined; undefined: SIMULATOR_DECLINE_RATE decides. */
  decline?: boolean;
  /** true: manual capture (captured or voided later); undefined: SIMULATOR_MANUAL_CAPTURE_RATE decides. */
  manual?: boolean;
}

/** A new intent and its payment, with their events; null when the processor knows no active merchant. */
export async function createPayment(ctx: SimContext, opts: PaymentOptions = {}): Promise<PaymentRecord | null> {
  return ctx.db.transaction(async (trx) => {
    const merchant = opts.merchantId ? await getRecord(trx, 'merchant', opts.merchantId) : pickMerchant(ctx, await activeMerchants(trx));
    if (!merchant) return null;
    const r = ctx.random;
    const now = ctx.now();
    const at = iso(now);
    const currency = opts.currency ?? (r() < 0.85 || !CURRENCY_PROFILE[merchant.default_currency] ? merchant.default_currency
      : merchant.default_currency === 'USD' ? 'EUR' : 'USD');
    const profile = CURRENCY_PROFILE[currency] ?? CURRENCY_PROFILE.USD;
    const amount = opts.amount ?? amountBetween(r, profile.min, profile.max);
    const cardBrand = opts.cardBrand ?? (currency === 'BRL' && r() < 0.3 ? 'elo' : currency === 'JPY' && r() < 0.2 ? 'jcb' : weighted(r, BRANDS));
    const manual = opts.manual ?? r() < ctx.config.SIMULATOR_MANUAL_CAPTURE_RATE;
    const declined = opts.decline ?? r() < ctx.config.SIMULATOR_DECLINE_RATE;
    const email = `${pick(r, CUSTOMER_NAMES)}.${pick(r, CUSTOMER_NAMES)}${int(r, 1, 999)}@${pick(r, EMAIL_DOMAINS)}`;
    const reference = `ORD-${Math.floor(r() * 36 ** 6).toString(36).toUpperCase().padStart(6, '0')}`;

    const intent: IntentRecord = {
      id: newId('intent', now), merchant_id: merchant.id, amount, currency, status: 'created',
      capture_method: manual ? 'manual' : 'automatic', amount_captured: 0, amount_refunded: 0, amount_disputed: 0,
      reference_id: reference, description: `Order ${reference}`, customer_email: email, cancellation_reason: null,
      created_at: at, updated_at: at,
    };
    await putRecord(trx, 'intent', intent);
    await emit(trx, ctx, 'payment_intent.created', intent);

    const base: PaymentRecord = {
      id: newId('payment', now), intent_id: intent.id, merchant_id: merchant.id, amount, currency, status: 'pending',
      entry_mode: weighted(r, ENTRY_MODES), card_brand: cardBrand, card_last4: String(int(r, 0, 9999)).padStart(4, '0'),
      fee_amount: 0, net_amount: 0, amount_refunded: 0, decline_code: null, decline_reason: null, auth_code: null,
      settlement_status: 'unsettled', settled_at: null, captured_at: null, customer_email: email, reference_id: reference,
      created_at: at, updated_at: at,
    };

    if (declined) {
      const code = weighted(r, DECLINE_WEIGHTS.filter(([c]) => declineFits(c, base) && declineFitsAmount(c, amount, profile)));
      const payment = { ...base, status: 'failed', decline_code: code, decline_reason: DECLINE_CODES[code] };
      await putRecord(trx, 'payment', payment);
      await putRecord(trx, 'intent', { ...intent, status: 'failed' });
      await emit(trx, ctx, 'payment.failed', payment);
      return payment;
    }

    const plan = await getRecord(trx, 'plan', merchant.plan_id);
    const fee = plan ? computeFee(plan, { amount, currency, card_brand: cardBrand }) : 0;
    const authorized: PaymentRecord = {
      ...base, status: 'uncaptured', fee_amount: fee,
      auth_code: Math.floor(r() * 36 ** 6).toString(36).toUpperCase().padStart(6, '0'),
    };
    await putRecord(trx, 'payment', authorized);
    await putRecord(trx, 'intent', { ...intent, status: 'uncaptured' });
    await emit(trx, ctx, 'payment.authorized', authorized);
    if (manual) {
      await schedule(trx, ctx, 'payment.capture', authorized.id, ctx.config.SIMULATOR_MANUAL_CAPTURE_AFTER_MS);
      return authorized;
    }
    await capture(trx, ctx, authorized);
    return (await getRecord(trx, 'payment', authorized.id))!;
  });
}

/**
 * A payout to approve, for the merchant and currency with the most settled money not yet paid
 * out (60% of it, so balances keep a cushion); null when none has enough.
 */
export async function createPayout(ctx: SimContext, opts: { merchantId?: string; currency?: string } = {}): Promise<PayoutRecord | null> {
  return ctx.db.transaction(async (trx) => {
    const q = trx('sim_balances').orderBy([{ column: 'unpaid', order: 'desc' }, { column: 'merchant_id' }, { column: 'currency' }]);
    if (opts.merchantId) q.where('merchant_id', opts.merchantId);
    if (opts.currency) q.where('currency', opts.currency);
    const candidates = await q.limit(20);
    const row = candidates.find((b) => Number(b.unpaid) * 0.6 > 10 * (FIXED_FEE_BY_CURRENCY[b.currency] ?? 25));
    if (!row) return null;
    const now = ctx.now();
    const amount = Math.floor(Number(row.unpaid) * 0.6);
    const fee = FIXED_FEE_BY_CURRENCY[row.currency] ?? 25;
    const payout: PayoutRecord = {
      id: newId('payout', now), merchant_id: row.merchant_id, payout_number: await nextCounter(trx, 'payout_number', PAYOUT_NUMBER_START),
      amount, fee_amount: fee, net_amount: amount - fee, currency: row.currency, status: 'pending',
      transaction_count: Math.max(1, Number(row.transaction_count)), created_at: iso(now), updated_at: iso(now),
    };
    await putRecord(trx, 'payout', payout);
    await trx('sim_balances').where({ merchant_id: row.merchant_id, currency: row.currency })
      .update({ unpaid: trx.raw('unpaid - ?', [amount]), transaction_count: 0 });
    await emit(trx, ctx, 'payout.created', payout);
    return payout;
  });
}

async function activeMerchants(trx: Knex): Promise<MerchantRecord[]> {
  return listRecords(trx, 'merchant', { status: 'active' });
}

/** Bigger merchants sell more: a Zipf-like weight by their order, as in the demo seed. */
function pickMerchant(ctx: SimContext, merchants: MerchantRecord[]): MerchantRecord | undefined {
  if (!merchants.length) return undefined;
  return weighted(ctx.random, merchants.map((m, i) => [m, 1 / Math.pow(i + 1, 0.8)] as const));
}

/** The generator's own rhythm: when the next payment and the next payout are due. */
export class Generator {
  private nextPaymentAt: number;
  private nextPayoutAt: number;

  constructor(private ctx: SimContext) {
    this.nextPaymentAt = ctx.now() + this.interval();
    this.nextPayoutAt = ctx.now() + ctx.config.SIMULATOR_PAYOUT_EVERY_MS;
  }

  /** Mean time between payments, drawn from an exponential distribution (a Poisson stream). */
  private interval(): number {
    const perMinute = this.ctx.config.SIMULATOR_PAYMENTS_PER_MINUTE;
    if (perMinute <= 0) return Number.POSITIVE_INFINITY;
    return -Math.log(1 - this.ctx.random()) * (60_000 / perMinute);
  }

  /** Makes whatever is due; returns how many payments and payouts it made. */
  async step(): Promise<number> {
    const now = this.ctx.now();
    let made = 0;
    while (this.nextPaymentAt <= now && made < 200) {
      if (await createPayment(this.ctx)) made++;
      this.nextPaymentAt += this.interval();
    }
    // After a long pause (a stopped laptop) start afresh rather than make a burst.
    if (this.nextPaymentAt <= now) this.nextPaymentAt = now + this.interval();
    if (this.nextPayoutAt <= now) {
      if (await createPayout(this.ctx)) made++;
      this.nextPayoutAt = now + this.ctx.config.SIMULATOR_PAYOUT_EVERY_MS;
    }
    return made;
  }
}
