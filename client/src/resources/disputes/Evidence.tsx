// Evidence for the response: PDF, PNG or JPEG files dropped on the box or chosen, uploaded one
// by one (each with its own Idempotency-Key, so a retry cannot add it twice), listed with a
// preview, size, type, uploader and a download link; removable while the dispute is open.
import { useQueryClient } from '@tanstack/react-query';
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useRef, useState, type DragEvent } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { Section } from '../../common/DetailLayout.tsx';
import { IdempotentAttempts } from '../../common/idempotentAttempts.ts';
import type { KboDataProvider } from '../../dataProvider.ts';
import { attachmentsKey, useDisputeWork } from './DisputeWork.tsx';
import { EvidenceFile } from './EvidenceFile.tsx';

export const ACCEPTED_TYPES = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';

interface Upload {
  localId: number;
  file: File;
  attempts: IdempotentAttempts<File>;
  sending: boolean;
  error?: string;
  uncertain?: boolean;
}

let nextLocalId = 1;

function useUploads(disputeId: string, setUploading: (change: (n: number) => number) => void) {
  const dataProvider = useDataProvider<KboDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const translate = useTranslate();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = (localId: number, change: Partial<Upload> | null) =>
    setUploads((list) => (change === null ? list.filter((u) => u.localId !== localId) : list.map((u) => (u.localId === localId ? { ...u, ...change } : u))));

  const send = async (upload: Upload) => {
    patch(upload.localId, { sending: true, error: undefined });
    setUploading((n) => n + 1);
    const { key, body: file } = upload.attempts.next(upload.file);
    try {
      await dataProvider.uploadDisputeAttachment(disputeId, file, key);
      upload.attempts.settle(file);
      patch(upload.localId, null);
      await queryClient.invalidateQueries({ queryKey: attachmentsKey(disputeId) });
    } catch (error) {
      const outcome = upload.attempts.settle(file, error);
      const status = (error as { status?: number })?.status;
      const message = outcome === 'unknown' && (typeof status !== 'number' || status >= 500)
        ? translate('app.action.unknown_outcome') : (error as Error).message;
      patch(upload.localId, { sending: false, error: message, uncertain: outcome === 'unknown' });
      notify(`${file.name}: ${message}`, { type: 'error', messageArgs: { _: `${file.name}: ${message}` } });
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const add = async (files: File[]) => {
    const fresh = files.map((file) => ({ localId: nextLocalId++, file, attempts: new IdempotentAttempts<File>(), sending: true }));
    setUploads((list) => [...list, ...fresh]);
    // One at a time: the server takes one file per request, and the list fills in order.
    for (const upload of fresh) await send(upload);
  };

  return { uploads, add, retry: send, dismiss: (localId: number) => patch(localId, null) };
}

function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length) onFiles(files);
  };
  return (
    <Box
      onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="evidence-dropzone"
      sx={(theme) => ({
        border: `2px dashed ${over ? theme.palette.primary.main : theme.palette.divider}`,
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 2, p: 2, textAlign: 'center', transition: 'background-color 120ms, border-color 120ms',
      })}
    >
      <CloudUploadOutlinedIcon color={over ? 'primary' : 'disabled'} sx={{ fontSize: 36 }} />
      <Typography variant="body2" sx={{ mb: 1 }}>{translate('app.dispute_work.drop_here')}</Typography>
      <Button variant="outlined" size="small" onClick={() => input.current?.click()}>{translate('app.dispute_work.choose_files')}</Button>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>{translate('app.dispute_work.accepted_files')}</Typography>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_TYPES}
        multiple
        hidden
        data-testid="evidence-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ''; // choosing the same file again is a new upload
          if (files.length) onFiles(files);
        }}
      />
    </Box>
  );
}

export function Evidence() {
  const work = useDisputeWork();
  const translate = useTranslate();
  const { uploads, add, retry, dismiss } = useUploads(work?.id ?? '', work?.setUploading ?? (() => {}));
  if (!work) return null;
  const canChange = work.can.attach && work.isOpen;
  return (
    <Section title="app.dispute_work.evidence" testId="dispute-evidence">
      {work.attachments.length === 0 && !work.attachmentsPending && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: canChange ? 1.5 : 0 }}>{translate('app.dispute_work.no_evidence')}</Typography>
      )}
      {work.attachments.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, mb: canChange ? 1.5 : 0, p: 0 }}>
          {work.attachments.map((a) => <EvidenceFile key={a.id} attachment={a} removable={canChange} />)}
        </Box>
      )}
      {uploads.map((u) => (
        <Alert
          key={u.localId}
          severity={u.sending ? 'info' : u.uncertain ? 'warning' : 'error'}
          icon={u.sending ? <CircularProgress size={18} /> : undefined}
          sx={{ mb: 1, overflowWrap: 'anywhere' }}
          data-testid="evidence-upload"
          action={u.sending ? undefined : (
            <>
              {u.uncertain && <Button size="small" color="inherit" onClick={() => retry(u)}>{translate('app.action.retry')}</Button>}
              <Button size="small" color="inherit" onClick={() => dismiss(u.localId)}>{translate('ra.action.close')}</Button>
            </>
          )}
        >
          <strong>{u.file.name}</strong> — {u.sending ? translate('app.dispute_work.uploading') : u.error}
        </Alert>
      ))}
      {canChange && <DropZone onFiles={add} />}
    </Section>
  );
}
