// The objects the processor knows, with the back office's field names: an event's `data` is one
// of these records as it stands when the event happens (docs/processor.md, "Envelope").
import type { Knex } from 'knex';
import type { PlanPricing } from '../shared/fees.ts';

export interface MerchantRecord {
  id: string;
  name: string;
  email: string;
  country: string;
  default_currency: string;
  status: string;
  plan_id: string;
  created_at: string;
  updated_at: string;
}

export interface PlanRecord extends PlanPricing {
  id: string;
  name: string;
  created_at: string;
}

export interface IntentRecord {
  id: string;
  merchant_id: string;
  amount: number;
  currency: string;
  status: string;
  capture_method: 'automatic' | 'manual';
  amount_captured: number;
  amount_refunded: number;
  amount_disputed: number;
  reference_id: string | null;
  description: string | null;
  customer_email: string | null;
  cancellation_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface PaymentRecord {
  id: string;
  intent_id: string;
  merchant_id: string;
  amount: number;
  currency: string;
  status: string;
  entry_mode: string;
  card_brand: string;
  card_last4: string;
  fee_amount: number;
  net_amount: number;
  amount_refunded: number;
  decline_code: string | null;
  decline_reason: string | null;
  auth_code: string | null;
  settlement_status: 'settled' | 'unsettled';
  settled_at: string | null;
  captured_at: string | null;
  customer_email: string | null;
  reference_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RefundRecord {
  id: string;
  payment_id: string;
  intent_id: string;
  merchant_id: string;
  amount: number;
  currency: string;
  reason: string;
  status: 'pending' | 'succeeded' | 'failed';
  created_at: string;
  updated_at: string;
}

export interface DisputeRecord {
  id: string;
  payment_id: string;
  merchant_id: string;
  amount: number;
  currency: string;
  status: string;
  reason_code: string;
  reason: string | null;
  dispute_date: string;
  response_due_date: string;
  closed_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface PayoutRecord {
  id: string;
  merchant_id: string;
  payout_number: number;
  amount: number;
  fee_amount: number;
  net_amount: number;
  currency: string;
  status: string;
  transaction_count: number;
  created_at: string;
  updated_at: string;
}

export interface RecordKinds {
  merchant: MerchantRecord;
  plan: PlanRecord;
  intent: IntentRecord;
  payment: PaymentRecord;
  refund: RefundRecord;
  dispute: DisputeRecord;
  payout: PayoutRecord;
}
export type Kind = keyof RecordKinds;

export async function getRecord<K extends Kind>(db: Knex, kind: K, id: string): Promise<RecordKinds[K] | undefined> {
  const row = await db('sim_objects').where({ kind, id }).first('record');
  return row ? (JSON.parse(row.record) as RecordKinds[K]) : undefined;
}

export async function putRecord<K extends Kind>(db: Knex, kind: K, record: RecordKinds[K]): Promise<void> {
  const r = record as RecordKinds[K] & { merchant_id?: string | null; status?: string; updated_at?: string; created_at?: string };
  await db('sim_objects')
    .insert({
      kind, id: r.id, merchant_id: r.merchant_id ?? null, status: r.status ?? null, record: JSON.stringify(r),
      updated_at: r.updated_at ?? r.created_at ?? new Date(0).toISOString(),
    })
    .onConflict(['kind', 'id'])
    .merge();
}

/** Inserts a record only when the processor does not know it yet; true when it was new. */
export async function adoptRecord<K extends Kind>(db: Knex, kind: K, record: RecordKinds[K]): Promise<boolean> {
  const r = record as RecordKinds[K] & { merchant_id?: string | null; status?: string; updated_at?: string; created_at?: string };
  const inserted = await db('sim_objects')
    .insert({
      kind, id: r.id, merchant_id: r.merchant_id ?? null, status: r.status ?? null, record: JSON.stringify(r),
      updated_at: r.updated_at ?? r.created_at ?? new Date(0).toISOString(),
    })
    .onConflict(['kind', 'id'])
    .ignore()
    .returning('id');
  return inserted.length > 0;
}

export async function listRecords<K extends Kind>(db: Knex, kind: K, where: { status?: string } = {}): Promise<Array<RecordKinds[K]>> {
  const q = db('sim_objects').where({ kind }).orderBy('id');
  if (where.status) q.andWhere('status', where.status);
  return (await q.select('record')).map((r) => JSON.parse(r.record));
}
