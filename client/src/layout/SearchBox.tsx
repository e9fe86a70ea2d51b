// The app-bar search: any id or the start of one, a reference, an email, card last 4, an auth
// code, a payout number or a name (GET /api/search, shared/api/search.ts). MUI's Autocomplete does
// the combobox: keyboard, ARIA and popup. Hits are grouped by resource with how many match in
// all, and a "see all N" entry opens the list filtered the same way when a group has more than
// it shows. An exact id answers with one record and Enter opens it at once, even typed or
// pasted faster than the debounce. On phones the box opens over the app bar from a search icon.
import CloseIcon from '@mui/icons-material/Close';
import SearchIcon from '@mui/icons-material/Search';
import { Autocomplete, Box, IconButton, InputBase, ListSubheader, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCreatePath, useDataProvider, useGetResourceLabel, useNavigate, useTranslate } from 'react-admin';
import { useAutocompleteTexts } from '../common/useAutocompleteTexts.ts';
import { SEARCH_MIN_LENGTH, type SearchGroup, type SearchHit, type SearchResponse } from '../../../shared/api/search.ts';
import { StatusChip } from '../common/StatusChip.tsx';
import { useIntlLocale } from '../common/useIntlLocale.ts';
import { useIsSmall } from '../common/useIsSmall.ts';
import type { KboDataProvider } from '../dataProvider.ts';
import { useSearchLabel } from './searchLabels.ts';

export const SEARCH_DEBOUNCE_MS = 250;

/** One entry of the popup: a record, or the link to every match of its resource. */
type Option = { kind: 'hit'; group: SearchGroup; hit: SearchHit } | { kind: 'all'; group: SearchGroup };

type State =
  | { kind: 'idle' }
  | { kind: 'loading'; q: string }
  | { kind: 'done'; q: string; answer: SearchResponse }
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

function toOptions(answer: SearchResponse): Option[] {
  return answer.groups.flatMap((group): Option[] => [
    ...group.hits.map((hit) => ({ kind: 'hit' as const, group, hit })),
    ...(group.total > group.hits.length || !group.exact ? [{ kind: 'all' as const, group }] : []),
  ]);
}

/** The list of a resource filtered by `q`: the same engine counted the group's total. */
export function seeAllPath(resource: string, q: string): string {
  return `/${resource}?${new URLSearchParams({ filter: JSON.stringify({ q }) })}`;
}

