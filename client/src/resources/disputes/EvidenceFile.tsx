// One evidence file: a preview (images are read through the authorised download route as a
// blob, shown from an object URL), its name as the download link, size, type, who uploaded it
// and when, and — while the dispute is open — Remove.
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { Box, ButtonBase, Dialog, DialogContent, IconButton, Link, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { attachmentUrl, type DisputeAttachment } from '../../actionMethods.ts';
import { ActionDialog } from '../../common/ActionDialog.tsx';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import { useServerCall } from '../../common/useServerCall.ts';
import { UserName } from '../../common/UserName.tsx';
import type { KboDataProvider } from '../../dataProvider.ts';
import { attachmentsKey } from './DisputeWork.tsx';

const isImage = (a: DisputeAttachment) => a.content_type.startsWith('image/');

/** "PNG", "PDF", "JPEG": what people call these files. */
export const fileKind = (contentType: string) => contentType.split('/')[1]?.toUpperCase() ?? contentType;

/** "239 B", "12.5 kB", "1.2 MB" in the user's language. */
export function formatSize(bytes: number, locale: string): string {
  if (bytes < 1000) return `${new Intl.NumberFormat(locale).format(bytes)} B`;
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1000, 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

function usePreviewUrl(attachment: DisputeAttachment): string | undefined {
  const dataProvider = useDataProvider<KboDataProvider>();
  const [url, setUrl] = useState<string>();
  const image = isImage(attachment);
  useEffect(() => {
    if (!image) return undefined;
    let objectUrl: string | undefined;
    let live = true;
    dataProvider.attachmentBlob(attachment.dispute_id, attachment.id).then((blob) => {
      if (!live) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    }, () => undefined); // no preview; the download link still works
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [dataProvider, attachment.dispute_id, attachment.id, image]);
  return url;
}

function Thumbnail({ attachment }: { attachment: DisputeAttachment }) {
  const translate = useTranslate();
  const url = usePreviewUrl(attachment);
  const [open, setOpen] = useState(false);
  const box = { width: 56, height: 56, borderRadius: 1, border: 1, borderColor: 'divider', flexShrink: 0, overflow: 'hidden', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'action.hover' };
  if (!isImage(attachment)) {
    return <Box sx={box}><PictureAsPdfOutlinedIcon color="error" /></Box>;
  }
  return (
    <>
      <ButtonBase sx={box} onClick={() => setOpen(true)} disabled={!url} aria-label={translate('app.dispute_work.preview', { name: attachment.filename })}>
        {url && <Box component="img" src={url} alt="" data-testid="evidence-preview" sx={{ width: '100%', height: '100%', objectFit: 'cover' }} />}
      </ButtonBase>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="lg">
        <DialogContent sx={{ p: 1 }}>
          {url && <Box component="img" src={url} alt={attachment.filename} sx={{ display: 'block', maxWidth: '100%', maxHeight: '80vh' }} />}
        </DialogContent>
      </Dialog>
    </>
  );
}

function RemoveButton({ attachment }: { attachment: DisputeAttachment }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KboDataProvider>();
  const queryClient = useQueryClient();
  const { busy, call } = useServerCall();
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    const removed = await call(() => dataProvider.deleteDisputeAttachment(attachment.dispute_id, attachment.id));
    if (removed) {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: attachmentsKey(attachment.dispute_id) });
    }
  };
  return (
    <>
      <Tooltip title={translate('app.dispute_work.remove')}>
        <IconButton size="small" onClick={() => setConfirming(true)} aria-label={`${translate('app.dispute_work.remove')} ${attachment.filename}`}>
          <DeleteOutlineIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {confirming && (
        <ActionDialog
          open
          onClose={() => setConfirming(false)}
          title="app.dispute_work.remove_title"
          confirmLabel="app.dispute_work.remove"
          onConfirm={remove}
          sending={busy}
          danger
        >
          <Typography>{translate('app.dispute_work.remove_question', { name: attachment.filename })}</Typography>
        </ActionDialog>
      )}
    </>
  );
}

export function EvidenceFile({ attachment, removable }: { attachment: DisputeAttachment; removable: boolean }) {
  const locale = useIntlLocale();
  return (
    <Box component="li" data-testid="evidence-file" sx={{ display: 'flex', gap: 1.5, alignItems: 'center', py: 1, '& + &': { borderTop: 1, borderColor: 'divider' } }}>
      <Thumbnail attachment={attachment} />
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Link href={attachmentUrl(attachment.dispute_id, attachment.id)} download={attachment.filename} variant="body2" sx={{ overflowWrap: 'anywhere', fontWeight: 600 }}>
          {attachment.filename}
        </Link>
        <Typography
          variant="caption"
          color="text.secondary"
          component="div"
          // The uploader and time are body-sized fields elsewhere: here they read as one caption line.
          sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', alignItems: 'baseline', '& .MuiTypography-root, & strong': { fontSize: 'inherit', fontWeight: 'inherit', color: 'inherit' } }}
        >
          <span>{formatSize(attachment.size, locale)}</span>·<span>{fileKind(attachment.content_type)}</span>·<UserName id={attachment.uploaded_by} />·<DateTimeText value={attachment.created_at} />
        </Typography>
      </Box>
      {removable && <RemoveButton attachment={attachment} />}
    </Box>
  );
}
