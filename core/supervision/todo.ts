import type { SessionUser } from '../accounts/sessions.js';
import type { AppContext } from '../app.js';
import type { Role } from '../../shared/roles.js';
import type { Alert, AlertItem, AlertLevel, AlertLink, TodoItem } from '../../shared/supervision-types.js';
import { alertEnv } from './alerts/index.js';
import { certificateAlerts } from './alerts/certificates.js';
import { backupAlerts } from './alerts/deadlines.js';
import { deviceAlerts } from './alerts/footage.js';
import { storageAlerts } from './alerts/storage.js';
import { caseLink, md } from './alerts/types.js';
import { disclosureSource } from './disclosure-source.js';
import { publicationIndex } from './publication-index.js';
import { footageGapQuery } from './footage-gaps.js';
import { hasMedia, hasReview } from './tables.js';

type CaseRow = { id: number; caseNo: string; title: string; d: string | null };

/**
 * The personal to-do list (我的待办) of the signed-in user, for each role they hold: an officer's own
 * overdue cases, returned reviews, unannotated footage and cases to archive; a reviewer's queue;
 * the head's collective discussions; the publisher's decisions awaiting disclosure; the admin's
 * certificates, recorders, storage and backups.
 */
export function computeTodo(app: AppContext, user: SessionUser): TodoItem[] {
  const env = alertEnv(app);
  const { today, calendar } = env;
  const { db } = app;
  const out: TodoItem[] = [];
  const add = (role: Role, id: string, level: AlertLevel, title: string, n: number, link: AlertLink, items: AlertItem[]) => {
    if (n > 0) out.push({ id, role, level, title, count: n, link, items: items.slice(0, 20) });
  };
  const caseItems = (rows: CaseRow[], detail: (r: CaseRow) => string) => rows.map((r) => ({ id: r.id, label: r.caseNo, detail: detail(r), link: caseLink(r.id) }));
  const roles = new Set(user.roles);
  const officerId = user.officerId;

  if (roles.has('officer') && officerId) {
    const mine = `FROM case_handlers h JOIN cases c ON c.id = h.case_id WHERE h.officer_id = ? AND c.status = 'active'`;
    const sel = (extra: string, order: string, d: string, ...p: unknown[]) => ({
      n: (db.prepare(`SELECT count(*) AS n ${mine} ${extra}`).get(officerId, ...p) as { n: number }).n,
      rows: db.prepare(`SELECT c.id, c.case_no AS caseNo, c.title, ${d} AS d ${mine} ${extra} ORDER BY ${order} LIMIT 20`).all(officerId, ...p) as CaseRow[],
    });
    const open = `AND c.stage NOT IN ('closing','archived')`;
    const overdue = sel(`${open} AND c.due_on < ?`, 'c.due_on, c.id', 'c.due_on', today);
    add('officer', 'officer.overdue', 'danger', '我承办的案件已超过办案期限', overdue.n, { page: 'cases', filter: { handlerId: officerId, overdue: true } }, caseItems(overdue.rows, (r) => `${r.title}，期限 ${md(r.d!)}`));
    const soonBy = calendar.addWorkdays(today, 5);
    const soon = sel(`${open} AND c.due_on BETWEEN ? AND ?`, 'c.due_on, c.id', 'c.due_on', today, soonBy);
    add('officer', 'officer.dueSoon', 'warning', '我承办的案件 5 个工作日内到期', soon.n, { page: 'cases', filter: { handlerId: officerId } }, caseItems(soon.rows, (r) => `${r.title}，期限 ${md(r.d!)}`));
    if (hasReview(db)) {
      const returned = sel(
        `AND EXISTS (SELECT 1 FROM review_outcomes o JOIN review_submissions s ON s.id = o.submission_id
           WHERE s.case_id = c.id AND o.outcome = 'return' AND s.round = (SELECT max(round) FROM review_submissions WHERE case_id = c.id))
         AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id)`,
        'c.id DESC',
        'NULL',
      );
      add('officer', 'officer.returned', 'warning', '法制审核退回补充，待重新送审', returned.n, { page: 'cases', filter: { handlerId: officerId } }, caseItems(returned.rows, (r) => r.title));
    }
    if (hasMedia(db)) {
      const n = (db.prepare(`SELECT count(*) AS n FROM media_items WHERE officer_id = ? AND annotated_at IS NULL AND purged_at IS NULL`).get(officerId) as { n: number }).n;
      const rows = db
        .prepare(`SELECT id, file_name AS fileName, recorded_at AS at FROM media_items WHERE officer_id = ? AND annotated_at IS NULL AND purged_at IS NULL ORDER BY ingested_at, id LIMIT 20`)
        .all(officerId) as { id: number; fileName: string; at: string | null }[];
      add('officer', 'officer.unannotated', 'warning', '我的音像记录待标注', n, { page: 'media', filter: { officerId, annotated: false } }, rows.map((r) => ({ id: r.id, label: r.fileName, detail: r.at ? `拍摄于 ${r.at.slice(0, 16).replace('T', ' ')}` : '拍摄时间未知', link: { page: 'media', filter: { id: r.id } } })));
      const gaps = footageGapQuery(app);
      if (gaps) {
        const gap = sel(`AND c.id IN (SELECT case_id FROM (${gaps.sql}))`, 'c.opened_on DESC, c.id DESC', 'NULL', ...gaps.params);
        add('officer', 'officer.footageGaps', 'warning', '我承办的案件缺少音像记录', gap.n, { page: 'ledger', filter: { ledger: 'cases', avGap: true, handlerId: officerId } }, caseItems(gap.rows, (r) => `${r.title}：请关联音像记录或填写无法记录说明`));
      }
    }
    const toArchive = sel(`AND c.stage = 'closing'`, 'c.closed_on, c.id', 'c.closed_on');
    add('officer', 'officer.toArchive', 'info', '我承办的案件已结案，待归档', toArchive.n, { page: 'cases', filter: { handlerId: officerId, stage: 'closing' } }, caseItems(toArchive.rows, (r) => `${r.title}，${r.d ? md(r.d) : ''}结案`));
  }

  if (roles.has('reviewer') && hasReview(db)) {
    const where = `FROM review_items i JOIN cases c ON c.id = i.case_id WHERE i.status = 'pending' AND (i.assignee_id = ? OR i.assignee_id IS NULL)`;
    const n = (db.prepare(`SELECT count(*) AS n ${where}`).get(user.id) as { n: number }).n;
    const rows = db.prepare(`SELECT c.id, c.case_no AS caseNo, c.title, i.due_on AS d ${where} ORDER BY i.due_on, i.submission_id LIMIT 20`).all(user.id) as CaseRow[];
    const late = rows.some((r) => r.d! < today);
    add('reviewer', 'reviewer.queue', late ? 'danger' : 'warning', '待我审核的案件', n, { page: 'reviews', filter: { queue: true } }, caseItems(rows, (r) => `${r.title}，${r.d! < today ? '已超期' : `${md(r.d!)}到期`}`));
  }

  if (roles.has('head') && hasReview(db)) {
    const where = `FROM review_submissions s JOIN cases c ON c.id = s.case_id
      WHERE s.requires_discussion = 1 AND c.status = 'active'
        AND s.round = (SELECT max(round) FROM review_submissions WHERE case_id = s.case_id)
        AND EXISTS (SELECT 1 FROM review_outcomes o WHERE o.submission_id = s.id AND o.outcome != 'return')
        AND NOT EXISTS (SELECT 1 FROM review_discussions x WHERE x.case_id = s.case_id AND (x.submission_id = s.id OR x.submission_id IS NULL))
        AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = s.case_id)`;
    const n = (db.prepare(`SELECT count(*) AS n ${where}`).get() as { n: number }).n;
    const rows = db.prepare(`SELECT c.id, c.case_no AS caseNo, c.title, s.submitted_on AS d ${where} ORDER BY s.submitted_on, s.id LIMIT 20`).all() as CaseRow[];
    add('head', 'head.discussions', 'warning', '待集体讨论的重大执法决定', n, { page: 'reviews', filter: { discussion: true } }, caseItems(rows, (r) => `${r.title}，${md(r.d!)}送审`));
  }

  const src = disclosureSource(app);
  if (roles.has('publisher') && src) {
    const ids = JSON.stringify([...(publicationIndex(app)?.pending ?? [])]);
    const where = `FROM decisions d JOIN cases c ON c.id = d.case_id WHERE d.id IN (SELECT value FROM json_each(?)) AND c.status = 'active'`;
    const n = (db.prepare(`SELECT count(*) AS n ${where}`).get(ids) as { n: number }).n;
    const rows = db.prepare(`SELECT c.id, c.case_no AS caseNo, d.decision_no AS title, d.disclosure_due_on AS d ${where} ORDER BY d.disclosure_due_on, d.id LIMIT 20`).all(ids) as CaseRow[];
    add('publisher', 'publisher.pending', rows.some((r) => r.d! < today) ? 'danger' : 'warning', '待公示的执法决定', n, { page: 'ledger', filter: { ledger: 'disclosures', state: 'pending' } }, caseItems(rows, (r) => `${r.title}，应于 ${md(r.d!)} 前公示`));
  }

  if (roles.has('admin')) {
    const alerts: Alert[] = [...backupAlerts(env), ...storageAlerts(env), ...certificateAlerts(env), ...deviceAlerts(env)];
    for (const a of alerts) add('admin', `admin.${a.id}`, a.level, a.title, a.count, a.link, a.items);
  }
  return out;
}
