import { todayLocal } from '../../shared/logic/calendar.js';
import type { AppContext } from '../app.js';
import { saveAnnualManual } from '../supervision/report/annual-state.js';
import { saveSupervisionSettings } from '../supervision/settings.js';

/**
 * Demo data for supervision (issue 7): the alert thresholds as a visible settings document and last
 * year's hand-entered reconsideration and litigation figures, so the 年度统计 page is complete. The
 * backup target is left unset on purpose (the demo shows the "尚未设置备份位置" alert).
 */
export function seedSupervision(app: AppContext): void {
  const year = Number(todayLocal(app.now()).slice(0, 4)) - 1;
  const admin = app.repos.users.list().find((u) => u.roles.includes('admin') && !u.disabled);
  const at = app.now().toISOString();
  app.db.transaction(() => {
    saveSupervisionSettings(app, {});
    saveAnnualManual(app, year, {
      reconsideration: { received: 4, upheld: 3, revoked: 1, changed: 0, confirmedIllegal: 0, other: 0 },
      litigation: { received: 1, upheld: 1, revoked: 0, changed: 0, confirmedIllegal: 0, other: 0 },
      note: '1 件行政复议决定撤销原处罚决定，已重新调查处理。',
      updatedAt: at,
      updatedBy: admin?.displayName ?? '系统管理员',
    });
    app.audit.append({ userId: admin?.id ?? null, username: admin?.username ?? 'admin', operation: 'report.annualManual.save', objectType: 'report', objectId: `annual-${year}`, summary: { demo: true } });
  })();
}
