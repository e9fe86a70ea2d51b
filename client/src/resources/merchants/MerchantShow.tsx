// A merchant: its plan, balances per currency, fees and plan comparison charts (loaded lazily),
// recent payments, payouts and disputes.
import { lazy, Suspense } from 'react';
import { DataTable, ReferenceField, TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { ChartSkeleton } from '../../stats/ChartCard.tsx';
import { Columns, FieldGrid, Item, RecordHeader, Section, ShowPage } from '../../common/DetailLayout.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { PlanField } from '../../common/RecordLinks.tsx';
import { RelatedList } from '../../common/RelatedList.tsx';
import { MerchantAdminButton } from './MerchantAdmin.tsx';
import { PlanPricing } from '../plans/PlanPricing.tsx';
import { RelatedPayments } from '../payments/RelatedPayments.tsx';
import { RelatedDisputes } from '../disputes/RelatedDisputes.tsx';
import { RelatedPayouts } from '../payouts/RelatedPayouts.tsx';

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
      <RelatedPayments filter={mine} perPage={10} />
      <RelatedPayouts filter={mine} />
      <RelatedDisputes filter={mine} />
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
