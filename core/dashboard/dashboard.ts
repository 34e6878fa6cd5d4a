import type { DashboardSummary } from '../../shared/types.js';
import type { OpContext } from '../operations/context.js';
import { toOfficer } from '../operations/officer-ops.js';

/** The 工作台 figures: open cases by stage and type, overdue, this month's flow, certificates. */
export function dashboardSummary(ctx: OpContext): DashboardSummary {
  const { db } = ctx.app;
  const today = ctx.today();
  const monthStart = `${today.slice(0, 7)}-01`;
  // One pass over the (type, stage) index gives both breakdowns.
  const counts = db
    .prepare(`SELECT stage, case_type AS t, count(*) AS n FROM cases WHERE status = 'active' GROUP BY case_type, stage`)
    .all() as { stage: string; t: string; n: number }[];
  const casesByStage: Record<string, number> = {};
  const casesByType: Record<string, number> = {};
  for (const r of counts) {
    casesByStage[r.stage] = (casesByStage[r.stage] ?? 0) + r.n;
    if (r.stage !== 'closing' && r.stage !== 'archived') casesByType[r.t] = (casesByType[r.t] ?? 0) + r.n;
  }
  const overdue = ctx.app.repos.caseQueries.list({ overdue: true, page: 1, pageSize: 1 }, today).total;
  const opened = db.prepare(`SELECT count(*) AS n FROM cases WHERE opened_on >= ?`).get(monthStart) as { n: number };
  const closed = db.prepare(`SELECT count(*) AS n FROM cases WHERE closed_on >= ?`).get(monthStart) as { n: number };
  const officers = ctx.app.repos.officers.list().filter((o) => o.status === 'active').map((o) => toOfficer(ctx, o));
  return {
    openCases: Object.values(casesByType).reduce((a, n) => a + n, 0),
    casesByStage,
    casesByType,
    overdueCases: overdue,
    openedThisMonth: opened.n,
    closedThisMonth: closed.n,
    certificatesExpiring: officers.filter((o) => o.certificateState === 'expiring'),
    certificatesExpired: officers.filter((o) => o.certificateState === 'expired'),
    recentCases: ctx.app.repos.caseQueries.list({ page: 1, pageSize: 8 }, today).rows,
  };
}
