import { DEFAULT_REVIEW_SETTINGS, REVIEW_SETTINGS_DOCUMENT, type ReviewSettings } from '../../../shared/review-settings.js';
import type { AppContext } from '../../app.js';
import { hasReview } from '../tables.js';
import { alertIf, caseLink, count, md, type AlertRule } from './types.js';

export const reviewSettingsOf = (app: AppContext): ReviewSettings => ({
  ...DEFAULT_REVIEW_SETTINGS,
  ...(app.settings.getDocument<Partial<ReviewSettings>>(REVIEW_SETTINGS_DOCUMENT) ?? {}),
});

interface Row {
  submissionId: number;
  caseId: number;
  caseNo: string;
  title: string;
  round: number;
  dueOn: string;
}

const SELECT = `SELECT i.submission_id AS submissionId, i.case_id AS caseId, c.case_no AS caseNo, c.title, s.round, i.due_on AS dueOn
  FROM review_items i JOIN cases c ON c.id = i.case_id JOIN review_submissions s ON s.id = i.submission_id`;

/** Legal reviews (法制审核) past their time limit, and those due within the warning period (working days). */
export const reviewAlerts: AlertRule = ({ app, today, calendar }) => {
  if (!hasReview(app.db)) return [];
  const warnBy = calendar.addWorkdays(today, reviewSettingsOf(app).warnWorkdays);
  const overdueN = count(app.db.prepare(`SELECT count(*) AS n FROM review_items WHERE status = 'pending' AND due_on < ?`).get(today));
  const overdue = app.db.prepare(`${SELECT} WHERE i.status = 'pending' AND i.due_on < ? ORDER BY i.due_on, i.submission_id LIMIT 20`).all(today) as Row[];
  const soonN = count(app.db.prepare(`SELECT count(*) AS n FROM review_items WHERE status = 'pending' AND due_on >= ? AND due_on <= ?`).get(today, warnBy));
  const soon = app.db.prepare(`${SELECT} WHERE i.status = 'pending' AND i.due_on >= ? AND i.due_on <= ? ORDER BY i.due_on, i.submission_id LIMIT 20`).all(today, warnBy) as Row[];
  const item = (r: Row, late: boolean) => ({
    id: r.caseId,
    label: r.caseNo,
    detail: late
      ? `${r.title}（第 ${r.round} 轮），${md(r.dueOn)}到期，已超期 ${Math.max(1, calendar.workdaysBetween(r.dueOn, today))} 个工作日`
      : `${r.title}（第 ${r.round} 轮），${r.dueOn === today ? '今天到期' : `${md(r.dueOn)}到期`}`,
    link: caseLink(r.caseId),
  });
  return [
    ...alertIf('reviews.overdue', 'danger', '法制审核超过时限', overdueN, { page: 'reviews', filter: { overdue: true } }, overdue.map((r) => item(r, true))),
    ...alertIf('reviews.dueSoon', 'warning', '法制审核即将到期', soonN, { page: 'reviews', filter: { queue: true } }, soon.map((r) => item(r, false))),
  ];
};
