import { useMediaQuery, type Theme } from '@mui/material';

/** Phone width: lists become compact lists, detail grids one column. */
export const useIsSmall = () => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
