// One colour per meaning, across every resource: green = done as intended, amber = waiting on
// someone here, blue = moving along on its own, red = failed or refused, grey = ended, no money moved.
import { Chip } from '@mui/material';
import { alpha, type Theme } from '@mui/material/styles';
import { useRecordContext, useTranslate } from 'react-admin';

export type Tone = 'success' | 'warning' | 'info' | 'error' | 'neutral';

export const STATUS_TONE: Record<string, Tone> = {
  active: 'success', captured: 'success', succeeded: 'success', won: 'success', paid: 'success', settled: 'success',
  enabled: 'success',
  pending: 'warning', needs_response: 'warning', pending_second_approval: 'warning', uncaptured: 'warning',
  processing: 'info', under_review: 'info', approved: 'info', unsettled: 'info',
  failed: 'error', declined: 'error', lost: 'error', suspended: 'error',
  created: 'neutral', cancelled: 'neutral', voided: 'neutral', closed: 'neutral', accepted: 'neutral', disabled: 'neutral',
  // A payment's display status (shared/paymentDisplayStatus.ts), as Stripe colours them.
  refunded: 'neutral', partially_refunded: 'info', disputed: 'warning',
  // A processor event (docs/processor.md): applied is done; parked waits for its object; received is on its way.
  applied: 'success', parked: 'warning', received: 'info',
};

export function toneOf(status: string): Tone {
  return STATUS_TONE[status] ?? 'neutral';
}

const chipSx = (tone: Tone) => (theme: Theme) => {
  const main = tone === 'neutral' ? theme.palette.text.secondary : theme.palette[tone].main;
  return {
    height: 22,
    width: 'fit-content',
    fontSize: '0.75rem',
    borderRadius: '11px',
    color: tone === 'neutral' || theme.palette.mode === 'dark' ? main : theme.palette[tone].dark,
    backgroundColor: alpha(main, theme.palette.mode === 'dark' ? 0.18 : 0.12),
    '& .MuiChip-label': { px: 1 },
  };
};

export function StatusChip({ status }: { status: string | null | undefined }) {
  const translate = useTranslate();
  if (!status) return null;
  const tone = toneOf(status);
  return (
    <Chip
      size="small"
      label={translate(`app.enums.status.${status}`, { _: status })}
      data-tone={tone}
      data-status={status}
      sx={chipSx(tone)}
    />
  );
}

/** The record's status (or another status-like field) as a chip. */
export function StatusField({ source = 'status' }: { source?: string }) {
  const record = useRecordContext();
  return <StatusChip status={record?.[source]} />;
}
