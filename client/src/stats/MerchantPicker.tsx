// Choose one merchant by typing part of its name (the list API's `q` search), or none.
import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { useAutocompleteTexts } from '../common/useAutocompleteTexts.ts';

export interface MerchantChoice { id: string; name: string }

export function MerchantPicker({ value, onChange, label = 'app.stats.merchant' }: {
  value: MerchantChoice | null;
  onChange: (m: MerchantChoice | null) => void;
  label?: string;
}) {
  const translate = useTranslate();
  const texts = useAutocompleteTexts();
  const [text, setText] = useState('');
  const q = text.trim();
  const { data = [], isPending } = useGetList<MerchantChoice>('merchants', {
    filter: q && q !== value?.name ? { q } : {},
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <Autocomplete
      {...texts}
      size="small"
      sx={{ width: 220 }}
      options={data}
      loading={isPending}
      value={value}
      onChange={(_e, m) => onChange(m ? { id: m.id, name: m.name } : null)}
      onInputChange={(_e, t) => setText(t)}
      getOptionLabel={(m) => m.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      renderInput={(params) => <TextField {...params} label={translate(label)} />}
    />
  );
}
