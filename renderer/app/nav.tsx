// The navigation: one entry per area. Later features (音视频, 法制审核, 公示) add their entries
// here; an entry shows only when `visible` says the user's roles may use it.
import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FolderOpenOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  VideoCameraOutlined,
  SnippetsOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from '../../shared/types.js';
import { can, doesCaseWork, hasRole } from '../lib/access.js';

export interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
  /** Hash path the entry opens; also the prefix that marks it active. */
  path: string;
  visible: (me: Me) => boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'dashboard', label: '工作台', icon: <DashboardOutlined />, path: '/', visible: (me) => doesCaseWork(me) && can(me, 'dashboard.summary') },
  { key: 'cases', label: '案件', icon: <FolderOpenOutlined />, path: '/cases', visible: (me) => doesCaseWork(me) && can(me, 'cases.list') },
  { key: 'media', label: '音视频', icon: <VideoCameraOutlined />, path: '/media', visible: (me) => can(me, 'media.list') },
  { key: 'review', label: '法制审核', icon: <SafetyCertificateOutlined />, path: '/review', visible: (me) => can(me, 'review.queue') || can(me, 'review.mine') || can(me, 'review.overdue') },
  {
    key: 'disclosure',
    label: '公示',
    icon: <NotificationOutlined />,
    path: '/disclosure',
    visible: (me) => hasRole(me, 'officer', 'publisher', 'admin', 'head') && can(me, 'disclosure.list'),
  },
  { key: 'stats', label: '统计', icon: <BarChartOutlined />, path: '/stats', visible: (me) => doesCaseWork(me) && can(me, 'dashboard.summary') },
  { key: 'ledgers', label: '台账', icon: <TableOutlined />, path: '/ledgers', visible: (me) => can(me, 'ledgers.query') },
  { key: 'annual', label: '年度数据', icon: <SnippetsOutlined />, path: '/annual', visible: (me) => can(me, 'report.annual') },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, path: '/settings', visible: (me) => can(me, 'settings.update') },
  { key: 'audit', label: '审计', icon: <AuditOutlined />, path: '/audit', visible: (me) => can(me, 'audit.list') },
];

export const visibleNav = (me: Me): NavItem[] => NAV_ITEMS.filter((n) => n.visible(me));

/** Whether the user may open the screens of a nav entry (e.g. a link to a case from another screen). */
export const canOpen = (me: Me, key: string): boolean => !!NAV_ITEMS.find((n) => n.key === key)?.visible(me);

/** The nav entry a path belongs to (longest matching prefix). */
export function activeNav(items: NavItem[], path: string): NavItem | undefined {
  return items
    .filter((n) => (n.path === '/' ? path === '/' : path === n.path || path.startsWith(`${n.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
