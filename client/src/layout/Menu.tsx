// The menu follows how the work is organised, not the table names: payments, disputes, money
// out, merchants, and admin (only for admins). A group shows only the resources the role reads.
import { Divider, ListSubheader } from '@mui/material';
import type { ReactElement } from 'react';
import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import HomeOutlinedIcon from '@mui/icons-material/HomeOutlined';
import SummarizeOutlinedIcon from '@mui/icons-material/SummarizeOutlined';
import type { Role } from '../../../shared/enums.ts';
import { canRead } from '../permissions.ts';
import { MENU_GROUPS, RESOURCES, type MenuGroup } from '../resources/registry.ts';

/** Custom routes (not resources) shown in a group, open to every role. */
const PAGES: Partial<Record<MenuGroup, { to: string; label: string; icon: ReactElement }[]>> = {
  money_out: [{ to: '/reports', label: 'app.reports.menu', icon: <SummarizeOutlinedIcon /> }],
};

export function AppMenu() {
  const { permissions: role } = usePermissions<Role>();
  const [open] = useSidebarState();
  const translate = useTranslate();
  return (
    <Menu sx={{ pb: 2 }}>
      <Menu.DashboardItem primaryText="app.menu.dashboard" leftIcon={<HomeOutlinedIcon />} />
      {/* Flat children (no fragments): MUI menus need direct items. */}
      {MENU_GROUPS.flatMap((group) => {
        const label = `app.menu.${group}`;
        const visible = RESOURCES.filter((r) => r.group === group && canRead(role, r.name)).map((r) => r.name);
        if (visible.length === 0) return [];
        const heading = open ? (
          <ListSubheader
            key={group}
            disableSticky
            sx={{ bgcolor: 'transparent', lineHeight: '32px', mt: 1, fontSize: '0.7rem', fontWeight: 700, letterSpacing: '0.06em', textTransform: 'uppercase' }}
          >
            {translate(label)}
          </ListSubheader>
        ) : (
          <Divider key={group} sx={{ my: 1 }} />
        );
        return [
          heading,
          ...visible.map((name) => <Menu.ResourceItem key={name} name={name} />),
          ...(PAGES[group] ?? []).map((p) => <Menu.Item key={p.to} to={p.to} primaryText={p.label} leftIcon={p.icon} />),
        ];
      })}
    </Menu>
  );
}
