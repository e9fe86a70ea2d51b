// The filters every stats view shares (dashboard charts, merchant stats, the reports page): a
// date range, checked as the server checks it, and a currency. One component, so a rule about
// ranges or currencies changes in one place.
import { Box, FormControl, InputLabel, MenuItem, Select, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { validRange } from '../../../shared/days.ts';

export interface DayRange { from: string; to: string }

/** `testId` prefixes the inputs' test ids: `${testId}-from`, `${testId}-to`. */
export function DateRangeFields({ value, onChange, testId }: { value: DayRange; onChange: (r: DayRange) => void; testId: string }) {
  const translate = useTranslate();
  const bad = !validRange(value.from, value.to);
  const field = (key: keyof DayRange) => (
    <TextField
      type="date"
      size="small"
      label={translate(`app.stats.${key}`)}
      value={value[key]}
      onChange={(e) => onChange({ ...value, [key]: e.target.value })}
      error={bad}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `${testId}-${key}` } }}
      sx={{ width: 160 }}
    />
  );
  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      {field('from')}
      {field('to')}
      {bad && <Typography variant="caption" color="error">{translate('app.stats.invalid_range')}</Typography>}
    </Box>
  );
}

/** A currency among `options`; with `allLabel`, an empty choice meaning every currency. */
export function CurrencySelect({ value, options, onChange, allLabel, testId }: {
  value: string | undefined; options: readonly string[]; onChange: (currency: string) => void; allLabel?: string; testId: string;
}) {
  const translate = useTranslate();
  const labelId = `${testId}-label`;
  return (
    <FormControl size="small" fullWidth={false} sx={{ width: allLabel ? 170 : 120 }} disabled={options.length === 0}>
      <InputLabel id={labelId}>{translate('app.stats.currency')}</InputLabel>
      <Select labelId={labelId} label={translate('app.stats.currency')} value={value ?? ''} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {allLabel && <MenuItem value="">{translate(allLabel)}</MenuItem>}
        {options.map((c) => <MenuItem key={c} value={c}>{c}</MenuItem>)}
      </Select>
    </FormControl>
  );
}
