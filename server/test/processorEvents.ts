// Processor events for tests: signed deliveries to POST /api/processor/events, and realistic
// event streams (records with the simulator's field names) built around a world the test makes.
import request from 'supertest';
import { newId } from '../../shared/ids.ts';
import { SIGNATURE_HEADER, signatureHeader } from '../../shared/processorSignature.ts';
import type { TestApp } from './harness.ts';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
export const EVENTS_PATH = '/api/processor/events';

export interface TestEvent {
  id: string;
  type: string;
  created_at: string;
  data: { id: string } & Record<string, unknown>;
}

/** A signed delivery, signed at the app's clock unless `at` says otherwise. */
export function deliver(t: TestApp, event: TestEvent | string, opts: { secret?: string; at?: Date; header?: string | null } = {}) {
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  const req = request(t.app).post(EVENTS_PATH).set('Content-Type', 'application/json');
  const header = opts.header !== undefined ? opts.header : signatureHeader(opts.secret ?? WEBHOOK_SECRET, body, opts.at ?? t.clock.now);
  if (header !== null) req.set(SIGNATURE_HEADER, header);
  return req.send(body);
}

let seq = 0;
const at = (ms: number) => new Date(Date.parse('2026-11-20T08:00:00Z') + ms).toISOString();

/** Builds events in the order the processor would send them; `at` advances a second per event. */
export class EventStream {
  readonly events: TestEvent[] = [];
  private clock = 0;
  private payoutNumber = 700_000 + (++seq % 1000) * 100;

  constructor(readonly planId: string) {}

  private emit(type: string, data: { id: string } & Record<string, unknown>): TestEvent {
    this.clock += 1000;
    const event = { id: newId('event'), type, created_at: at(this.clock), data: { ...data } };
    this.events.push(event);
    return event;
  }

  private stamp() {
    return at(this.clock + 1000);
  }

  merchant(over: Record<string, unknown> = {}) {
    const id = newId('merchant');
    const m = {
      id, name: `Stream ${id.slice(-5)}`, email: 'stream@shop.test', country: 'US', default_currency: 'USD', status: 'active',
      plan_id: this.planId, created_at: this.stamp(), updated_at: this.stamp(), ...over,
    };
    this.emit('merchant.created', m);
    return m;
  }

  merchantUpdated(m: Record<string, unknown> & { id: string }, change: Record<string, unknown>) {
    const next = { ...m, ...change, updated_at: this.stamp() };
    this.emit('merchant.updated', next);
    return next;
  }

  /** An intent and its payment, taken as far as `to`. */
  payment(merchantId: string, opts: { amount?: number; fee?: number; to: 'failed' | 'uncaptured' | 'voided' | 'captured' | 'settled' }) {
    const amount = opts.amount ?? 10_000;
    const intent = {
      id: newId('intent'), merchant_id: merchantId, amount, currency: 'USD', status: 'created', capture_method: 'automatic',
      amount_captured: 0, amount_refunded: 0, amount_disputed: 0, reference_id: 'ORD-1', description: 'Order', customer_email: 'a@b.test',
      cancellation_reason: null, created_at: this.stamp(), updated_at: this.stamp(),
    };
    this.emit('payment_intent.created', intent);
    let p: Record<string, unknown> & { id: string } = {
      id: newId('payment'), intent_id: intent.id, merchant_id: merchantId, amount, currency: 'USD', status: 'pending', entry_mode: 'ecommerce',
      card_brand: 'visa', card_last4: '4242', fee_amount: 0, net_amount: 0, amount_refunded: 0, decline_code: null, decline_reason: null,
      auth_code: null, settlement_status: 'unsettled', settled_at: null, captured_at: null, customer_email: 'a@b.test', reference_id: 'ORD-1',
      created_at: this.stamp(), updated_at: this.stamp(),
    };
    if (opts.to === 'failed') {
      this.emit('payment.failed', { ...p, status: 'failed', decline_code: '3005', decline_reason: 'Insufficient funds' });
      return { intent, payment: p };
    }
    p = { ...p, status: 'uncaptured', fee_amount: opts.fee ?? 320, auth_code: 'A1B2C3', updated_at: this.stamp() };
    this.emit('payment.authorized', p);
    if (opts.to === 'uncaptured') return { intent, payment: p };
    if (opts.to === 'voided') {
      this.emit('payment.voided', { ...p, status: 'voided', updated_at: this.stamp() });
      return { intent, payment: p };
    }
    p = { ...p, status: 'captured', captured_at: this.stamp(), net_amount: amount - Number(p.fee_amount), updated_at: this.stamp() };
    this.emit('payment.captured', p);
    if (opts.to === 'settled') {
      p = { ...p, settlement_status: 'settled', settled_at: this.stamp(), updated_at: this.stamp() };
      this.emit('payment.settled', p);
    }
    return { intent, payment: p };
  }

