// Export downloads the whole filtered list from the server (GET /api/R/export, docs/stats-api.md):
// same filters and sort as the screen, no row cap, streamed, so it works on a million rows. Excel
// first — amounts in major units with their currency, merchant names — for people; CSV and JSON
// (minor units, ids) for machines.
import DownloadIcon from '@mui/icons-material/Download';
import { Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { Button, useListContext, useTranslate } from 'react-admin';
import { EXPORT_FORMATS } from '../../../shared/exportFormats.ts';
import { exportUrl } from '../dataProvider.ts';

export function ExportMenu() {
  const { resource, filterValues, sort, total } = useListContext();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button label="app.list.export" onClick={(e) => setAnchor(e.currentTarget)} disabled={total === 0} aria-haspopup="menu">
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {EXPORT_FORMATS.map((format) => (
          <MenuItem
            key={format}
            component="a"
            href={exportUrl(resource, format, filterValues ?? {}, sort)}
            download
            onClick={() => setAnchor(null)}
          >
            {translate(`app.list.export_${format}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
