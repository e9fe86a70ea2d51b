// What a refused write says, for forms: the status, and the per-field errors of a 400
// (`{message, errors: {field: reason}}`, docs/api.md, "Conventions"), with the password policy's reasons
// (server/auth/passwordPolicy.ts) turned into message keys the user reads in their language.

/** The server's minimum length, checked in the form too so the commonest mistake needs no round trip. */
export const MIN_PASSWORD_LENGTH = 12;

const PASSWORD_REASONS: Record<string, string> = {
  'too short': 'admin.password.too_short',
  'too long': 'admin.password.too_long',
  'too common': 'admin.password.too_common',
  'contains email or name': 'admin.password.contains_identity',
  'invalid characters': 'admin.password.invalid_characters',
  required: 'admin.password.required',
};

export interface ServerError {
  status?: number;
  message: string;
  errors: Record<string, string>;
}

/** The parts of a rejected data-provider or fetch call that forms use. */
export function serverError(error: unknown): ServerError {
  const e = error as { status?: number; message?: string; body?: { message?: string; errors?: Record<string, string> } } | undefined;
  const errors = e?.body?.errors && typeof e.body.errors === 'object' ? e.body.errors : {};
  return { status: e?.status, message: e?.body?.message ?? e?.message ?? 'ra.notification.http_error', errors };
}

/** A password policy refusal as a message key; other reasons pass through as the server wrote them. */
export function passwordMessage(reason: string, fallback: string): string {
  return PASSWORD_REASONS[reason] ?? fallback;
}
