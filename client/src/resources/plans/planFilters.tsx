import { PLAN_TYPES } from '../../../../shared/enums.ts';
import { EnumFilterList } from '../../common/FilterSidebar.tsx';
import { currencyFilter, dateRangeFilters, enumFilter, searchFilter } from '../../common/filterInputs.tsx';

export const planFilters = [searchFilter(), enumFilter('plan_type', 'plan_type', PLAN_TYPES), currencyFilter(), ...dateRangeFilters()];

export function PlanSidebar() {
  return <EnumFilterList source="plan_type" values={PLAN_TYPES} name="plan_type" label="resources.plans.fields.plan_type" counts />;
}
