// The state a dispute's workspace shares between its parts: who may do what, the response being
// edited, the evidence on file and uploads under way, and — from those — whether the response
// can be submitted yet. The header's Submit button and the checklist read the same answer.
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useCanAccess, useDataProvider, useRecordContext, type RaRecord } from 'react-admin';
import type { DisputeAttachment } from '../../actionMethods.ts';
import type { KboDataProvider } from '../../dataProvider.ts';
import { submitReadiness, type Missing } from './submitReadiness.ts';
import { useNow } from './useNow.ts';

export interface DisputeWork {
  dispute: RaRecord;
  id: string;
  /** needs_response: the only state in which it can be changed. */
  isOpen: boolean;
  can: { assign: boolean; edit: boolean; note: boolean; attach: boolean; submit: boolean; accept: boolean };
  /** The response as shown in the editor, and whether it differs from the saved one. */
  draft: string;
  setDraft: (text: string | null) => void;
  unsaved: boolean;
  attachments: DisputeAttachment[];
  attachmentsPending: boolean;
  uploading: number;
  setUploading: (change: (n: number) => number) => void;
  readiness: { ready: boolean; missing: Missing[] };
  now: number;
}

const Context = createContext<DisputeWork | null>(null);

export const attachmentsKey = (id: string) => ['disputes', id, 'attachments'];
export const notesKey = (id: string) => ['disputes', id, 'notes'];

function useCan(action: string) {
  return useCanAccess({ resource: 'disputes', action }).canAccess ?? false;
}

function WorkState({ dispute, children }: { dispute: RaRecord; children: ReactNode }) {
  const dataProvider = useDataProvider<KboDataProvider>();
  const id = String(dispute.id);
  const can = {
    assign: useCan('assign'), edit: useCan('edit'), note: useCan('note'), attach: useCan('attach'),
    submit: useCan('submit'), accept: useCan('accept'),
  };
  // null: not edited, the editor shows what is saved (and follows it when it changes).
  const [edited, setDraft] = useState<string | null>(null);
  const [uploading, setUploadingState] = useState(0);
  const now = useNow();
  const attachments = useQuery({ queryKey: attachmentsKey(id), queryFn: () => dataProvider.disputeAttachments(id) });

  const saved: string = dispute.response_text ?? '';
  const draft = edited ?? saved;
  const unsaved = edited !== null && edited !== saved;
  const isOpen = dispute.status === 'needs_response';
  const files = attachments.data ?? [];
  const readiness = submitReadiness({
    status: dispute.status, savedResponse: saved, unsaved, attachments: files.length, uploading,
    dueDate: dispute.response_due_date, now,
  });
  const value: DisputeWork = {
    dispute, id, isOpen, can, draft, setDraft, unsaved, attachments: files, attachmentsPending: attachments.isPending,
    uploading, setUploading: setUploadingState, readiness, now,
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function DisputeWorkProvider({ children }: { children: ReactNode }) {
  const dispute = useRecordContext();
  if (!dispute) return <>{children}</>;
  return <WorkState dispute={dispute}>{children}</WorkState>;
}

/** The workspace state, or null outside it (before the dispute has loaded). */
export function useDisputeWork(): DisputeWork | null {
  return useContext(Context);
}
