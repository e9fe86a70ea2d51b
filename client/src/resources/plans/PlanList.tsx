import { DataTable, TextField } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField.tsx';
import { EnumField } from '../../common/EnumField.tsx';
import { EnumText } from '../../common/EnumText.tsx';
import { Muted } from '../../common/MobileRow.tsx';
import { MoneyField } from '../../common/MoneyField.tsx';
import { BpsField } from '../../common/PercentField.tsx';
import { ResourceList } from '../../common/ResourceList.tsx';
import { PlanPricing } from './PlanPricing.tsx';
import { PlanSidebar, planFilters } from './planFilters.tsx';

export default function PlanList() {
  return (
    <ResourceList
      facets={['plan_type']}
      filters={planFilters}
      sidebar={<PlanSidebar />}
      sort={{ field: 'name', order: 'ASC' }}
      mobile={{
        primary: (r) => r.name,
        secondary: () => <Muted><PlanPricing /></Muted>,
        tertiary: (r) => <EnumText name="plan_type" value={r.plan_type} />,
      }}
    >
      <DataTable.Col source="name"><TextField source="name" /></DataTable.Col>
      <DataTable.Col source="plan_type"><EnumField source="plan_type" name="plan_type" /></DataTable.Col>
      <DataTable.Col source="percent_bps" align="right"><BpsField source="percent_bps" /></DataTable.Col>
      <DataTable.Col source="fixed_fee" align="right"><MoneyField source="fixed_fee" /></DataTable.Col>
      <DataTable.Col source="currency" />
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
    </ResourceList>
  );
}
