// Actions on a payment: a refund, for operators and admins (support only reads), on a captured
// payment with something left to refund. When disputes took what was left, the button stays,
// disabled, saying why.
import UndoIcon from '@mui/icons-material/Undo';
import { Button, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { refundableAmount, RefundDialog } from './RefundDialog.tsx';

export function PaymentActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'payments', action: 'refund' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess || record.status !== 'captured') return null;
  if (refundableAmount(record) <= 0) {
    if (!(Number(record.amount_charged_back ?? 0) > 0)) return null;
    return (
      <Tooltip title={translate('app.refund.disputed_help')}>
        {/* A disabled button fires no events; the span carries the tooltip. */}
        <span data-testid="refund-disputed-blocked">
          <Button variant="outlined" startIcon={<UndoIcon />} disabled>{translate('app.refund.button')}</Button>
        </span>
      </Tooltip>
    );
  }
  return (
    <>
      <Button variant="outlined" startIcon={<UndoIcon />} onClick={() => setOpen(true)}>
        {translate('app.refund.button')}
      </Button>
      {/* Mounted per opening: each opening is one refund, with its own Idempotency-Key. */}
      {open && <RefundDialog payment={record} onClose={() => setOpen(false)} />}
    </>
  );
}
