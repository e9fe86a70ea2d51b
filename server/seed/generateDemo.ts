// The demo data itself: every row of the seed, generated from a seeded PRNG and handed to a
// RowSink (seedDemo.ts decides where the rows go and whether this runs in a worker thread). Pure
// computation: the same plan gives the same rows, in the same order, on every machine.
import { DAY_MS as DAY, utcDay } from '../../shared/days.ts';
import { DECLINE_CODES, declineFits } from '../../shared/declineCodes.ts';
import { DISPUTE_REASONS, type PaymentStatus } from '../../shared/enums.ts';
import { computeFee, FIXED_FEE_BY_CURRENCY } from '../../shared/fees.ts';
import { newId } from '../../shared/ids.ts';
import { paymentDisplayStatus } from '../../shared/paymentDisplayStatus.ts';
import type { RowSink } from './bulkLoad.ts';
import {
  CURRENCY_PROFILE, CUSTOMER_NAMES, DECLINE_WEIGHTS, declineFitsAmount, DISPUTE_CODES, EMAIL_DOMAINS,
  MERCHANT_CURRENCIES, NAME_PARTS, PLAN_CATALOG,
} from './catalog.ts';
import { amountBetween, int, pick, rngFromState, weighted } from './random.ts';

/** Everything the generator needs, as plain data (it crosses into a worker thread). */
export interface DemoPlan {
  payments: number;
  merchants: number;
  /** Payout amounts at or above this need two approvals. */
  dual: number;
  /** The data spans [start, end] (epoch ms). */
  start: number;
  end: number;
  operatorId: string | null;
  supportIds: string[];
  adminId: string | null;
  admin2Id: string | null;
  /** The PRNG's state once the demo users took their ids from it. */
  rngState: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function generateDemo(w: RowSink, plan: DemoPlan, log: (message: string) => void): Promise<void> {
  const rng = rngFromState(plan.rngState);
  // Ids of the entries that give money back (failed refunds and payouts) come from a generator of
  // their own, so adding them left every other row of the seed as it was.
  const returnsRng = rngFromState(plan.rngState ^ 0x5eed);
  const { start, end, dual, operatorId, supportIds, adminId, admin2Id } = plan;

  // Plans
  const plans = PLAN_CATALOG.map((p, i) => ({ id: newId('plan', start - 30 * DAY + i * 1000, rng), ...p, created_at: iso(start - 30 * DAY + i * 1000) }));
  for (const p of plans) w.add('plans', p);

  // Merchants, sized by a Zipf-like weight so a few are large, as in real portfolios.
  const merchantCount = plan.merchants;
  const merchants = Array.from({ length: merchantCount }, (_, i) => {
    const currency = weighted(rng, MERCHANT_CURRENCIES);
    const profile = CURRENCY_PROFILE[currency];
    const name = `${NAME_PARTS.first[i % 15]} ${NAME_PARTS.second[(i * 7 + Math.floor(i / 15)) % 15]}${i >= 15 ? ` ${Math.floor(i / 15) + 1}` : ''}`;
    const created = start - int(rng, 20, 400) * DAY;
    return {
      id: newId('merchant', created, rng),
      name,
      email: `finance@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.test`,
      country: pick(rng, profile.countries),
      default_currency: currency,
      status: i % 17 === 5 ? 'suspended' : i % 23 === 11 ? 'closed' : 'active',
      plan_id: plans[pick(rng, profile.plans)].id,
      created_at: iso(created),
      updated_at: iso(created),
      weight: 1 / Math.pow(i + 1, 0.8),
    };
  });
  for (const { weight: _w, ...m } of merchants) w.add('merchants', m);
  const cumulative: number[] = [];
  merchants.reduce((acc, m) => (cumulative.push(acc + m.weight), acc + m.weight), 0);
  const totalWeight = cumulative[cumulative.length - 1];
  const pickMerchant = () => {
    const r = rng() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return merchants[lo];
  };
  const planById = new Map(plans.map((p) => [p.id, p]));

  // Running sums per merchant:currency, and settled net per week, to size payouts.
  const settledSum = new Map<string, number>();
  const weekly = new Map<string, number[]>();
  const weekCount = new Map<string, number[]>();
  const WEEKS = 26;
  const weekOf = (ms: number) => Math.min(WEEKS - 1, Math.max(0, Math.floor((ms - start) / (7 * DAY))));
  const ledger = (
    merchantId: string, currency: string, amount: number, source_type: string, source_id: string,
    at: number, settledAt: number | null, description: string, idRng = rng,
  ) => {
    const settled = settledAt !== null;
    w.add('transactions', {
      id: newId('transaction', at, idRng), merchant_id: merchantId, currency, amount, source_type, source_id,
      settlement_status: settled ? 'settled' : 'unsettled', description, settled_at: settled ? iso(settledAt) : null,
      created_at: iso(at),
    });
    if (settled) {
      const key = `${merchantId}:${currency}`;
      settledSum.set(key, (settledSum.get(key) ?? 0) + amount);
      if (!weekly.has(key)) {
        weekly.set(key, new Array(WEEKS).fill(0));
        weekCount.set(key, new Array(WEEKS).fill(0));
      }
      weekly.get(key)![weekOf(settledAt)] += amount;
      weekCount.get(key)![weekOf(settledAt)] += 1;
    }
  };

  log(`seeding ${plan.payments} payments…`);
  const statusTable: Array<readonly [PaymentStatus, number]> = [
    ['captured', 80], ['failed', 10], ['uncaptured', 2], ['cancelled', 3], ['voided', 2], ['pending', 3],
  ];
  const n = plan.payments;
  const span = end - start;
  for (let i = 0; i < n; i++) {
    const t = Math.floor(start + ((i + rng()) * span) / n);
    const m = pickMerchant();
    const currency = rng() < 0.85 ? m.default_currency : m.default_currency === 'USD' ? 'EUR' : 'USD';
    const profile = CURRENCY_PROFILE[currency];
    const amount = amountBetween(rng, profile.min, profile.max);
    const age = end - t;
    let status = weighted(rng, statusTable);
    // Pending and uncaptured payments are recent; old ones have resolved one way or another.
    if ((status === 'pending' && age > 2 * DAY) || (status === 'uncaptured' && age > 7 * DAY)) status = 'captured';
    const manual = status === 'uncaptured' || status === 'voided' || rng() < 0.1;
    const card_brand = currency === 'BRL' && rng() < 0.3 ? 'elo' : currency === 'JPY' && rng() < 0.2 ? 'jcb'
      : weighted(rng, [['visa', 55], ['mastercard', 33], ['amex', 9], ['discover', 3]] as const);
    const entry_mode = weighted(rng, [['ecommerce', 55], ['card_present', 15], ['nfc', 14], ['keyed', 4], ['qr', 8], ['alias', 4]] as const);
    const email = `${pick(rng, CUSTOMER_NAMES)}.${pick(rng, CUSTOMER_NAMES)}${int(rng, 1, 999)}@${pick(rng, EMAIL_DOMAINS)}`;
    const reference = `ORD-${(100000 + i).toString(36).toUpperCase()}-${int(rng, 10, 99)}`;
    const intentId = newId('intent', t, rng);
    const paymentId = newId('payment', t + 800, rng);
    const captured = status === 'captured';
    // Manual captures come hours later, but never after the data's "now".
    const capturedAt = captured ? Math.max(t + 900, Math.min(end, t + (manual ? int(rng, 1, 48) * 3_600_000 : 1500))) : null;
    const settledAt = capturedAt !== null && capturedAt + 2 * DAY < end ? capturedAt + 2 * DAY : null;
    const fee = captured ? computeFee(planById.get(m.plan_id)!, { amount, currency, card_brand }) : 0;
    // A decline code that can happen to this payment: a Visa decline only on a Visa card, 3-D
    // Secure only online, an amount limit only on a big basket.
    const decline = status === 'failed'
      ? weighted(rng, DECLINE_WEIGHTS.filter(([c]) => declineFits(c, { card_brand, entry_mode }) && declineFitsAmount(c, amount, profile)))
      : null;

    let amountRefunded = 0;
    let amountDisputed = 0;
    let amountChargedBack = 0;
    const updatedAt = capturedAt ?? t + 800;

    if (captured) {
      ledger(m.id, currency, amount, 'payment', paymentId, capturedAt!, settledAt, 'Card payment');
      ledger(m.id, currency, -fee, 'fee', paymentId, capturedAt!, settledAt, 'Processing fee');

      // Refunds
      if (rng() < 0.06) {
        const refundAt = capturedAt! + int(rng, 1, 20) * DAY + int(rng, 0, DAY - 1);
        if (refundAt < end) {
          const full = rng() < 0.6;
          const refundAmount = full ? amount : Math.max(1, Math.floor(amount * (0.1 + rng() * 0.6)));
          const rstatus = weighted(rng, [['succeeded', 92], ['failed', 5], ['pending', 3]] as const);
          const refundId = newId('refund', refundAt, rng);
          w.add('refunds', {
            id: refundId, payment_id: paymentId, intent_id: intentId, merchant_id: m.id, amount: refundAmount, currency,
            reason: weighted(rng, [['requested_by_customer', 60], ['duplicate', 15], ['fraudulent', 10], ['other', 15]] as const),
            status: rstatus, note: rng() < 0.3 ? 'Customer contacted support' : null, created_by: operatorId,
            created_at: iso(refundAt),
          });
          // Every refund is debited when it is made (docs/money.md); a pending one still holds its
          // amount; a failed one was credited back when the processor said so.
          ledger(m.id, currency, -refundAmount, 'refund', refundId, refundAt, refundAt, 'Refund', rstatus === 'succeeded' ? rng : returnsRng);
          if (rstatus !== 'failed') amountRefunded = refundAmount;
          else {
            const back = Math.min(end, refundAt + 6 * 3_600_000);
            ledger(m.id, currency, refundAmount, 'refund', refundId, back, back, 'Refund failed', returnsRng);
          }
        }
      }

      // Disputes
      if (amountRefunded < amount && rng() < 0.01) {
        const disputeAt = capturedAt! + int(rng, 5, 75) * DAY;
        if (disputeAt < end) {
          const disputed = amount - amountRefunded;
          const ageDays = Math.floor((end - disputeAt) / DAY);
          const dueAt = disputeAt + 21 * DAY;
          let dstatus: string;
          if (ageDays < 21) dstatus = rng() < 0.85 ? 'needs_response' : 'accepted';
          else if (ageDays < 24) dstatus = rng() < 0.3 ? 'needs_response' : 'under_review';
          else if (ageDays < 50) dstatus = 'under_review';
          else dstatus = weighted(rng, [['won', 45], ['lost', 40], ['accepted', 15]] as const);
          const closedAt = dstatus === 'accepted' ? disputeAt + int(rng, 1, Math.min(20, ageDays)) * DAY
            : dstatus === 'won' || dstatus === 'lost' ? dueAt + int(rng, 5, 25) * DAY : null;
          const closed = closedAt !== null ? Math.min(closedAt, end) : null;
          const reasonCode = weighted(rng, DISPUTE_CODES);
          const disputeId = newId('dispute', disputeAt, rng);
          const responded = dstatus === 'under_review' || dstatus === 'won' || dstatus === 'lost';
          w.add('disputes', {
            id: disputeId, payment_id: paymentId, merchant_id: m.id, amount: disputed, currency, status: dstatus,
            reason_code: reasonCode, reason: DISPUTE_REASONS[reasonCode], dispute_date: utcDay(disputeAt),
            response_due_date: utcDay(dueAt), closed_date: closed ? utcDay(closed) : null,
            assignee_id: supportIds.length && (responded || rng() < 0.5) ? pick(rng, supportIds) : null,
            response_text: responded ? 'Customer signed for delivery; tracking and receipt attached.' : null,
            submitted_at: responded ? iso(disputeAt + int(rng, 2, 20) * DAY) : null,
            created_at: iso(disputeAt), updated_at: iso(closed ?? disputeAt),
          });
          amountDisputed = disputed;
          if (dstatus !== 'won') amountChargedBack = disputed;
          ledger(m.id, currency, -disputed, 'dispute', disputeId, disputeAt, disputeAt, 'Dispute opened');
          if (dstatus === 'won') ledger(m.id, currency, disputed, 'dispute', disputeId, closed!, closed!, 'Dispute won');
        }
      }
    }

    const intentStatus = status === 'voided' ? 'cancelled' : status;
    w.add('intents', {
      id: intentId, merchant_id: m.id, amount, currency, status: intentStatus,
      capture_method: manual ? 'manual' : 'automatic', amount_captured: captured ? amount : 0,
      amount_refunded: amountRefunded, amount_disputed: amountDisputed, reference_id: reference,
      description: `Order ${reference}`, customer_email: email,
      cancellation_reason: status === 'cancelled' ? pick(rng, ['requested_by_customer', 'abandoned', 'duplicate'])
        : status === 'voided' ? 'void' : null,
      created_at: iso(t), updated_at: iso(updatedAt),
    });
    w.add('payments', {
      id: paymentId, intent_id: intentId, merchant_id: m.id, amount, currency, status, entry_mode, card_brand,
      card_last4: String(int(rng, 0, 9999)).padStart(4, '0'), fee_amount: fee, net_amount: captured ? amount - fee : 0,
      amount_refunded: amountRefunded, amount_charged_back: amountChargedBack,
      display_status: paymentDisplayStatus({ status, amount, amount_refunded: amountRefunded, amount_charged_back: amountChargedBack }),
      decline_code: decline, decline_reason: decline ? DECLINE_CODES[decline] : null,
      auth_code: status === 'failed' || status === 'pending' ? null : Math.floor(rng() * 36 ** 6).toString(36).toUpperCase().padStart(6, '0'),
      settlement_status: settledAt !== null ? 'settled' : 'unsettled', settled_at: settledAt !== null ? iso(settledAt) : null,
      captured_at: capturedAt !== null ? iso(capturedAt) : null, customer_email: email, reference_id: reference,
      created_at: iso(t + 800), updated_at: iso(updatedAt),
    });
    await w.drain();
    if (i % 100_000 === 99_999) log(`  ${i + 1} payments`);
  }

  // Payouts: weekly, 60% of what settled that week, so balances keep a cushion.
  let payoutNumber = 100_000;
  const keys = [...weekly.keys()].sort();
  const payoutRow = (key: string, at: number, amount: number, status: string, count: number, extra: Record<string, unknown> = {}) => {
    const [merchant_id, currency] = key.split(':');
    const fee = FIXED_FEE_BY_CURRENCY[currency] ?? 25;
    return {
      id: newId('payout', at, rng), merchant_id, payout_number: ++payoutNumber, amount, fee_amount: fee,
      net_amount: amount - fee, currency, status, transaction_count: count, approvals: '[]', decided_by: null,
      decided_at: null, decline_reason: null, created_at: iso(at), updated_at: iso(at), ...extra,
    };
  };
  const pendingCandidates: Array<{ key: string; available: number }> = [];
  for (const key of keys) {
    const [merchantId, currency] = key.split(':');
    const sums = weekly.get(key)!;
    const counts = weekCount.get(key)!;
    const fee = FIXED_FEE_BY_CURRENCY[currency] ?? 25;
    for (let wk = 0; wk < WEEKS - 1; wk++) {
      const amount = Math.floor(sums[wk] * 0.6);
      if (amount <= fee * 10) continue;
      const at = start + (wk + 1) * 7 * DAY + 8 * 3_600_000;
      if (at >= end) continue;
      const weeksAgo = Math.floor((end - at) / (7 * DAY));
      const status = weeksAgo >= 2 ? weighted(rng, [['paid', 94], ['failed', 3], ['declined', 3]] as const)
        : weeksAgo === 1 ? weighted(rng, [['paid', 60], ['processing', 30], ['approved', 10]] as const)
        : weighted(rng, [['approved', 50], ['processing', 50]] as const);
      const decidedAt = at + int(rng, 1, 20) * 3_600_000;
      const approver = rng() < 0.5 ? adminId : admin2Id;
      const approvals = status === 'declined' || !approver ? [] : [{ user_id: approver, at: iso(decidedAt) }];
      const row = payoutRow(key, at, amount, status, counts[wk], {
        approvals: JSON.stringify(approvals), decided_by: approver, decided_at: iso(decidedAt), updated_at: iso(decidedAt),
        decline_reason: status === 'declined' ? 'Bank account verification pending' : null,
      });
      w.add('payouts', row);
      // Declined payouts never left; failed ones were debited and bounced back.
      if (status !== 'declined' && status !== 'failed') {
        ledger(merchantId, currency, -amount, 'payout', row.id, decidedAt, decidedAt, `Payout #${row.payout_number}`);
      } else if (status === 'failed') {
        const back = decidedAt + 2 * DAY;
        ledger(merchantId, currency, -amount, 'payout', row.id, decidedAt, decidedAt, `Payout #${row.payout_number}`, returnsRng);
        ledger(merchantId, currency, amount, 'payout', row.id, back, back, `Payout #${row.payout_number} failed`, returnsRng);
      }
    }
    const available = settledSum.get(key) ?? 0;
    if (available > 0) pendingCandidates.push({ key, available });
  }

  // Awaiting approval now: most covered by the balance, some above the dual-approval line,
  // two already holding a first approval, one that the balance cannot cover.
  pendingCandidates.sort((a, b) => b.available - a.available || a.key.localeCompare(b.key));
  for (const [i, { key, available }] of pendingCandidates.entries()) {
    const at = end - int(rng, 1, 72) * 3_600_000;
    const count = int(rng, 5, 400);
    if (i < 3 && available >= dual * 1.2) {
      const amount = Math.max(dual, Math.floor(available * 0.7));
      const firstApprover = i < 2 ? admin2Id : null;
      const status = firstApprover ? 'pending_second_approval' : 'pending';
      const approvals = firstApprover ? [{ user_id: firstApprover, at: iso(at + 3_600_000) }] : [];
      w.add('payouts', payoutRow(key, at, amount, status, count, { approvals: JSON.stringify(approvals) }));
    } else if (i === 3) {
      w.add('payouts', payoutRow(key, at, Math.floor(available * 1.3) + 100, 'pending', count));
    } else if (i < 14 || rng() < 0.2) {
      w.add('payouts', payoutRow(key, at, Math.max(1, Math.floor(available * (0.2 + rng() * 0.5))), 'pending', count));
    }
  }

}
