// A merchant: its plan, balances per currency, fees and plan comparison charts (loaded lazily),
// recent payments, payouts and disputes.
import { lazy, Suspense } from 'react';
import { DataTable, ReferenceField, TextField, useRecordContext } from 'react-admin';
import { CopyableId } from '../../common/CopyableId.tsx';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { ChartSkeleton } from '../../dashboard/ChartCard.tsx';
import { Columns, FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { AmountWithStatus, Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { PlanField } from '../../common/RecordLinks.tsx';
import { RelatedList } from '../../common/RelatedList.tsx';
import { StatusField } from '../../common/StatusChip.tsx';
import { CardField, cardText } from '../payments/CardField.tsx';
import { DisputeReason } from '../disputes/DisputeReason.tsx';
import { DueDate } from '../disputes/DueDate.tsx';
import { MerchantAdminButton } from './MerchantAdmin.tsx';
import { PlanPricing } from '../plans/PlanPricing.tsx';

const MerchantStats = lazy(() => import('./MerchantStats.tsx'));

function Balances() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RelatedList
      title="app.show.balances"
      reference="balances"
      filter={{ merchant_id: record.id }}
      sort={{ field: 'id', order: 'ASC' }}
      perPage={10}
      mobile={{ primary: () => <MoneyField source="available" fontWeight={600} />, secondary: (r) => <Muted>{r.currency}</Muted>, tertiary: () => <MoneyField source="pending" /> }}
    >
      <DataTable.Col source="currency" />
      <DataTable.Col source="available" align="right"><MoneyField source="available" /></DataTable.Col>
      <DataTable.Col source="pending" align="right"><MoneyField source="pending" /></DataTable.Col>
    </RelatedList>
  );
}

function Activity() {
  const record = useRecordContext();
  if (!record) return null;
  const mine = { merchant_id: record.id };
  return (
    <>
      <RelatedList
        title="app.show.payments"
        reference="payments"
        filter={mine}
        perPage={10}
        mobile={{ primary: () => <AmountWithStatus />, secondary: (r) => <Muted>{cardText(r)} · {r.customer_email}</Muted>, tertiary: () => <DateTimeField source="created_at" /> }}
      >
        <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
        <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
        <DataTable.Col source="status"><StatusField /></DataTable.Col>
        <DataTable.Col source="card_last4"><CardField /></DataTable.Col>
        <DataTable.Col source="id"><CopyableId short /></DataTable.Col>
      </RelatedList>
      <RelatedList
        title="app.show.payouts"
        reference="payouts"
        filter={mine}
        mobile={{ primary: () => <AmountWithStatus />, secondary: (r) => <Muted>#{r.payout_number}</Muted>, tertiary: () => <DateTimeField source="created_at" /> }}
      >
        <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
        <DataTable.Col source="payout_number" render={(r) => `#${r.payout_number}`} />
        <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
        <DataTable.Col source="status"><StatusField /></DataTable.Col>
      </RelatedList>
      <RelatedList
        title="app.show.disputes"
        reference="disputes"
        filter={mine}
        mobile={{ primary: () => <AmountWithStatus />, secondary: () => <Muted><DisputeReason /></Muted>, tertiary: () => <DueDate /> }}
      >
        <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
        <DataTable.Col source="amount" align="right"><MoneyField /></DataTable.Col>
        <DataTable.Col source="status"><StatusField /></DataTable.Col>
        <DataTable.Col source="reason_code"><DisputeReason compact /></DataTable.Col>
        <DataTable.Col source="response_due_date"><DueDate /></DataTable.Col>
      </RelatedList>
    </>
  );
}

export default function MerchantShow() {
  return (
    <ShowPage>
      <RecordHeader primary={<TextField source="name" variant="h5" />} secondary={<TextField source="email" />} actions={<MerchantAdminButton />} />
      <Columns
        main={
          <>
            <Section title="app.show.details">
              <FieldGrid>
                <Item source="email"><TextField source="email" /></Item>
                <Item source="country"><TextField source="country" /></Item>
                <Item source="default_currency"><TextField source="default_currency" /></Item>
                <Item source="plan_id"><PlanField /></Item>
                <Item source="created_at"><DateTimeField source="created_at" /></Item>
              </FieldGrid>
            </Section>
            <Suspense fallback={<ChartSkeleton height={360} />}><MerchantStats /></Suspense>
            <Activity />
          </>
        }
        side={
          <>
            <Section title="app.show.pricing">
              <ReferenceField source="plan_id" reference="plans" link="show">
                <TextField source="name" sx={{ fontWeight: 600, display: 'block' }} />
                <PlanPricing />
              </ReferenceField>
            </Section>
            <Balances />
          </>
        }
      />
    </ShowPage>
  );
}
