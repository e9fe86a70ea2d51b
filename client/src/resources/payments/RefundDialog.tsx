// The refund dialog: prefilled with what remains refundable, typed in major units, a reason and
// an optional note. It shows what the refund leaves and that the processing fee is not returned.
import { Box, InputAdornment, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { currencyExponent, formatMoney } from '../../../../shared/currencies.ts';
import { REFUND_REASONS } from '../../../../shared/enums.ts';
import type { RefundInput } from '../../actionMethods.ts';
import { ActionDialog } from '../../common/ActionDialog.tsx';
import { useEnumLabel } from '../../common/EnumField.tsx';
import { useIdempotentAction } from '../../common/useIdempotentAction.ts';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import type { KboDataProvider } from '../../dataProvider.ts';
import { decimalSeparator, minorToInput, parseAmountInput } from './refundAmount.ts';

/**
 * What can still be refunded: a captured payment's amount less what was refunded already and less
 * what disputes that are not won have taken (the server's rule, docs/money.md "Refunds and disputes").
 */
export function refundableAmount(payment: RaRecord): number {
  if (payment.status !== 'captured') return 0;
  return Number(payment.amount) - Number(payment.amount_refunded ?? 0) - Number(payment.amount_charged_back ?? 0);
}

const NOTE_MAX = 1000;

export function RefundDialog({ payment, onClose }: { payment: RaRecord; onClose: () => void }) {
  const dataProvider = useDataProvider<KboDataProvider>();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const locale = useIntlLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const currency: string = payment.currency;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const remaining = refundableAmount(payment);
  const disputed = Number(payment.amount_charged_back ?? 0);

  const [amount, setAmount] = useState(() => minorToInput(remaining, currency, decimalSeparator(locale)));
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);

  const action = useIdempotentAction(
    (body: RefundInput, key: string) => dataProvider.refund(body, key),
    (refund) => {
      notify('app.refund.done', { type: 'success', messageArgs: { amount: money(refund.amount) } });
      refresh();
      onClose();
    },
  );

  const check = parseAmountInput(amount, currency, remaining);
  const amountError = !check.ok && (tried || amount !== '') ? translate(`app.refund.problem.${check.problem}`, { max: money(remaining), currency }) : '';
  const reasonError = tried && !reason ? translate('app.refund.reason_required') : '';
  const locked = action.sending || action.uncertain;

  const confirm = () => {
    setTried(true);
    if (!check.ok || !reason) return;
    void action.submit({ payment_id: String(payment.id), amount: check.minor, reason, note: note.trim() || null });
  };

  return (
    <ActionDialog
      open
      onClose={onClose}
      title="app.refund.title"
      confirmLabel={check.ok ? translate('app.refund.confirm_amount', { amount: money(check.minor) }) : 'app.refund.confirm'}
      onConfirm={confirm}
      sending={action.sending}
      error={action.error}
      uncertain={action.uncertain}
      testId="refund-dialog"
    >
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0, '& dd': { m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}>
        <Typography component="dt" variant="body2" color="text.secondary">{translate('app.refund.captured')}</Typography>
        <Typography component="dd" variant="body2">{money(Number(payment.amount))}</Typography>
        <Typography component="dt" variant="body2" color="text.secondary">{translate('app.refund.already_refunded')}</Typography>
        <Typography component="dd" variant="body2">{money(Number(payment.amount_refunded ?? 0))}</Typography>
        {disputed > 0 && (
          <>
            <Typography component="dt" variant="body2" color="text.secondary">{translate('app.refund.disputed')}</Typography>
            <Typography component="dd" variant="body2" data-testid="refund-disputed">{money(disputed)}</Typography>
          </>
        )}
        <Typography component="dt" variant="body2" fontWeight={600}>{translate('app.refund.refundable')}</Typography>
        <Typography component="dd" variant="body2" fontWeight={600} data-testid="refund-remaining">{money(remaining)}</Typography>
      </Box>
      <TextField
        label={translate('app.refund.amount', { currency })}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={!!amountError}
        helperText={amountError || translate('app.refund.amount_help', { max: money(remaining) })}
        disabled={locked}
        autoFocus
        required
        slotProps={{
          htmlInput: { inputMode: currencyExponent(currency) > 0 ? 'decimal' : 'numeric', 'data-testid': 'refund-amount' },
          input: { endAdornment: <InputAdornment position="end">{currency}</InputAdornment> },
        }}
      />
      <TextField
        select
        label={translate('app.refund.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={!!reasonError}
        helperText={reasonError || ' '}
        disabled={locked}
        required
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'refund-reason' } as object } }}
      >
        {REFUND_REASONS.map((r) => <MenuItem key={r} value={r}>{enumLabel('refund_reason', r)}</MenuItem>)}
      </TextField>
      <TextField
        label={translate('app.refund.note')}
        value={note}
        onChange={(e) => setNote(e.target.value.slice(0, NOTE_MAX))}
        multiline
        minRows={2}
        disabled={locked}
        helperText={translate('app.refund.note_help')}
      />
      {disputed > 0 && <Typography variant="body2" color="text.secondary">{translate('app.refund.disputed_help')}</Typography>}
      <Typography variant="body2" color="text.secondary">
        {translate('app.refund.fee_kept', { fee: money(Number(payment.fee_amount ?? 0)) })}
      </Typography>
    </ActionDialog>
  );
}
