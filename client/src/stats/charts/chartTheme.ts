// Chart colours and text styles from the MUI theme, so charts follow light and dark mode
// (no hard-coded greys): axes in the secondary text colour, grid lines in the divider colour.
import { alpha, useTheme } from '@mui/material/styles';

export function useChartTheme() {
  const theme = useTheme();
  const { palette } = theme;
  return {
    volume: palette.primary.main,
    volumeFill: alpha(palette.primary.main, palette.mode === 'dark' ? 0.28 : 0.16),
    fees: palette.info.main,
    rate: palette.warning.main,
    nominal: palette.text.secondary,
    current: palette.success.main,
    other: alpha(palette.primary.main, 0.55),
    grid: palette.divider,
    axis: { fill: palette.text.secondary, fontSize: 12 },
    cursor: alpha(palette.text.primary, 0.06),
    legend: { fontSize: 13, color: palette.text.primary },
  };
}

/** Legend labels in the text colour (recharts colours them like their series by default). */
export const legendText = (color: string) => ({ '& .recharts-legend-item-text': { color: `${color} !important` } });
