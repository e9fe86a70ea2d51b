// A user by id: "You" for the signed-in user; otherwise the name the record already carries (the
// API names assignees and approvers for every role), else the name for admins (who may read
// users), else the short id.
import { Typography } from '@mui/material';
import { RecordContextProvider, useGetIdentity, useTranslate } from 'react-admin';
import { UserField } from './RecordLinks.tsx';

export function UserName({ id, name }: { id: string | null | undefined; name?: string | null }) {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (id && identity?.id === id) {
    return <Typography component="span" variant="body2" fontWeight={600}>{translate('app.action.you')}</Typography>;
  }
  if (id && name) return <Typography component="span" variant="body2" title={id}>{name}</Typography>;
  return (
    <RecordContextProvider value={{ id: id ?? '', user_id: id }}>
      <UserField source="user_id" />
    </RecordContextProvider>
  );
}
