import {
  IconChartBar,
  IconLayoutDashboard,
  IconMessages,
  IconSettings,
  IconUserStar,
  type Icon,
} from '@tabler/icons-react';
import type { Page } from '../router/route';

export interface NavItem {
  page: Page;
  label: string;
  icon: Icon;
}

/** In shortcut order: Ctrl/⌘+1 is the first. */
export const NAV_ITEMS: NavItem[] = [
  { page: 'dashboard', label: 'Dashboard', icon: IconLayoutDashboard },
  { page: 'sessions', label: 'Sessions', icon: IconMessages },
  { page: 'leads', label: 'Leads', icon: IconUserStar },
  { page: 'reports', label: 'Reports', icon: IconChartBar },
  { page: 'settings', label: 'Settings', icon: IconSettings },
];
