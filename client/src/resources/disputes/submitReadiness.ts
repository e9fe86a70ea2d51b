// What a dispute response still needs before it can be submitted — the server's rules
// (docs/money.md: a response text, at least one piece of evidence, not after the due date),
// checked first here so the Submit button can say what is missing instead of failing.
import { countdown } from './deadline.ts';

export type Missing = 'not_open' | 'response' | 'unsaved' | 'evidence' | 'uploading' | 'overdue';

export interface ReadinessInput {
  status: string;
  /** The response text as saved on the server. */
  savedResponse: string | null | undefined;
  /** True while the editor holds changes not saved yet. */
  unsaved: boolean;
  attachments: number;
  uploading: number;
  dueDate: string;
  now: number;
}

export function submitReadiness(input: ReadinessInput): { ready: boolean; missing: Missing[] } {
  const missing: Missing[] = [];
  if (input.status !== 'needs_response') missing.push('not_open');
  // The server reads the saved text: unsaved edits are what is missing, whatever is saved.
  if (input.unsaved) missing.push('unsaved');
  else if (!input.savedResponse?.trim()) missing.push('response');
  if (input.attachments < 1) missing.push('evidence');
  if (input.uploading > 0) missing.push('uploading');
  if (countdown(input.dueDate, input.now).overdue) missing.push('overdue');
  return { ready: missing.length === 0, missing };
}