function SearchField({ overlay, onDone }: { overlay: boolean; onDone: () => void }) {
  const dataProvider = useDataProvider<KboDataProvider>();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const autocompleteTexts = useAutocompleteTexts();
  const resourceLabel = useGetResourceLabel();
  const label = useSearchLabel();
  const locale = useIntlLocale();
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [open, setOpen] = useState(false);
  const latest = useRef<Promise<SearchResponse> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const run = (q: string): Promise<SearchResponse> => {
    const request = dataProvider.search(q);
    latest.current = request;
    setState({ kind: 'loading', q });
    request.then(
      (answer) => {
        if (latest.current === request) setState({ kind: 'done', q, answer }); // else a newer query superseded it
      },
      (error: Error) => {
        if (latest.current === request) setState({ kind: 'error', q, message: error.message });
      },
    );
    return request;
  };

  const q = text.trim();
  useEffect(() => {
    if (q.length < SEARCH_MIN_LENGTH) {
      latest.current = null;
      setState({ kind: 'idle' });
      return;
    }
    timer.current = setTimeout(() => void run(q), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run is stable in effect: it only reads refs and setters
  }, [q]);

  const answer = state.kind === 'done' && state.q === q ? state.answer : undefined;
  const options = useMemo(() => (answer ? toOptions(answer) : []), [answer]);

  const finish = (path: string) => {
    navigate(path);
    setText('');
    setOpen(false);
    setState({ kind: 'idle' });
    onDone();
  };
  const choose = (option: Option) => finish(option.kind === 'hit'
    ? createPath({ resource: option.hit.resource, id: option.hit.id, type: 'show' })
    : seeAllPath(option.group.resource, q));

  /** Enter with nothing highlighted (typed or pasted faster than the debounce): search now, open a single record. */
  const enterNow = async () => {
    clearTimeout(timer.current);
    setOpen(true);
    const current = answer ?? await run(q).catch(() => undefined);
    const hits = current?.groups.flatMap((g) => g.hits) ?? [];
    if (hits.length === 1) finish(createPath({ resource: hits[0].resource, id: hits[0].id, type: 'show' }));
  };

  const count = (group: SearchGroup) => (group.exact
    ? new Intl.NumberFormat(locale).format(group.total)
    : translate('app.search.more_than', { count: new Intl.NumberFormat(locale).format(group.total) }));

  const showPopup = open && q.length >= SEARCH_MIN_LENGTH && state.kind !== 'idle';
  const empty = state.kind === 'error'
    ? <Typography variant="body2" color="error">{translate('app.search.error', { message: state.message })}</Typography>
    : state.kind === 'done' && answer
      ? <span data-testid="search-no-results">{translate('app.search.no_results', { q: state.q })}</span>
      : `${translate('ra.message.loading')}…`;

  return (
    <Autocomplete<Option, false, false, false>
      {...autocompleteTexts}
      open={showPopup}
      onOpen={() => setOpen(true)}
      onClose={(_event, reason) => {
        setOpen(false);
        if (reason === 'escape' && overlay) onDone();
      }}
      options={options}
      filterOptions={(all) => all} // the server already chose them
      groupBy={(option) => option.group.resource}
      getOptionLabel={(option) => (option.kind === 'hit' ? label(option.hit) : option.group.resource)}
      getOptionKey={(option) => (option.kind === 'hit' ? `${option.hit.resource}:${option.hit.id}` : `${option.group.resource}:all`)}
      value={null}
      onChange={(_event, option) => option && choose(option)}
      inputValue={text}
      onInputChange={(_event, value, reason) => {
        if (reason === 'input') setText(value);
      }}
      onKeyDown={(event) => {
        // Enter on a highlighted option is Autocomplete's own: it picks that option.
        if (event.key !== 'Enter' || (showPopup && options.length > 0) || q.length < SEARCH_MIN_LENGTH) return;
        (event as typeof event & { defaultMuiPrevented: boolean }).defaultMuiPrevented = true;
        event.preventDefault();
        void enterNow();
      }}
      clearOnBlur={false}
      autoHighlight
      handleHomeEndKeys={false}
      loading={state.kind === 'loading' || state.kind === 'error' || (state.kind === 'done' && !answer)}
      loadingText={empty}
      noOptionsText={empty}
      slotProps={{ paper: { elevation: 8, sx: { mt: 0.5 } }, listbox: { sx: { maxHeight: '70vh' }, 'data-testid': 'search-results' } as object }}
      sx={{ flex: overlay ? undefined : '0 1 440px', position: overlay ? 'absolute' : 'relative', inset: overlay ? 0 : undefined, zIndex: overlay ? 2 : undefined }}
      renderGroup={(params) => {
        const group = options.find((o) => o.group.resource === params.group)?.group;
        return (
          <li key={params.key} data-testid={`search-group-${params.group}`}>
            <ListSubheader component="div" sx={{ display: 'flex', justifyContent: 'space-between', lineHeight: '32px' }}>
              <span>{resourceLabel(params.group, 2)}</span>
              {group && <span data-testid="search-group-total">{count(group)}</span>}
            </ListSubheader>
            <Box component="ul" sx={{ p: 0 }}>{params.children}</Box>
          </li>
        );
      }}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          {option.kind === 'hit' ? (
            <Box sx={{ display: 'flex', flexDirection: 'column', minWidth: 0, width: '100%' }}>
              <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
                <Typography component="span" variant="caption" color="text.secondary" sx={{ flexShrink: 0, minWidth: 84 }}>
                  {resourceLabel(option.hit.resource, 1)}
                </Typography>
                <Typography component="span" variant="body2" noWrap sx={{ flex: 1 }}>{label(option.hit)}</Typography>
                {option.hit.status && <StatusChip status={option.hit.status} />}
              </Box>
              <Box component="span" sx={{ fontFamily: 'ui-monospace, monospace', fontSize: '0.75rem', color: 'text.secondary', ml: '92px' }}>
                {option.hit.id}
              </Box>
            </Box>
          ) : (
            <Typography component="span" variant="body2" color="primary" data-testid="search-see-all">
              {translate('app.search.see_all', { count: count(option.group), name: resourceLabel(option.group.resource, 2).toLowerCase() })}
            </Typography>
          )}
        </li>
      )}
      renderInput={(params) => (
        <Box
          ref={params.InputProps.ref}
          sx={(theme) => ({
            display: 'flex',
            alignItems: 'center',
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
            inputProps={{
              ...params.inputProps,
              'aria-label': translate('app.search.label'),
              spellCheck: false,
            }}
            placeholder={translate('app.search.placeholder')}
            autoFocus={overlay}
            sx={{ flex: 1, fontSize: '0.9rem' }}
          />
          {overlay && (
            <IconButton size="small" onClick={onDone} aria-label={translate('ra.action.close')}>
              <CloseIcon fontSize="small" />
            </IconButton>
          )}
        </Box>
      )}
    />
  );
}
