// An enumeration value as plain text in the user's language (for places without a record context).
import { useEnumLabel, type EnumName } from './EnumField.tsx';

export function EnumText({ name, value }: { name: EnumName; value: string | null | undefined }) {
  const label = useEnumLabel();
  return <>{value ? label(name, value) : '—'}</>;
}
