// A dispute's assignee in a list row: "You" for oneself, else the name the API gives with the
// dispute (assignee_name), for every role — no request to the users list, which is admins' only.
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { UserName } from '../../common/UserName.tsx';

export function AssigneeField() {
  const record = useRecordContext();
  if (!record?.assignee_id) return <Typography component="span" variant="body2" color="text.secondary">—</Typography>;
  return <UserName id={record.assignee_id} name={record.assignee_name} />;
}
