// Greyed zero amounts stay readable: the colour they use has at least WCAG AA contrast (4.5:1
// for normal text) on the page and card backgrounds, in the light and the dark theme.
import { createTheme, type Theme } from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { darkTheme, lightTheme, ZERO_AMOUNT_COLOR } from './theme.ts';

type Rgba = [number, number, number, number];

function parse(color: string): Rgba {
  const hex = /^#([\da-f]{6})$/i.exec(color);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)).concat(1) as Rgba;
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color);
  if (!rgb) throw new Error(`unreadable colour ${color}`);
  const [r, g, b, a = '1'] = rgb[1].split(',').map((p) => p.trim());
  return [Number(r), Number(g), Number(b), Number(a)];
}

/** The colour seen when `fg` (maybe translucent) is drawn over the opaque `bg`. */
const over = ([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba => [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrastRatio(fg: string, bg: string): number {
  const back = parse(bg);
  const [l1, l2] = [luminance(over(parse(fg), back)), luminance(back)].sort((a, b) => b - a);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** A palette path such as "text.secondary", as the theme resolves it. */
const resolve = (theme: Theme, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], theme.palette) as string;

describe('contrast of greyed zero amounts', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // What zero amounts used before (text.disabled, 38 % black): not readable enough.
    expect(contrastRatio('rgba(0, 0, 0, 0.38)', '#ffffff')).toBeLessThan(4.5);
  });

  it.each([['light', lightTheme], ['dark', darkTheme]] as const)('meets AA (4.5:1) in the %s theme', (_mode, options) => {
    const theme = createTheme(options as never);
    const color = resolve(theme, ZERO_AMOUNT_COLOR);
    for (const background of [theme.palette.background.default, theme.palette.background.paper]) {
      expect(contrastRatio(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
