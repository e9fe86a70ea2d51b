// An audit action in words ("User changed"), with its code (user.updated) on hover.
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { auditActionKey } from '../../i18n/admin/en.ts';

export function useAuditActionLabel() {
  const translate = useTranslate();
  return (action: string) => translate(auditActionKey(action), { _: action });
}

export function AuditActionText({ action }: { action: string }) {
  const label = useAuditActionLabel();
  return <>{label(action)}</>;
}

export function AuditActionField({ variant = 'body2' }: { variant?: 'body2' | 'h5' }) {
  const record = useRecordContext();
  const label = useAuditActionLabel();
  if (!record?.action) return null;
  return (
    <Typography component="span" variant={variant} title={record.action}>
      {label(record.action)}
    </Typography>
  );
}

