import type { DashboardSummary } from '../../shared/types.js';
import type { OpContext } from '../operations/context.js';
import { toOfficer } from '../operations/officer-ops.js';

/** The 工作台 figures: open cases by stage and type, overdue, this month's flow, certificates. */
export function dashboardSummary(ctx: OpContext): DashboardSummary {
  const { db } = ctx.app;
  const today = ctx.today();
  const monthStart = `${today.slice(0, 7)}-01`;
  const byStage = db
    .prepare(`SELECT stage, count(*) AS n FROM cases WHERE status = 'active' GROUP BY stage`)
    .all() as { stage: string; n: number }[];
  const byType = db
    .prepare(`SELECT case_type AS t, count(*) AS n FROM cases WHERE status = 'active' AND stage NOT IN ('closing','archived') GROUP BY case_type`)
    .all() as { t: string; n: number }[];
  const overdue = ctx.app.repos.caseQueries.list({ overdue: true, page: 1, pageSize: 1 }, today).total;
  const opened = db.prepare(`SELECT count(*) AS n FROM cases WHERE opened_on >= ?`).get(monthStart) as { n: number };
  const closed = db.prepare(`SELECT count(*) AS n FROM cases WHERE closed_on >= ?`).get(monthStart) as { n: number };
  const officers = ctx.app.repos.officers.list().filter((o) => o.status === 'active').map((o) => toOfficer(ctx, o));
  const casesByStage = Object.fromEntries(byStage.map((r) => [r.stage, r.n]));
  return {
    openCases: byStage.filter((r) => r.stage !== 'closing' && r.stage !== 'archived').reduce((a, r) => a + r.n, 0),
    casesByStage,
    casesByType: Object.fromEntries(byType.map((r) => [r.t, r.n])),
    overdueCases: overdue,
    openedThisMonth: opened.n,
    closedThisMonth: closed.n,
    certificatesExpiring: officers.filter((o) => o.certificateState === 'expiring'),
    certificatesExpired: officers.filter((o) => o.certificateState === 'expired'),
    recentCases: ctx.app.repos.caseQueries.list({ page: 1, pageSize: 8 }, today).rows,
  };
}
