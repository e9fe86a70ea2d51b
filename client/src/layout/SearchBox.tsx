// The app-bar search: any id, reference, email, card last 4 or name (GET /api/search). An exact
// id answers with one record and Enter opens it at once; otherwise the hits drop down below the
// box, keyboard-navigable. On phones the box opens over the app bar from a search icon.
import CloseIcon from '@mui/icons-material/Close';
import SearchIcon from '@mui/icons-material/Search';
import {
  Box, ClickAwayListener, IconButton, InputBase, List, ListItemButton, ListItemText, Paper, Popper, Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useCreatePath, useDataProvider, useGetResourceLabel, useNavigate, useTranslate } from 'react-admin';
import { StatusChip } from '../common/StatusChip.tsx';
import { useIsSmall } from '../common/useIsSmall.ts';
import type { KboDataProvider, SearchHit } from '../dataProvider.ts';

const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;

type State =
  | { kind: 'idle' }
  | { kind: 'loading'; q: string }
  | { kind: 'done'; q: string; hits: SearchHit[] }
  | { kind: 'error'; q: string; message: string };

export function SearchBox() {
  const isSmall = useIsSmall();
  const [expanded, setExpanded] = useState(false);
  const translate = useTranslate();
  if (isSmall && !expanded) {
    return (
      <IconButton color="inherit" aria-label={translate('app.search.open')} onClick={() => setExpanded(true)}>
        <SearchIcon />
      </IconButton>
    );
  }
  return <SearchField overlay={isSmall} onDone={() => setExpanded(false)} />;
}

function SearchField({ overlay, onDone }: { overlay: boolean; onDone: () => void }) {
  const dataProvider = useDataProvider<KboDataProvider>();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const resourceLabel = useGetResourceLabel();
  const anchor = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const latest = useRef<Promise<SearchHit[]> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const run = (q: string): Promise<SearchHit[]> => {
    const request = dataProvider.search(q);
    latest.current = request;
    setState({ kind: 'loading', q });
    request.then(
      (hits) => {
        if (latest.current !== request) return; // a newer query superseded this one
        setState({ kind: 'done', q, hits });
        setActive(0);
      },
      (error: Error) => {
        if (latest.current === request) setState({ kind: 'error', q, message: error.message });
      },
    );
    return request;
  };

  const q = text.trim();
  useEffect(() => {
    if (q.length < MIN_LENGTH) {
      latest.current = null;
      setState({ kind: 'idle' });
      return;
    }
    timer.current = setTimeout(() => void run(q), DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run is stable in effect: it only reads refs and setters
  }, [q]);

  const go = (hit: SearchHit) => {
    navigate(createPath({ resource: hit.resource, id: hit.id, type: 'show' }));
    setText('');
    setOpen(false);
    setState({ kind: 'idle' });
    onDone();
  };

  const hits = state.kind === 'done' && state.q === q ? state.hits : [];

  const onKeyDown = async (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      setOpen(false);
      if (overlay) onDone();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (hits.length ? (i + step + hits.length) % hits.length : 0));
      return;
    }
    if (event.key !== 'Enter' || q.length < MIN_LENGTH) return;
    event.preventDefault();
    setOpen(true);
    // Enter before the debounce fired (a pasted id): search now, and jump when it is one record.
    clearTimeout(timer.current);
    const current = state.kind === 'done' && state.q === q ? state.hits : await run(q).catch(() => []);
    if (current.length === 1) go(current[0]);
    else if (current.length > 1 && state.kind === 'done' && state.q === q) go(current[active] ?? current[0]);
  };

  const showPopup = open && q.length >= MIN_LENGTH && state.kind !== 'idle';

  return (
    <ClickAwayListener onClickAway={() => setOpen(false)}>
      <Box
        ref={anchor}
        sx={(theme) => ({
          position: overlay ? 'absolute' : 'relative',
          inset: overlay ? '0 0 0 0' : undefined,
          zIndex: overlay ? 2 : undefined,
          display: 'flex',
          alignItems: 'center',
          flex: overlay ? undefined : '0 1 440px',
          mx: overlay ? 0 : 2,
          px: 1.5,
          height: overlay ? '100%' : 36,
          borderRadius: overlay ? 0 : 2,
          bgcolor: overlay ? 'background.paper' : alpha(theme.palette.text.primary, 0.06),
          '&:focus-within': overlay ? {} : { bgcolor: alpha(theme.palette.text.primary, 0.09), outline: `2px solid ${alpha(theme.palette.primary.main, 0.5)}` },
        })}
      >
        <SearchIcon fontSize="small" sx={{ color: 'text.secondary', mr: 1 }} />
        <InputBase
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          placeholder={translate('app.search.placeholder')}
          autoFocus={overlay}
          inputProps={{
            'aria-label': translate('app.search.label'),
            role: 'combobox',
            'aria-expanded': showPopup,
            'aria-controls': 'app-search-results',
            spellCheck: false,
            autoComplete: 'off',
          }}
          sx={{ flex: 1, fontSize: '0.9rem' }}
        />
        {overlay && (
          <IconButton size="small" onClick={onDone} aria-label={translate('ra.action.close')}>
            <CloseIcon fontSize="small" />
          </IconButton>
        )}
        <Popper open={showPopup} anchorEl={anchor.current} placement="bottom-start" sx={{ zIndex: 1300 }}>
          <Paper
            elevation={8}
            sx={{ width: anchor.current?.offsetWidth ?? 400, maxWidth: '100vw', mt: 0.5, maxHeight: '70vh', overflowY: 'auto' }}
          >
            {state.kind === 'loading' && hits.length === 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>{translate('ra.message.loading')}…</Typography>
            )}
            {state.kind === 'error' && (
              <Typography variant="body2" color="error" sx={{ p: 2 }}>{translate('app.search.error', { message: state.message })}</Typography>
            )}
            {state.kind === 'done' && hits.length === 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ p: 2 }} data-testid="search-no-results">
                {translate('app.search.no_results', { q: state.q })}
              </Typography>
            )}
            {hits.length > 0 && (
              <List dense id="app-search-results" role="listbox" data-testid="search-results">
                {hits.map((hit, i) => (
                  <ListItemButton
                    key={`${hit.resource}:${hit.id}`}
                    selected={i === active}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => go(hit)}
                    role="option"
                    aria-selected={i === active}
                  >
                    <ListItemText
                      primary={
                        <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
                          <Typography component="span" variant="caption" color="text.secondary" sx={{ flexShrink: 0, minWidth: 84 }}>
                            {resourceLabel(hit.resource, 1)}
                          </Typography>
                          <Typography component="span" variant="body2" noWrap sx={{ flex: 1 }}>{hit.label}</Typography>
                          {hit.status && <StatusChip status={hit.status} />}
                        </Box>
                      }
                      secondary={<Box component="span" sx={{ fontFamily: 'ui-monospace, monospace', fontSize: '0.75rem', ml: '92px' }}>{hit.id}</Box>}
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
          </Paper>
        </Popper>
      </Box>
    </ClickAwayListener>
  );
}
