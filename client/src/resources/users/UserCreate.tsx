// A new user (admins only): email, name, role and an initial password. The server's password
// policy and its other refusals come back as errors on the fields they are about.
import {
  Create, email, minLength, PasswordInput, required, SelectInput, SimpleForm, TextInput, useCreate, useNotify,
  useRedirect, type RaRecord,
} from 'react-admin';
import { ROLES } from '../../../../shared/enums.ts';
import { enumChoices } from '../../common/EnumField.tsx';
import { MIN_PASSWORD_LENGTH, passwordMessage, serverError } from '../../common/serverErrors.ts';

interface NewUser {
  email: string;
  name: string;
  role: string;
  password: string;
}

/** Field errors for a refused creation, or null when the refusal is not about a field. */
export function createErrors(error: unknown): Record<string, string> | null {
  const { status, message, errors } = serverError(error);
  if (status === 409) return { email: 'admin.users.email_taken' };
  if (status !== 400 || Object.keys(errors).length === 0) return null;
  // The policy names the problem in `errors.password` and explains it in `message`.
  return Object.fromEntries(
    Object.entries(errors).map(([field, reason]) => [field, field === 'password' ? passwordMessage(reason, message) : reason]),
  );
}

function CreateForm() {
  const [create] = useCreate<RaRecord>();
  const notify = useNotify();
  const redirect = useRedirect();
  const submit = async (values: Partial<NewUser>) => {
    try {
      const user = (await create('users', { data: values }, { returnPromise: true })) as RaRecord;
      // An admin created by an admin waits, disabled, for a second admin's approval.
      const waits = user.role === 'admin' && user.disabled === true;
      notify(waits ? 'admin.users.grant_requested' : 'admin.users.created', { type: waits ? 'info' : 'success', messageArgs: { name: user.name } });
      redirect('show', 'users', user.id);
    } catch (error) {
      const fields = createErrors(error);
      if (fields) return fields;
      notify(serverError(error).message, { type: 'error' });
    }
  };
  return (
    <SimpleForm onSubmit={submit} defaultValues={{ role: 'operator' }}>
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} fullWidth />
      <TextInput source="name" autoComplete="off" validate={required()} fullWidth />
      <SelectInput source="role" choices={enumChoices('role', ROLES)} validate={required()} fullWidth />
      <PasswordInput
        source="password"
        label="admin.users.password"
        autoComplete="new-password"
        helperText="admin.users.password_help"
        validate={[required(), minLength(MIN_PASSWORD_LENGTH, 'admin.password.too_short')]}
        fullWidth
      />
    </SimpleForm>
  );
}

export default function UserCreate() {
  return (
    <Create sx={{ '& .RaCreate-main': { maxWidth: 640 } }}>
      <CreateForm />
    </Create>
  );
}
