// The saved queries of a list, kept on the server per user (GET /api/saved-queries): the user's
// own and the ones the team shares. A click brings back the filter, sort and page size; the
// current query can be saved under a name, shared with the team or not; only the owner of a
// query shares, unshares or removes it (the server enforces it too). Replaces react-admin's
// SavedQueriesList, which kept them in one browser's localStorage.
import BookmarkBorderIcon from '@mui/icons-material/BookmarkBorder';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import GroupsIcon from '@mui/icons-material/Groups';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import {
  Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton, List, ListItem,
  ListItemButton, ListItemText, TextField, Tooltip, Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useListContext, useNavigate, useNotify, useTranslate } from 'react-admin';
import type { SavedQuery, SavedQueryParams } from '../../../shared/api/savedQueries.ts';
import type { KboDataProvider } from '../dataProvider.ts';

const savedQueriesKey = (resource: string) => ['saved-queries', resource];

/** Key order must not make two equal filters differ. */
const canonical = (value: unknown): string => JSON.stringify(value, (_k, v) => (
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v
));

export function SavedQueries() {
  const { resource, filterValues, sort, perPage, displayedFilters } = useListContext();
  const dataProvider = useDataProvider<KboDataProvider>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const translate = useTranslate();
  const [saving, setSaving] = useState(false);
  // Kept for five minutes: going back to a list shows its saved queries without asking again (this
  // user's changes invalidate them at once; a colleague’s new shared query shows within five minutes).
  const queries = useQuery({ queryKey: savedQueriesKey(resource), queryFn: () => dataProvider.savedQueries(resource), staleTime: 300_000 });

  const current: SavedQueryParams = { filter: filterValues ?? {}, sort: sort?.field, order: sort?.order, perPage, displayedFilters };
  const isCurrent = (q: SavedQuery) => canonical(q.params.filter) === canonical(current.filter);
  const hasFilter = Object.keys(current.filter).length > 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: savedQueriesKey(resource) });
  const failed = (error: Error) => notify(error.message, { type: 'error' });

  const apply = (q: SavedQuery) => {
    const { filter, sort: field, order, perPage: size, displayedFilters: shown } = q.params;
    const search = new URLSearchParams({ filter: JSON.stringify(filter), page: '1' });
    if (field) search.set('sort', field);
    if (order) search.set('order', order);
    if (size) search.set('perPage', String(size));
    search.set('displayedFilters', JSON.stringify(shown ?? Object.fromEntries(Object.keys(filter).map((k) => [k, true]))));
    navigate({ search: `?${search}` });
  };
  const toggleShared = (q: SavedQuery) => dataProvider.updateSavedQuery(q.id, { shared: !q.shared }).then(refresh, failed);
  const remove = (q: SavedQuery) => dataProvider.deleteSavedQuery(q.id).then(refresh, failed);

  return (
    <Box sx={{ mb: 1 }} data-testid="saved-queries">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1, mb: 0.5 }}>
        <BookmarkBorderIcon fontSize="small" sx={{ color: 'text.secondary' }} />
        <Typography variant="overline" sx={{ lineHeight: 1.5 }}>{translate('ra.saved_queries.label')}</Typography>
      </Box>
      <List dense disablePadding>
        {(queries.data ?? []).map((q) => (
          <ListItem
            key={q.id}
            disablePadding
            data-testid="saved-query"
            secondaryAction={q.mine && (
              <Box sx={{ display: 'flex' }}>
                <Tooltip title={translate(q.shared ? 'app.saved_queries.unshare' : 'app.saved_queries.share')}>
                  <IconButton size="small" edge="end" onClick={() => void toggleShared(q)}
                    aria-label={`${translate(q.shared ? 'app.saved_queries.unshare' : 'app.saved_queries.share')}: ${q.name}`}>
                    {q.shared ? <GroupsIcon fontSize="small" /> : <GroupsOutlinedIcon fontSize="small" />}
                  </IconButton>
                </Tooltip>
                <Tooltip title={translate('ra.saved_queries.remove_label_with_name', { name: q.name })}>
                  <IconButton size="small" edge="end" onClick={() => void remove(q)}
                    aria-label={translate('ra.saved_queries.remove_label_with_name', { name: q.name })}>
                    <DeleteOutlineIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </Box>
            )}
          >
            <ListItemButton selected={isCurrent(q)} onClick={() => apply(q)} sx={{ pr: q.mine ? 9 : 1 }}>
              <ListItemText
                primary={q.name}
                secondary={q.mine ? undefined : translate('app.saved_queries.shared_by', { name: q.owner_name })}
                slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
      {hasFilter && !(queries.data ?? []).some((q) => q.mine && isCurrent(q)) && (
        <Button size="small" onClick={() => setSaving(true)} sx={{ mt: 0.5 }}>{translate('ra.saved_queries.new_label')}</Button>
      )}
      {!hasFilter && !queries.data?.length && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 1 }}>{translate('ra.saved_queries.help')}</Typography>
      )}
      {saving && (
        <SaveDialog
          onClose={() => setSaving(false)}
          onSave={(name, shared) => dataProvider.saveQuery({ resource, name, params: current, shared }).then(() => {
            setSaving(false);
            void refresh();
          }, failed)}
        />
      )}
    </Box>
  );
}

function SaveDialog({ onClose, onSave }: { onClose: () => void; onSave: (name: string, shared: boolean) => Promise<unknown> }) {
  const translate = useTranslate();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const submit = () => {
    if (name.trim()) void onSave(name.trim(), shared);
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('ra.saved_queries.new_dialog_title')}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus fullWidth margin="dense" label={translate('ra.saved_queries.query_name')} value={name}
          onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && submit()}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <FormControlLabel
          control={<Checkbox checked={shared} onChange={(e) => setShared(e.target.checked)} />}
          label={translate('app.saved_queries.share_when_saving')}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!name.trim()} onClick={submit}>{translate('ra.action.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
