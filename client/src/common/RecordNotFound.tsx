// What a detail view shows when its record cannot be read: for a 404, "No payment with id …"
// with the id as typed (to copy or correct) and a way back to the list — the user stays on the
// URL they opened, instead of react-admin's generic "Element does not exist" and a redirect.
// Any other failure says the record could not be loaded and offers to try again.
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { Link, useCreatePath, useGetResourceLabel, useShowContext, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';

export function RecordNotFound() {
  const { error, resource = '', refetch } = useShowContext();
  const { id = '' } = useParams();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const label = useGetResourceLabel();
  const missing = (error as { status?: number } | null)?.status === 404;
  const name = label(resource, 1).toLocaleLowerCase();
  return (
    <Card data-testid="record-not-found" data-status={missing ? 404 : 'error'} sx={{ mt: 1 }}>
      <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <SearchOffIcon color="disabled" sx={{ fontSize: 48 }} />
        <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate(missing ? 'app.screens.not_found.title' : 'app.screens.not_found.failed_title', { name })}
          </Typography>
          <Typography variant="body1" sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', overflowWrap: 'anywhere', mb: 1 }} data-testid="missing-id">
            {decodeURIComponent(id)}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(missing ? 'app.screens.not_found.help' : 'app.screens.not_found.failed_help')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button component={Link} to={createPath({ resource, type: 'list' })} variant="contained">
              {translate('app.screens.not_found.back', { name: label(resource, 2).toLocaleLowerCase() })}
            </Button>
            {!missing && <Button onClick={() => refetch()}>{translate('ra.action.refresh')}</Button>}
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
}
