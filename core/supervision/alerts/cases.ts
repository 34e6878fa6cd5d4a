import { addDays } from '../../../shared/logic/calendar.js';
import { alertIf, caseLink, count, md, type AlertRule } from './types.js';

/** Cases past their handling period (办案期限) and closed cases waiting to be archived. */
export const caseAlerts: AlertRule = ({ app, today, settings }) => {
  const overdue = app.repos.caseQueries.list({ overdue: true, page: 1, pageSize: 20 }, today);
  const cutoff = addDays(today, -settings.archiveAfterDays);
  // The partial index of closed, unarchived cases by closing date (the planner would pick the stage index).
  const unarchivedSql = `FROM cases INDEXED BY cases_closing WHERE stage = 'closing' AND status = 'active' AND closed_on <= ?`;
  const unarchived = count(app.db.prepare(`SELECT count(*) AS n ${unarchivedSql}`).get(cutoff));
  const unarchivedRows = unarchived
    ? (app.db.prepare(`SELECT id, case_no AS caseNo, title, closed_on AS closedOn ${unarchivedSql} ORDER BY closed_on, id LIMIT 20`).all(cutoff) as {
        id: number;
        caseNo: string;
        title: string;
        closedOn: string;
      }[])
    : [];
  return [
    ...alertIf(
      'cases.overdue',
      'warning',
      '案件超过办案期限',
      overdue.total,
      { page: 'cases', filter: { overdue: true } },
      overdue.rows.map((c) => ({ id: c.id, label: c.caseNo, detail: `${c.title}，期限 ${c.dueOn ? md(c.dueOn) : '—'}`, link: caseLink(c.id) })),
    ),
    ...alertIf(
      'cases.unarchived',
      'info',
      `结案超过 ${settings.archiveAfterDays} 天未归档`,
      unarchived,
      { page: 'ledger', filter: { ledger: 'cases', stage: 'closing', status: 'active', closedTo: cutoff } },
      unarchivedRows.map((c) => ({ id: c.id, label: c.caseNo, detail: `${c.title}，${md(c.closedOn)}结案`, link: caseLink(c.id) })),
    ),
  ];
};
