// Actions on a payment: a refund, for operators and admins (support only reads), on a captured
// payment with something left to refund.
import UndoIcon from '@mui/icons-material/Undo';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { refundableAmount, RefundDialog } from './RefundDialog.tsx';

export function PaymentActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'payments', action: 'refund' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess || refundableAmount(record) <= 0) return null;
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
