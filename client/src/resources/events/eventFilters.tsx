// The events list filters by what became of an event (the admin's first question: what failed,
// what waits?), by type, by the object it is about, and by when it came.
import { cloneElement } from 'react';
import { SelectInput, TextInput } from 'react-admin';
import { PROCESSOR_EVENT_STATUSES, PROCESSOR_EVENT_TYPES } from '../../../../shared/enums.ts';
import { dateRangeFilters, searchFilter, statusFilter } from '../../common/filterInputs.tsx';

export const eventFilters = [
  searchFilter(),
  cloneElement(statusFilter(PROCESSOR_EVENT_STATUSES), { alwaysOn: true }),
  <SelectInput key="type" source="type" choices={PROCESSOR_EVENT_TYPES.map((t) => ({ id: t, name: t }))} translateChoice={false} alwaysOn sx={{ minWidth: 200 }} />,
  <TextInput key="object_id" source="object_id" parse={(v: string) => v.trim()} />,
  ...dateRangeFilters('received_at', { from: 'app.events.received_from', to: 'app.events.received_to' }),
];
