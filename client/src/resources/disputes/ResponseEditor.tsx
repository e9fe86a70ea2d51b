// The response to the card network: edited here and saved on the dispute (PUT response_text)
// while it needs a response; read-only once submitted or closed, and for those who only read.
import SaveIcon from '@mui/icons-material/Save';
import { Box, Button, TextField, Typography } from '@mui/material';
import { useTranslate, useUpdate } from 'react-admin';
import { Section } from '../../common/DetailLayout.tsx';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import { useNotifyRefusal } from '../../common/useServerCall.ts';
import { useDisputeWork } from './DisputeWork.tsx';

const MAX = 20_000;

export function ResponseEditor() {
  const work = useDisputeWork();
  const translate = useTranslate();
  const locale = useIntlLocale();
  // react-admin's update (PUT /api/disputes/:id with only this field) puts the saved record in
  // its cache before we drop the draft, so the text never flickers back.
  const [update, { isPending: busy }] = useUpdate();
  const refused = useNotifyRefusal();
  if (!work) return null;
  const number = (n: number) => n.toLocaleString(locale);
  const saved: string = work.dispute.response_text ?? '';

  if (!(work.can.edit && work.isOpen)) {
    return (
      <Section title="app.show.response" testId="dispute-response">
        {saved
          ? <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{saved}</Typography>
          : <Typography variant="body2" color="text.secondary">{translate('app.show.no_response')}</Typography>}
      </Section>
    );
  }

  const save = () => update(
    'disputes',
    { id: work.id, data: { response_text: work.draft }, previousData: work.dispute },
    { onSuccess: () => work.setDraft(null), onError: refused },
  );
  return (
    <Section title="app.show.response" testId="dispute-response">
      <TextField
        value={work.draft}
        onChange={(e) => work.setDraft(e.target.value.slice(0, MAX))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && work.unsaved) save();
        }}
        placeholder={translate('app.dispute_work.response_placeholder')}
        multiline
        minRows={6}
        fullWidth
        disabled={busy}
        slotProps={{ htmlInput: { 'aria-label': translate('app.show.response'), 'data-testid': 'response-text' } }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" size="small" startIcon={<SaveIcon />} onClick={() => save()} disabled={!work.unsaved || busy}>
          {translate('app.dispute_work.save_response')}
        </Button>
        {work.unsaved && work.draft !== saved && (
          <Button size="small" onClick={() => work.setDraft(null)} disabled={busy}>{translate('app.dispute_work.discard')}</Button>
        )}
        <Typography variant="caption" color={work.unsaved ? 'warning.main' : 'text.secondary'} sx={{ ml: 'auto' }}>
          {[
            work.unsaved ? translate('app.dispute_work.unsaved') : saved ? translate('app.dispute_work.saved') : '',
            translate('app.dispute_work.characters', { count: number(work.draft.length), max: number(MAX) }),
          ].filter(Boolean).join(' · ')}
        </Typography>
      </Box>
    </Section>
  );
}
