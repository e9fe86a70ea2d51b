import { NullableBooleanInput } from 'react-admin';
import { ROLES } from '../../../../shared/enums.ts';
import { EnumFilterList } from '../../common/FilterSidebar.tsx';
import { dateRangeFilters, enumFilter, searchFilter } from '../../common/filterInputs.tsx';

export const userFilters = [
  searchFilter(),
  enumFilter('role', 'role', ROLES),
  <NullableBooleanInput key="disabled" source="disabled" />,
  ...dateRangeFilters(),
];

export function UserSidebar() {
  return <EnumFilterList source="role" values={ROLES} name="role" label="resources.users.fields.role" counts />;
}
