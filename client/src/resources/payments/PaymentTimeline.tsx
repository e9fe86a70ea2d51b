import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatMoney } from '../../../../shared/currencies.ts';
import { DateTimeText } from '../../common/DateTimeField.tsx';
import { Section } from '../../common/DetailLayout.tsx';
import { IdLink } from '../../common/RecordLinks.tsx';
import { useIntlLocale } from '../../common/useIntlLocale.ts';
import { paymentTimeline } from './paymentTimeline.ts';
import { usePaymentChildren } from './usePaymentChildren.ts';

export function PaymentTimeline() {
  const payment = useRecordContext();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { refunds, disputes } = usePaymentChildren(payment?.id as string | undefined);
  if (!payment) return null;
  const events = paymentTimeline(payment, refunds, disputes, (a, c) => formatMoney(a, c, locale));
  return (
    <Section title="app.show.timeline" testId="payment-timeline">
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {events.map((event, i) => (
          <Box component="li" key={`${event.key}-${i}`} sx={{ display: 'flex', gap: 1.5, pb: i === events.length - 1 ? 0 : 2, position: 'relative' }}>
            <Box
              sx={(theme) => ({
                width: 10, height: 10, borderRadius: '50%', mt: '6px', flexShrink: 0, zIndex: 1,
                bgcolor: event.tone === 'neutral' ? theme.palette.text.disabled : theme.palette[event.tone].main,
              })}
            />
            {i < events.length - 1 && (
              <Box sx={{ position: 'absolute', left: 4, top: 16, bottom: 0, width: 2, bgcolor: 'divider' }} />
            )}
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" fontWeight={600} data-testid="timeline-event">
                {translate(`app.timeline.${event.key}`, {
                  ...event.params,
                  reason: event.params?.reason ? translate(`app.dispute_reason.${event.params.reason}`, { _: event.params.reason }) : undefined,
                })}
              </Typography>
              <Box sx={{ color: 'text.secondary' }}><DateTimeText value={event.dateOnly ? event.at.slice(0, 10) : event.at} dateOnly={event.dateOnly} /></Box>
              {event.link && <IdLink resource={event.link.resource} id={event.link.id} />}
            </Box>
          </Box>
        ))}
      </Box>
    </Section>
  );
}
