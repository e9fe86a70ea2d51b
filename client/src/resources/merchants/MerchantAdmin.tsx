// Admins change a merchant's status (active / suspended / closed) and plan: PUT /api/merchants/:id
// with what changed. The dialog is the confirmation: it says what the chosen status or plan means
// before anything is applied. Other roles do not see the button (the server refuses them anyway).
import TuneIcon from '@mui/icons-material/Tune';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl, FormControlLabel,
  FormLabel, MenuItem, Radio, RadioGroup, Stack, TextField as MuiTextField,
} from '@mui/material';
import { useState } from 'react';
import {
  RecordContextProvider, useCanAccess, useGetList, useNotify, useRecordContext, useTranslate, useUpdate,
  type RaRecord,
} from 'react-admin';
import { MERCHANT_STATUSES } from '../../../../shared/enums.ts';
import { serverError } from '../../common/serverErrors.ts';
import { StatusChip } from '../../common/StatusChip.tsx';
import { useIsSmall } from '../../common/useIsSmall.ts';
import { PlanPricing } from '../plans/PlanPricing.tsx';

export function MerchantAdminButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'merchants', action: 'edit', record });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess) return null;
  return (
    <>
      {/* MUI's Button, not react-admin's: that one shrinks to a bare icon on phones. */}
      <Button onClick={() => setOpen(true)} variant="outlined" size="small" startIcon={<TuneIcon />} data-testid="merchant-admin">
        {translate('admin.merchants.manage')}
      </Button>
      {open && <MerchantAdminDialog merchant={record} onClose={() => setOpen(false)} />}
    </>
  );
}

/** Only the fields that changed, so the audit row records exactly the decision taken. */
export function merchantChanges(merchant: RaRecord, status: string, planId: string) {
  return {
    ...(status !== merchant.status ? { status } : {}),
    ...(planId && planId !== merchant.plan_id ? { plan_id: planId } : {}),
  };
}

function MerchantAdminDialog({ merchant, onClose }: { merchant: RaRecord; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const isSmall = useIsSmall();
  const [update, { isPending }] = useUpdate<RaRecord>();
  const [status, setStatus] = useState<string>(merchant.status);
  const [planId, setPlanId] = useState<string>(merchant.plan_id ?? '');
  const { data: plans = [] } = useGetList('plans', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const changes = merchantChanges(merchant, status, planId);
  const changed = Object.keys(changes).length > 0;
  const planName = (id: string) => plans.find((p) => p.id === id)?.name ?? id;

  const apply = () =>
    update(
      'merchants',
      { id: merchant.id, data: changes, previousData: merchant },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('admin.merchants.saved', { type: 'success', messageArgs: { name: merchant.name } });
          onClose();
        },
        onError: (error) => notify(serverError(error).message, { type: 'error' }),
      },
    );

  return (
    <Dialog open onClose={isPending ? undefined : onClose} maxWidth="sm" fullWidth fullScreen={isSmall} aria-labelledby="merchant-admin-title">
      <DialogTitle id="merchant-admin-title">{translate('admin.merchants.title', { name: merchant.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5}>
          <DialogContentText>{translate('admin.merchants.intro')}</DialogContentText>
          <FormControl>
            <FormLabel id="merchant-status-label">{translate('resources.merchants.fields.status')}</FormLabel>
            <RadioGroup aria-labelledby="merchant-status-label" value={status} onChange={(e) => setStatus(e.target.value)}>
              {MERCHANT_STATUSES.map((s) => (
                <FormControlLabel
                  key={s}
                  value={s}
                  control={<Radio size="small" />}
                  sx={{ alignItems: 'flex-start', mt: 1, '& .MuiRadio-root': { pt: 0.25 } }}
                  label={
                    <Box>
                      <StatusChip status={s} />
                      <Box component="span" sx={{ display: 'block', mt: 0.5, typography: 'body2', color: 'text.secondary' }}>
                        {translate(`admin.merchants.status_effect.${s}`)}
                      </Box>
                    </Box>
                  }
                />
              ))}
            </RadioGroup>
          </FormControl>
          <MuiTextField
            select
            label={translate('resources.merchants.fields.plan_id')}
            value={plans.length ? planId : ''}
            onChange={(e) => setPlanId(e.target.value)}
            fullWidth
            slotProps={{ select: { renderValue: (id) => plans.find((p) => p.id === id)?.name ?? String(id) } }}
          >
            {plans.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                <RecordContextProvider value={p}>
                  <Box>
                    <Box sx={{ fontWeight: 500 }}>{p.name}</Box>
                    <Box sx={{ color: 'text.secondary' }}><PlanPricing /></Box>
                  </Box>
                </RecordContextProvider>
              </MenuItem>
            ))}
          </MuiTextField>
          {/* What applying will do: the decision in one place before it is taken. */}
          <Alert severity={changed && status !== 'active' ? 'warning' : 'info'} data-testid="merchant-admin-effect">
            {changed ? (
              <Stack spacing={0.75}>
                {changes.status && (
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                    {translate('resources.merchants.fields.status')}: <StatusChip status={merchant.status} /> → <StatusChip status={changes.status} />
                  </Box>
                )}
                {changes.plan_id && (
                  <span>
                    {translate('resources.merchants.fields.plan_id')}: {planName(merchant.plan_id)} → {planName(changes.plan_id)}.{' '}
                    {translate('admin.merchants.plan_effect', { plan: planName(changes.plan_id) })}
                  </span>
                )}
                <span>{translate('admin.merchants.audit_note')}</span>
              </Stack>
            ) : (
              translate('admin.merchants.no_change')
            )}
          </Alert>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isPending}>{translate('ra.action.cancel')}</Button>
        <Button onClick={apply} disabled={!changed || isPending} variant="contained">{translate('admin.merchants.apply')}</Button>
      </DialogActions>
    </Dialog>
  );
}
