// Submit the response (needs_response → under_review) and Accept the dispute (the merchant
// concedes), for support and admins while it needs a response. Submit stays disabled, saying
// what is missing, until the server's conditions are met.
import DoneAllIcon from '@mui/icons-material/DoneAll';
import SendIcon from '@mui/icons-material/Send';
import { Box, Button, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatMoney } from '../../../../shared/currencies.ts';
import { ActionDialog } from '../../common/ActionDialog.tsx';
import { useIdempotentAction } from '../../common/useIdempotentAction.ts';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import type { KboDataProvider } from '../../dataProvider.ts';
import { useDisputeWork, type DisputeWork } from './DisputeWork.tsx';

type Kind = 'submit' | 'accept';

function DecisionDialog({ kind, work, onClose }: { kind: Kind; work: DisputeWork; onClose: () => void }) {
  const dataProvider = useDataProvider<KboDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const locale = useIntlLocale();
  const amount = formatMoney(Number(work.dispute.amount), work.dispute.currency, locale);
  const action = useIdempotentAction(
    (_: null, key: string) => (kind === 'submit' ? dataProvider.submitDispute(work.id, key) : dataProvider.acceptDispute(work.id, key)),
    () => {
      notify(`app.dispute_work.${kind}_done`, { type: 'success', messageArgs: { amount } });
      refresh();
      onClose();
    },
  );
  return (
    <ActionDialog
      open
      onClose={onClose}
      title={`app.dispute_work.${kind}_title`}
      confirmLabel={`app.dispute_work.${kind}`}
      onConfirm={() => void action.submit(null)}
      sending={action.sending}
      error={action.error}
      uncertain={action.uncertain}
      danger={kind === 'accept'}
      testId={`${kind}-dialog`}
    >
      <Typography>{translate(`app.dispute_work.${kind}_question`, { amount, smart_count: work.attachments.length })}</Typography>
      <Typography variant="body2" color="text.secondary">{translate(`app.dispute_work.${kind}_effect`, { amount })}</Typography>
    </ActionDialog>
  );
}

export function DisputeActions() {
  const work = useDisputeWork();
  const translate = useTranslate();
  const [dialog, setDialog] = useState<Kind | null>(null);
  if (!work || !work.isOpen || !(work.can.submit || work.can.accept)) return null;
  const { ready, missing } = work.readiness;
  const why = missing.map((m) => translate(`app.dispute_work.missing.${m}`));
  return (
    <>
      {work.can.submit && (
        <Tooltip title={ready ? '' : <Box component="span" sx={{ whiteSpace: 'pre-line' }}>{`${translate('app.dispute_work.cannot_submit')}\n• ${why.join('\n• ')}`}</Box>}>
          <span>
            <Button variant="contained" startIcon={<SendIcon />} disabled={!ready} onClick={() => setDialog('submit')} data-testid="submit-response">
              {translate('app.dispute_work.submit')}
            </Button>
          </span>
        </Tooltip>
      )}
      {work.can.accept && (
        <Button variant="outlined" color="error" startIcon={<DoneAllIcon />} onClick={() => setDialog('accept')}>
          {translate('app.dispute_work.accept')}
        </Button>
      )}
      {/* Mounted per opening: one decision, one Idempotency-Key. */}
      {dialog && <DecisionDialog kind={dialog} work={work} onClose={() => setDialog(null)} />}
    </>
  );
}
