// An enumeration value (entry mode, refund reason, plan type, ...) in the user's language.
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export type EnumName = 'plan_type' | 'capture_method' | 'entry_mode' | 'refund_reason' | 'source_type' | 'role' | 'status';

export function useEnumLabel() {
  const translate = useTranslate();
  return (name: EnumName, value: string) => translate(`app.enums.${name}.${value}`, { _: value });
}

export function EnumField({ source, name }: { source: string; name: EnumName }) {
  const record = useRecordContext();
  const label = useEnumLabel();
  const value = record?.[source];
  if (value === null || value === undefined) return <Typography component="span" variant="body2" color="text.secondary">—</Typography>;
  return <Typography component="span" variant="body2">{label(name, value)}</Typography>;
}

/** Choices for a SelectInput over an enumeration, labelled in the user's language. */
export function enumChoices(name: EnumName, values: readonly string[]) {
  return values.map((v) => ({ id: v, name: `app.enums.${name}.${v}` }));
}
