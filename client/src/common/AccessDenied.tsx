// A screen this role may not open (an admin screen typed into the address bar, a bookmark from
// another account): one page saying so, shown before anything on it asks the API — the list, its
// sidebar counts and tabs are never mounted, so no request is refused on the way.
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useCanAccess, useGetResourceLabel, useResourceContext, useTranslate } from 'react-admin';

export function AccessDenied({ resource }: { resource?: string }) {
  const translate = useTranslate();
  const label = useGetResourceLabel();
  const name = resource ? label(resource, 2) : '';
  return (
    <Card data-testid="access-denied" sx={{ mt: 2 }}>
      <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <LockOutlinedIcon color="disabled" sx={{ fontSize: 48 }} />
        <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography variant="h5" component="h1" gutterBottom>{translate('app.screens.access.title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.screens.access.help', { name })}
          </Typography>
          <Button component={Link} to="/" variant="contained">{translate('app.screens.access.home')}</Button>
        </Box>
      </CardContent>
    </Card>
  );
}

/**
 * Renders its children only once the role is known to be allowed `action` on the resource; the
 * access-denied page otherwise, and nothing while the answer is pending (it comes from the
 * session already loaded, in a moment).
 */
export function AccessGate({ action, children }: { action: 'list' | 'show'; children: ReactNode }) {
  const resource = useResourceContext() ?? '';
  const { canAccess, isPending } = useCanAccess({ resource, action });
  if (isPending) return null;
  if (!canAccess) return <AccessDenied resource={resource} />;
  return <>{children}</>;
}
