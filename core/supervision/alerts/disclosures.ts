import { disclosureSource } from '../disclosure-source.js';
import { publicationIndex } from '../publication-index.js';
import { alertIf, caseLink, md, type AlertRule } from './types.js';

interface Row {
  caseId: number;
  caseNo: string;
  decisionNo: string;
  decidedOn: string;
  dueOn: string;
}

/**
 * Decisions not published within the disclosure period (7 working days, 001) and withdrawals not made
 * within 1 working day of a revocation (000). The due dates are those stored by the review and
 * disclosure issues (decisions.disclosure_due_on, the disclosure item's takedown deadline).
 */
export const disclosureAlerts: AlertRule = ({ app, today, calendar, settings }) => {
  const src = disclosureSource(app);
  if (!src) return [];
  const soonBy = calendar.addWorkdays(today, settings.disclosureWarnWorkdays);
  const ids = JSON.stringify([...(publicationIndex(app)?.pending ?? [])]);
  // The pending decisions due by the warning date, most urgent first, in one pass: counts, and the
  // 20 most urgent of each kind.
  const due = app.db
    .prepare(
      `SELECT d.case_id AS caseId, c.case_no AS caseNo, d.decision_no AS decisionNo, d.decided_on AS decidedOn, d.disclosure_due_on AS dueOn
       FROM decisions d JOIN cases c ON c.id = d.case_id
       WHERE d.id IN (SELECT value FROM json_each(?)) AND c.status = 'active' AND d.disclosure_due_on <= ?
       ORDER BY d.disclosure_due_on, d.id`,
    )
    .all(ids, soonBy) as Row[];
  const lateAll = due.filter((r) => r.dueOn < today);
  const soonAll = due.filter((r) => r.dueOn >= today);
  const n = { late: lateAll.length, soon: soonAll.length };
  const late = lateAll.slice(0, 20);
  const soon = soonAll.slice(0, 20);
  const item = (r: Row) => ({
    id: r.caseId,
    label: r.decisionNo || r.caseNo,
    detail: `${md(r.decidedOn)}决定，应于 ${md(r.dueOn)} 前公示${r.dueOn < today ? `，已超期 ${Math.max(1, calendar.workdaysBetween(r.dueOn, today))} 个工作日` : ''}`,
    link: caseLink(r.caseId),
  });
  const out = [
    ...alertIf('disclosures.late', 'danger', '执法决定超过公示期限未公示', n.late ?? 0, { page: 'ledger', filter: { ledger: 'disclosures', state: 'overdue' } }, late.map(item)),
    ...alertIf('disclosures.dueSoon', 'warning', '执法决定即将到达公示期限', n.soon ?? 0, { page: 'ledger', filter: { ledger: 'disclosures', state: 'pending', dueTo: soonBy } }, soon.map(item)),
  ];
  const rows = app.db
    .prepare(
      `SELECT t.id, t.case_id AS caseId, t.label, t.due_on AS dueOn, c.case_no AS caseNo FROM (${src.takedowns}) t LEFT JOIN cases c ON c.id = t.case_id
       WHERE t.done_on IS NULL AND t.due_on <= ? ORDER BY t.due_on, t.id`,
    )
    .all(today) as { id: number; caseId: number | null; label: string; dueOn: string; caseNo: string | null }[];
  const overdue = rows.filter((r) => r.dueOn < today);
  const dueToday = rows.filter((r) => r.dueOn === today);
  const item2 = (r: (typeof rows)[number]) => ({
    id: r.id,
    label: r.label || r.caseNo || `公示 ${r.id}`,
    detail: r.dueOn < today ? `应于 ${md(r.dueOn)} 前撤下，已超期` : '今天须撤下',
    ...(r.caseId ? { link: caseLink(r.caseId) } : {}),
  });
  out.push(
    ...alertIf('disclosures.takedownLate', 'danger', '已撤销的决定超过期限仍未从网站撤下', overdue.length, { page: 'disclosures', filter: { state: 'withdrawn', overdue: true } }, overdue.map(item2)),
    ...alertIf('disclosures.takedownToday', 'warning', '今天须撤下的公示', dueToday.length, { page: 'disclosures', filter: { state: 'withdrawn' } }, dueToday.map(item2)),
  );
  return out;
};