  refund(payment: Record<string, unknown> & { id: string }, amount: number, outcome: 'succeeded' | 'failed' = 'succeeded', id = newId('refund')) {
    const r = {
      id, payment_id: payment.id, intent_id: payment.intent_id, merchant_id: payment.merchant_id, amount, currency: 'USD',
      reason: 'requested_by_customer', status: outcome, created_at: this.stamp(), updated_at: this.stamp(),
    };
    this.emit(`refund.${outcome}`, r);
    return r;
  }

  dispute(payment: Record<string, unknown> & { id: string }, amount: number, outcome?: 'won' | 'lost') {
    const d = {
      id: newId('dispute'), payment_id: payment.id, merchant_id: payment.merchant_id, amount, currency: 'USD', status: 'needs_response',
      reason_code: '13.1', reason: 'Merchandise or services not received', dispute_date: '2026-11-20', response_due_date: '2026-12-11',
      closed_date: null, created_at: this.stamp(), updated_at: this.stamp(),
    };
    this.emit('dispute.opened', d);
    if (outcome) this.emit(`dispute.${outcome}`, { ...d, status: outcome, closed_date: '2026-11-25', updated_at: this.stamp() });
    return d;
  }

  payout(merchantId: string, amount = 5_000) {
    const p = {
      id: newId('payout'), merchant_id: merchantId, payout_number: ++this.payoutNumber, amount, fee_amount: 25, net_amount: amount - 25,
      currency: 'USD', status: 'pending', transaction_count: 4, created_at: this.stamp(), updated_at: this.stamp(),
    };
    this.emit('payout.created', p);
    return p;
  }

  payoutOutcome(payout: Record<string, unknown> & { id: string }, outcome: 'paid' | 'failed') {
    return this.emit(`payout.${outcome}`, { ...payout, status: outcome, updated_at: this.stamp() });
  }
}

/** The events of a small realistic day: a new merchant, payments in every state, refunds, disputes, a payout. */
export function realisticStream(planId: string): EventStream {
  const s = new EventStream(planId);
  const m = s.merchant();
  const settled = s.payment(m.id, { amount: 12_000, to: 'settled' });
  s.refund(settled.payment, 2_000);
  s.payment(m.id, { amount: 5_000, to: 'failed' });
  s.payment(m.id, { amount: 7_000, to: 'voided' });
  s.payment(m.id, { amount: 8_000, to: 'uncaptured' });
  const disputedWon = s.payment(m.id, { amount: 9_000, to: 'captured' });
  s.dispute(disputedWon.payment, 9_000, 'won');
  const disputedLost = s.payment(m.id, { amount: 4_000, to: 'settled' });
  s.dispute(disputedLost.payment, 3_000, 'lost');
  s.refund(disputedLost.payment, 1_000);
  s.merchantUpdated(m, { name: 'Renamed shop' });
  s.payout(m.id, 3_000);
  return s;
}
