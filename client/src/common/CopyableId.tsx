// Ids are what people paste into tickets and chats: shown in monospace with a copy button.
// In tables they are shortened ("py_01KA…Q7XZ") with the full id on hover.
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, IconButton, Tooltip, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';

export function shortId(id: string): string {
  const cut = id.indexOf('_') + 5;
  return id.length > cut + 6 ? `${id.slice(0, cut)}…${id.slice(-4)}` : id;
}

export function CopyButton({ value }: { value: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async (event: MouseEvent) => {
    event.stopPropagation(); // inside clickable rows: copy, don't navigate
    event.preventDefault();
    try {
      await navigator.clipboard.writeText(value);
      notify('app.field.copied', { type: 'info', autoHideDuration: 1500 });
    } catch {
      // Clipboard refused (insecure context): the id stays selectable.
    }
  };
  return (
    <Tooltip title={translate('app.field.copy')}>
      <IconButton size="small" onClick={copy} aria-label={`${translate('app.field.copy')} ${value}`} sx={{ p: 0.25, ml: 0.25 }}>
        <ContentCopyIcon sx={{ fontSize: 14 }} />
      </IconButton>
    </Tooltip>
  );
}

export function CopyableIdText({ id, short }: { id: string; short?: boolean }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', maxWidth: '100%' }}>
      <Tooltip title={short ? id : ''}>
        <Typography
          component="span"
          variant="body2"
          sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.8rem', ...(short ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }) }}
        >
          {short ? shortId(id) : id}
        </Typography>
      </Tooltip>
      <CopyButton value={id} />
    </Box>
  );
}

export function CopyableId({ source = 'id', short }: { source?: string; short?: boolean }) {
  const record = useRecordContext();
  const id = record?.[source];
  if (!id) return <Typography component="span" variant="body2" color="text.secondary">—</Typography>;
  return <CopyableIdText id={String(id)} short={short} />;
}
