import { useRecordContext } from 'react-admin';
import { StatusChip } from '../../common/StatusChip.tsx';

/** "Enabled" or "Disabled", as a status chip. */
export function UserStatus() {
  const record = useRecordContext();
  if (!record) return null;
  return <StatusChip status={record.disabled ? 'disabled' : 'enabled'} />;
}
