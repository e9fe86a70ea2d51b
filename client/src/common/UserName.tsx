// A user by id: "You" for the signed-in user, the name for admins (who may read users), the
// short id for the others.
import { Typography } from '@mui/material';
import { RecordContextProvider, useGetIdentity, useTranslate } from 'react-admin';
import { UserField } from './RecordLinks.tsx';

export function UserName({ id }: { id: string | null | undefined }) {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (id && identity?.id === id) {
    return <Typography component="span" variant="body2" fontWeight={600}>{translate('app.action.you')}</Typography>;
  }
  return (
    <RecordContextProvider value={{ id: id ?? '', user_id: id }}>
      <UserField source="user_id" />
    </RecordContextProvider>
  );
}
