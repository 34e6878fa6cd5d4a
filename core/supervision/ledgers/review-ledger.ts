import { CASE_TYPE_LABELS } from '../../../shared/domain.js';
import { DISCUSSION_CONCLUSION_LABELS, REVIEW_OUTCOME_LABELS } from '../../../shared/review-domain.js';
import { hasReview } from '../tables.js';
import { col, labelCase, whereBuilder, yesNo, type LedgerDef } from './types.js';

/** 重大执法决定法制审核台账: one row per submission round, with its outcome and any collective discussion. */
export const reviewLedger: LedgerDef = {
  name: 'reviews',
  unavailable: (app) => (hasReview(app.db) ? null : '法制审核功能尚未安装，暂无审核记录。'),
  build({ today }, f) {
    const columns = [
      col('caseNo', '案件编号', 24, 'c.case_no'),
      col('caseType', '执法类别', 10, labelCase('c.case_type', CASE_TYPE_LABELS)),
      col('title', '案由', 30, 'c.title'),
      col('parties', '当事人', 24, 'c.party_summary'),
      col('round', '送审轮次', 8, 's.round', 'number'),
      col('submittedBy', '送审人', 10, 'su.display_name'),
      col('submittedOn', '送审日期', 12, 's.submitted_on', 'date'),
      col('dueOn', '审核期限', 12, 'coalesce(i.due_on, s.due_on)', 'date'),
      col('major', '重大执法决定', 10, yesNo('s.major = 1')),
      col('reviewer', '审核人员', 10, 'ru.display_name'),
      col('outcome', '审核结论', 12, `CASE WHEN o.id IS NULL THEN '审核中' ELSE ${labelCase('o.outcome', REVIEW_OUTCOME_LABELS)} END`),
      col('recordedOn', '审核日期', 12, 'o.recorded_on', 'date'),
      col('late', '是否超期', 10, `CASE WHEN o.late = 1 THEN '是' WHEN o.id IS NULL AND coalesce(i.due_on, s.due_on) < ? THEN '已超期' ELSE '否' END`),
      col(
        'discussion',
        '集体讨论',
        26,
        `(SELECT x.held_on || ' ' || ${labelCase('x.conclusion', DISCUSSION_CONCLUSION_LABELS)} FROM review_discussions x WHERE x.submission_id = s.id ORDER BY x.id DESC LIMIT 1)`,
      ),
    ];
    const w = whereBuilder();
    if (f.from) w.add('s.submitted_on >= ?', f.from);
    if (f.to) w.add('s.submitted_on <= ?', f.to);
    if (f.caseType) w.add('c.case_type = ?', f.caseType);
    if (f.outcome) w.add(f.outcome === 'pending' ? 'o.id IS NULL' : 'o.outcome = ?', ...(f.outcome === 'pending' ? [] : [f.outcome]));
    if (f.handlerId) w.add('EXISTS (SELECT 1 FROM case_handlers h WHERE h.case_id = c.id AND h.officer_id = ?)', f.handlerId);
    if (f.overdue) w.add(`(o.late = 1 OR (o.id IS NULL AND i.status = 'pending' AND i.due_on < ?))`, today);
    return {
      columns,
      columnParams: [today],
      from: `review_submissions s JOIN cases c ON c.id = s.case_id
        LEFT JOIN review_items i ON i.submission_id = s.id
        LEFT JOIN review_outcomes o ON o.submission_id = s.id
        LEFT JOIN users su ON su.id = s.submitted_by
        LEFT JOIN users ru ON ru.id = o.reviewer_id`,
      where: w.where,
      whereParams: w.params,
      order: 's.submitted_on DESC, s.id DESC',
    };
  },
};
