// What submitting still needs, item by item, so nobody has to guess why Submit is disabled.
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDisputeWork } from './DisputeWork.tsx';
import type { Missing } from './submitReadiness.ts';

/** The checklist's lines: each is done unless one of its `missing` reasons applies. */
const ITEMS: Array<{ key: string; missing: Missing[] }> = [
  { key: 'response', missing: ['response', 'unsaved'] },
  { key: 'evidence', missing: ['evidence', 'uploading'] },
  { key: 'in_time', missing: ['overdue'] },
];

export function ReadinessChecklist() {
  const work = useDisputeWork();
  const translate = useTranslate();
  if (!work) return null;
  const { missing } = work.readiness;
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="submit-checklist">
      {ITEMS.map((item) => {
        const why = item.missing.find((m) => missing.includes(m));
        return (
          <Box component="li" key={item.key} data-done={!why} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', py: 0.25 }}>
            {why
              ? <RadioButtonUncheckedIcon fontSize="small" color="disabled" sx={{ mt: '1px' }} />
              : <CheckCircleIcon fontSize="small" color="success" sx={{ mt: '1px' }} />}
            <Typography variant="body2" color={why ? 'text.primary' : 'text.secondary'}>
              {translate(why ? `app.dispute_work.missing.${why}` : `app.dispute_work.done.${item.key}`)}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}
