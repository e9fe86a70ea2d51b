// Light and dark themes: react-admin's defaults for layout and inputs, with a calm payments-
// product look on top (indigo accent, white surfaces with hairline borders, system fonts only,
// since the app loads nothing from outside its own origin).
import { deepmerge } from '@mui/utils';
import type { ThemeOptions } from '@mui/material/styles';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

const FONT = [
  '-apple-system', 'BlinkMacSystemFont', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial', '"Noto Sans"',
  'sans-serif', '"Apple Color Emoji"', '"Segoe UI Emoji"',
].join(',');

function kaito(mode: 'light' | 'dark'): ThemeOptions {
  const dark = mode === 'dark';
  const border = dark ? 'rgba(255,255,255,0.10)' : '#e3e8ee';
  const paper = dark ? '#141b2d' : '#ffffff';
  return {
    palette: {
      mode,
      primary: { main: dark ? '#9b95ff' : '#533afd' },
      secondary: { main: dark ? '#7dd3fc' : '#0a2540' },
      success: { main: dark ? '#4ade80' : '#16794c' },
      warning: { main: dark ? '#fbbf24' : '#b25e09' },
      error: { main: dark ? '#f87171' : '#c62a2f' },
      info: { main: dark ? '#60a5fa' : '#0570de' },
      background: { default: dark ? '#0b1120' : '#f6f8fa', paper },
      divider: border,
      text: dark ? { primary: '#e6e9f0', secondary: '#9aa4b8' } : { primary: '#1a2233', secondary: '#5b667a' },
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: FONT,
      h5: { fontWeight: 600, letterSpacing: '-0.01em' },
      h6: { fontWeight: 600, fontSize: '1.05rem' },
      subtitle2: { fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiAppBar: {
        defaultProps: { elevation: 0, color: 'inherit' },
        styleOverrides: { root: { backgroundColor: paper, borderBottom: `1px solid ${border}` } },
      },
      MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
      MuiCard: {
        defaultProps: { elevation: 0 },
        styleOverrides: { root: { border: `1px solid ${border}` } },
      },
      MuiTableCell: {
        styleOverrides: {
          head: {
            fontWeight: 600,
            fontSize: '0.75rem',
            textTransform: 'uppercase',
            letterSpacing: '0.03em',
            color: dark ? '#9aa4b8' : '#5b667a',
            whiteSpace: 'nowrap',
          },
          root: { borderBottomColor: border },
          sizeSmall: { padding: '6px 12px' },
        },
      },
      MuiLink: { defaultProps: { underline: 'hover' } },
      MuiChip: { styleOverrides: { root: { fontWeight: 600 } } },
      MuiDrawer: { styleOverrides: { paper: { backgroundColor: 'transparent' } } },
      RaMenuItemLink: {
        styleOverrides: {
          root: {
            borderRadius: 6,
            margin: '1px 8px',
            paddingLeft: 8,
            '&.RaMenuItemLink-active': {
              color: dark ? '#c4c0ff' : '#533afd',
              backgroundColor: dark ? 'rgba(155,149,255,0.14)' : 'rgba(83,58,253,0.08)',
              fontWeight: 600,
              '& .MuiSvgIcon-root': { color: 'inherit' },
            },
          },
        },
      },
      RaLayout: {
        styleOverrides: { root: { '& .RaLayout-content': { paddingTop: 8 } } },
      },
    } as ThemeOptions['components'],
  };
}

/**
 * Amounts that are zero read quieter than the others, but stay readable: text.secondary, which
 * meets WCAG AA (4.5:1) on both backgrounds in both themes (theme.test.ts). text.disabled did not
 * (about 2.6:1 on white; issue #13).
 */
export const ZERO_AMOUNT_COLOR = 'text.secondary';

export const lightTheme: RaThemeOptions = deepmerge(defaultLightTheme, kaito('light'));
export const darkTheme: RaThemeOptions = deepmerge(defaultDarkTheme, kaito('dark'));
