// Path → screen. Each screen checks nothing about roles itself: a route is reachable only when
// its nav entry (or, for detail pages, its parent entry) is visible to the user.
import type { ReactNode } from 'react';
import { AuditPage } from '../features/audit/AuditPage.js';
import { CaseDetailPage } from '../features/cases/CaseDetailPage.js';
import { CaseListPage } from '../features/cases/CaseListPage.js';
import { ReviewListPage } from '../features/review/ReviewListPage.js';
import { ReviewStatsPage } from '../features/review/ReviewStatsPage.js';
import { ReviewWorkspace } from '../features/review/ReviewWorkspace.js';
import { DisclosureDetailPage } from '../features/disclosure/DisclosureDetailPage.js';
import { DisclosureListPage } from '../features/disclosure/DisclosureListPage.js';
import { PublishLogPage } from '../features/disclosure/PublishLogPage.js';
import { TargetsPage } from '../features/disclosure/TargetsPage.js';
import { DashboardPage } from '../features/dashboard/DashboardPage.js';
import { StatsPage } from '../features/dashboard/StatsPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { ClipPage } from '../features/media/ClipPage.js';
import { MediaPage } from '../features/media/MediaPage.js';
import { LedgersPage } from '../features/ledgers/LedgersPage.js';
import { AnnualReportPage } from '../features/annual/AnnualReportPage.js';
import { CaseCoverPage } from '../features/cases/CaseCoverPage.js';
import type { Location } from './router.js';
import { matchPath } from './router.js';

export interface RouteDef {
  pattern: string;
  /** The nav entry that must be visible for this route. */
  nav: string;
  render: (params: Record<string, string>, loc: Location) => ReactNode;
}

export const ROUTES: RouteDef[] = [
  { pattern: '/', nav: 'dashboard', render: () => <DashboardPage /> },
  { pattern: '/cases', nav: 'cases', render: (_p, loc) => <CaseListPage query={loc.query} /> },
  { pattern: '/cases/:id', nav: 'cases', render: (p) => <CaseDetailPage key={p.id} id={Number(p.id)} /> },
  { pattern: '/media', nav: 'media', render: (_p, loc) => <MediaPage query={loc.query} /> },
  { pattern: '/media/:id', nav: 'media', render: (p) => <ClipPage key={p.id} id={Number(p.id)} /> },
  { pattern: '/review/stats', nav: 'review', render: (_p, loc) => <ReviewStatsPage query={loc.query} /> },
  { pattern: '/cases/:id/cover', nav: 'cases', render: (p) => <CaseCoverPage key={p.id} id={Number(p.id)} /> },
  { pattern: '/review', nav: 'review', render: (_p, loc) => <ReviewListPage tab={loc.query.tab} /> },
  { pattern: '/review/:id', nav: 'review', render: (p) => <ReviewWorkspace key={p.id} id={Number(p.id)} /> },
  { pattern: '/disclosure', nav: 'disclosure', render: (_p, loc) => <DisclosureListPage query={loc.query} /> },
  { pattern: '/disclosure/log', nav: 'disclosure', render: () => <PublishLogPage /> },
  { pattern: '/disclosure/targets', nav: 'disclosure', render: () => <TargetsPage /> },
  { pattern: '/disclosure/:id', nav: 'disclosure', render: (p) => <DisclosureDetailPage key={p.id} id={Number(p.id)} /> },
  { pattern: '/stats', nav: 'stats', render: () => <StatsPage /> },
  { pattern: '/ledgers', nav: 'ledgers', render: (_p, loc) => <LedgersPage query={loc.query} /> },
  { pattern: '/annual', nav: 'annual', render: (_p, loc) => <AnnualReportPage query={loc.query} /> },
  { pattern: '/settings', nav: 'settings', render: (_p, loc) => <SettingsPage tab={loc.query.tab} query={loc.query} /> },
  { pattern: '/audit', nav: 'audit', render: () => <AuditPage /> },
];

export function findRoute(path: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}
