// Changing a user (admins only): name, role and whether the account is disabled; nothing else
// is writable (PUT /api/users/:id). Disabling or changing the role ends the user's sessions on
// the server, so those changes are confirmed first, saying so. An admin cannot lock themselves
// out: the form does not offer it, and should the server still refuse (409), its reason shows.
import { Alert, Stack } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput, Confirm, Edit, required, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, useGetIdentity,
  useNotify, useRecordContext, useRedirect, useTranslate, useUpdate, type RaRecord,
} from 'react-admin';
import { ROLES } from '../../../../shared/enums.ts';
import { enumChoices, useEnumLabel } from '../../common/EnumField.tsx';
import { serverError } from '../../common/serverErrors.ts';

const WRITABLE = ['name', 'role', 'disabled'] as const;
type Changes = Partial<Record<(typeof WRITABLE)[number], unknown>>;

/** Only what changed: the server audits the difference, and an untouched form sends nothing. */
export function userChanges(before: RaRecord, values: Record<string, unknown>): Changes {
  return Object.fromEntries(WRITABLE.filter((k) => values[k] !== undefined && values[k] !== before[k]).map((k) => [k, values[k]]));
}

/** The consequences worth a confirmation, as message keys with their arguments. */
function consequences(before: RaRecord, changes: Changes, roleLabel: (r: string) => string) {
  const name = String(changes.name ?? before.name);
  const out: Array<[string, Record<string, string>]> = [];
  if (changes.disabled === true) out.push(['admin.users.confirm_disable', { name }]);
  if (changes.role !== undefined && !(changes.disabled === true)) {
    out.push(['admin.users.confirm_role', { name, from: roleLabel(String(before.role)), to: roleLabel(String(changes.role)) }]);
  }
  return out;
}

export function UserEditForm() {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const [update] = useUpdate<RaRecord>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ lines: Array<[string, Record<string, string>]>; answer: (ok: boolean) => void } | null>(null);
  if (!record) return null;
  const self = identity?.id === record.id;

  // The submission stays pending while the dialog is open, so the form cannot be sent twice.
  const confirm = (lines: Array<[string, Record<string, string>]>) =>
    new Promise<boolean>((resolve) => setAsking({ lines, answer: (ok) => { setAsking(null); resolve(ok); } }));

  const submit = async (values: Record<string, unknown>) => {
    setRefusal(null);
    const changes = userChanges(record, values);
    if (Object.keys(changes).length === 0) {
      redirect('show', 'users', record.id);
      return;
    }
    const lines = consequences(record, changes, (r) => enumLabel('role', r));
    if (lines.length > 0 && !(await confirm(lines))) return;
    try {
      const saved = (await update('users', { id: record.id, data: changes, previousData: record }, { returnPromise: true, mutationMode: 'pessimistic' })) as RaRecord | undefined;
      // Making someone an active admin waits for a second admin (a pending grant): say so.
      const name = saved?.name ?? record.name;
      const waits = (changes.role === 'admin' && saved?.role !== 'admin') || (changes.disabled === false && saved?.disabled === true);
      notify(waits ? 'admin.users.grant_requested' : 'admin.users.updated', { type: waits ? 'info' : 'success', messageArgs: { name } });
      redirect('show', 'users', record.id);
    } catch (error) {
      const { status, message, errors } = serverError(error);
      if (status === 400 && Object.keys(errors).length > 0) return errors;
      setRefusal(status === 409 ? translate('admin.users.self_lockout', { _: message }) : message);
    }
  };

  return (
    <>
      <SimpleForm
        onSubmit={submit}
        record={record}
        toolbar={<Toolbar><SaveButton /></Toolbar>}
      >
        <Stack spacing={1} sx={{ width: '100%', mb: 1 }}>
          {self && <Alert severity="info">{translate('admin.users.self_note')}</Alert>}
          {refusal && <Alert severity="error" data-testid="user-edit-refusal">{refusal}</Alert>}
        </Stack>
        <TextInput source="name" validate={required()} fullWidth />
        <SelectInput source="role" choices={enumChoices('role', ROLES)} validate={required()} disabled={self} fullWidth />
        <BooleanInput source="disabled" label="admin.users.disabled" helperText="admin.users.disabled_help" disabled={self} />
      </SimpleForm>
      <Confirm
        isOpen={!!asking}
        title="admin.users.confirm_title"
        titleTranslateOptions={{ name: String(record.name) }}
        content={
          <Stack spacing={1}>
            {asking?.lines.map(([key, args]) => <span key={key}>{translate(key, args)}</span>)}
          </Stack>
        }
        confirm="ra.action.save"
        confirmColor={asking?.lines.some(([key]) => key === 'admin.users.confirm_disable') ? 'warning' : 'primary'}
        onConfirm={() => asking?.answer(true)}
        onClose={() => asking?.answer(false)}
      />
    </>
  );
}

export default function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" actions={false} redirect="show" sx={{ '& .RaEdit-main': { maxWidth: 640 } }}>
      <UserEditForm />
    </Edit>
  );
}
