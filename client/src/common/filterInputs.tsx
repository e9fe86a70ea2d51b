// The filter inputs every list shares, written once: text search, status and other enums,
// merchant by autocomplete, currency, and date and amount ranges on the `_gte` / `_lte`
// conventions of the list protocol. Each resource picks the ones its API declares.
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput, DateInput, FormDataConsumer, NumberInput, ReferenceInput, SearchInput, SelectInput, TextInput, useTranslate,
  type Validator,
} from 'react-admin';
import { currencyExponent, SEED_CURRENCIES } from '../../../shared/currencies.ts';
import { enumChoices, type EnumName } from './EnumField.tsx';

function QInput(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('app.filter.search')} />;
}

export const searchFilter = () => <QInput key="q" source="q" alwaysOn />;

export const enumFilter = (source: string, name: EnumName, values: readonly string[], label?: string) => (
  <SelectInput key={source} source={source} label={label} choices={enumChoices(name, values)} />
);

export const statusFilter = (values: readonly string[]) => enumFilter('status', 'status', values, 'app.filter.status');

export const merchantFilter = (alwaysOn = false) => (
  <ReferenceInput key="merchant_id" source="merchant_id" reference="merchants" alwaysOn={alwaysOn}>
    <AutocompleteInput label="app.filter.merchant" filterToQuery={(q: string) => (q ? { q } : {})} sx={{ minWidth: 220 }} />
  </ReferenceInput>
);

export const currencyFilter = (source = 'currency') => (
  <SelectInput key={source} source={source} label="app.filter.currency" choices={SEED_CURRENCIES.map((c) => ({ id: c, name: c }))} />
);

// Dates are picked as days in the user's time zone and sent as the UTC instants that bound
// that day, so "created from 21 Nov" means the 21st where the user is.
const pad = (n: number) => String(n).padStart(2, '0');
export const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const startOfLocalDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
export const endOfLocalDay = (day: string) => new Date(new Date(`${day}T00:00:00`).getTime() + 86_400_000 - 1).toISOString();
const isoToLocalDay = (value: string | null | undefined) => (value ? (value.length === 10 ? value : localDay(new Date(value))) : '');

export const dateRangeFilters = (source = 'created_at', labels = { from: 'app.filter.created_from', to: 'app.filter.created_to' }) => [
  <DateInput key={`${source}_gte`} source={`${source}_gte`} label={labels.from}
    parse={(v: string) => (v ? startOfLocalDay(v) : null)} format={isoToLocalDay} />,
  <DateInput key={`${source}_lte`} source={`${source}_lte`} label={labels.to}
    parse={(v: string) => (v ? endOfLocalDay(v) : null)} format={isoToLocalDay} />,
];

/** Calendar-date fields (a dispute's due date) are the same day everywhere: no zone shift. */
export const calendarRangeFilters = (source: string, labels: { from: string; to: string }) => [
  <DateInput key={`${source}_gte`} source={`${source}_gte`} label={labels.from} />,
  <DateInput key={`${source}_lte`} source={`${source}_lte`} label={labels.to} />,
];

// Filters a user can get wrong say so under the field, and the list keeps its last valid
// filter until they are fixed (react-admin applies a filter form only when it is valid); the API
// refuses the same values with a 400 (docs/api.md, "Filters").
const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

const notNegative: Validator = (value) => (!isEmpty(value) && Number(value) < 0 ? 'app.filter.error_negative' : undefined);

/** The lower end of a range may not be above its upper end, whichever of the two was typed last. */
const orderedRange = (from: string, to: string): Validator => (_value, all: Record<string, unknown>) => {
  const [low, high] = [all?.[from], all?.[to]];
  return !isEmpty(low) && !isEmpty(high) && Number(low) > Number(high) ? 'app.filter.error_range' : undefined;
};

export const cardLast4Filter = () => (
  <TextInput key="card_last4" source="card_last4" label="app.filter.card_last4"
    validate={(value: unknown) => (!isEmpty(value) && !/^\d{4}$/.test(String(value)) ? 'app.filter.error_last4' : undefined)} />
);

/** Checks this field again when its partner changes, so an error goes once the other end is fixed. */
function useRevalidateWith(source: string, partner: string) {
  const { trigger, getFieldState } = useFormContext();
  const other = useWatch({ name: partner });
  useEffect(() => {
    if (getFieldState(source).invalid) void trigger(source);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the partner's value matters
  }, [other]);
}

/**
 * Amounts are typed in major units ("10.50") and sent in minor units (1050), using the
 * exponent of the currency filtered on (2 when none is chosen; JPY has 0).
 */
function AmountInput({ source, label, partner, range, signed }: {
  source: string; label: string; partner: string; range: Validator; signed?: boolean; alwaysOn?: boolean;
}) {
  const translate = useTranslate();
  useRevalidateWith(source, partner);
  return (
    <FormDataConsumer>
      {({ formData }) => {
        const currency: string | undefined = formData?.currency;
        const factor = 10 ** currencyExponent(currency ?? 'USD');
        return (
          <NumberInput
            source={source}
            label={`${translate(label)}${currency ? ` (${currency})` : ''}`}
            step={1 / factor}
            min={signed ? undefined : 0}
            validate={signed ? [range] : [notNegative, range]}
            parse={(v: string) => (v === '' || v === null || Number.isNaN(Number(v)) ? null : Math.round(Number(v) * factor))}
            format={(v: number | null | undefined) => (v === null || v === undefined ? '' : String(v / factor))}
            sx={{ maxWidth: 180 }}
          />
        );
      }}
    </FormDataConsumer>
  );
}

/** `signed`: ledger entries, whose amounts are negative for money going out. */
export const amountRangeFilters = (source = 'amount', { signed = false } = {}) => {
  const [from, to] = [`${source}_gte`, `${source}_lte`];
  const range = orderedRange(from, to);
  return [
    <AmountInput key={from} source={from} partner={to} range={range} signed={signed} label="app.filter.amount_from" />,
    <AmountInput key={to} source={to} partner={from} range={range} signed={signed} label="app.filter.amount_to" />,
  ];
};
