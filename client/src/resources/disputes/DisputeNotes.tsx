// The team's notes on a dispute: append-only, oldest first so the thread reads top to bottom,
// each with its author and time. Those who work disputes can add one in any status.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Box, Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { Section } from '../../common/DetailLayout.tsx';
import { useIdempotentAction } from '../../common/useIdempotentAction.ts';
import { UserName } from '../../common/UserName.tsx';
import type { KboDataProvider } from '../../dataProvider.ts';
import { notesKey, useDisputeWork } from './DisputeWork.tsx';

const MAX = 5000;

function NoteForm({ disputeId }: { disputeId: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KboDataProvider>();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  // One key per note: a double click or a retry after a lost answer cannot post it twice.
  const action = useIdempotentAction(
    (text: string, key: string) => dataProvider.addDisputeNote(disputeId, text, key),
    () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: notesKey(disputeId) });
    },
  );
  const send = () => {
    if (body.trim()) void action.submit(body.trim());
  };
  return (
    <Box component="form" onSubmit={(e) => { e.preventDefault(); send(); }} sx={{ mt: 1.5 }}>
      <TextField
        value={body}
        onChange={(e) => setBody(e.target.value.slice(0, MAX))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
        }}
        placeholder={translate('app.dispute_work.note_placeholder')}
        multiline
        minRows={2}
        fullWidth
        size="small"
        disabled={action.sending || action.uncertain}
        error={!!action.error}
        helperText={action.error ?? translate('app.dispute_work.note_help')}
        slotProps={{ htmlInput: { 'aria-label': translate('app.dispute_work.new_note'), 'data-testid': 'note-text' } }}
      />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 1 }}>
        <Button type="submit" variant="outlined" size="small" disabled={(!body.trim() && !action.uncertain) || action.sending}>
          {action.uncertain ? translate('app.action.retry') : translate('app.dispute_work.add_note')}
        </Button>
      </Box>
    </Box>
  );
}

export function DisputeNotes() {
  const work = useDisputeWork();
  const translate = useTranslate();
  const dataProvider = useDataProvider<KboDataProvider>();
  const id = work?.id ?? '';
  const notes = useQuery({ queryKey: notesKey(id), queryFn: () => dataProvider.disputeNotes(id), enabled: !!work });
  if (!work) return null;
  const list = notes.data ?? [];
  return (
    <Section title="app.dispute_work.notes" testId="dispute-notes">
      {list.length === 0 && !notes.isPending && (
        <Typography variant="body2" color="text.secondary">{translate('app.dispute_work.no_notes')}</Typography>
      )}
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {list.map((note) => (
          <Box component="li" key={note.id} data-testid="dispute-note" sx={{ py: 1, '& + &': { borderTop: 1, borderColor: 'divider' } }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap', color: 'text.secondary' }}>
              <Typography component="span" variant="body2" color="text.primary"><UserName id={note.author_id} name={note.author_name} /></Typography>
              <DateTimeText value={note.created_at} />
            </Box>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.25 }}>{note.body}</Typography>
          </Box>
        ))}
      </Box>
      {work.can.note && <NoteForm disputeId={id} />}
    </Section>
  );
}
