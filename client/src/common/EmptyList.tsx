// What a list shows when the resource has no records at all (not merely none matching filters);
// a live list still says when the first ones arrive.
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined';
import { Box, Typography } from '@mui/material';
import { useGetResourceLabel, useResourceContext, useTranslate } from 'react-admin';
import { NewRecordsPrompt } from './NewRecordsPrompt.tsx';

export function EmptyList({ live }: { live?: boolean }) {
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const name = useGetResourceLabel()(resource, 2).toLowerCase();
  return (
    <Box sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary', flex: 1 }} data-testid="empty-list">
      {live && <NewRecordsPrompt />}
      <InboxOutlinedIcon sx={{ fontSize: 56, opacity: 0.5 }} />
      <Typography variant="h6" color="text.primary" sx={{ mt: 1 }}>{translate('app.list.empty_title', { name })}</Typography>
      <Typography variant="body2">{translate('app.list.empty_text')}</Typography>
    </Box>
  );
}
