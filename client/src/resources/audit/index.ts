// The audit log: admins only, read only.
import HistoryIcon from '@mui/icons-material/History';
import { lazyView } from '../../lazyView.ts';
import type { RaRecord } from 'react-admin';
import { auditActionKey } from '../../i18n/admin/en.ts';
import { i18nProvider } from '../../i18n/i18nProvider.ts';

export default {
  list: lazyView(() => import('./AuditList.tsx')),
  show: lazyView(() => import('./AuditShow.tsx')),
  icon: HistoryIcon,
  // Page titles read "Audit entry User changed", in the user's language, not the action's code.
  recordRepresentation: (record: RaRecord) => i18nProvider.translate(auditActionKey(record.action), { _: record.action }),
};
