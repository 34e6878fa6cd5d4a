import { CASE_TYPE_LABELS } from '../../../shared/domain.js';
import { DECISION_TYPE_LABELS } from '../../../shared/review-domain.js';
import { disclosureSource } from '../disclosure-source.js';
import { hasDecisions } from '../tables.js';
import { col, labelCase, whereBuilder, type LedgerDef } from './types.js';

/** 行政执法公示台账: one row per decision, with its disclosure deadline, publication date and state. */
export const disclosureLedger: LedgerDef = {
  name: 'disclosures',
  unavailable: (app) =>
    !hasDecisions(app.db) ? '法制审核与决定功能尚未安装，暂无执法决定。' : !disclosureSource(app) ? '行政执法公示功能尚未安装，暂无公示记录。' : null,
  build({ app, today }, f) {
    const src = disclosureSource(app)!;
    const p = src.firstPublished;
    const state = `CASE WHEN NOT (${src.needsDisclosure}) THEN 'exempt' WHEN ${p} IS NULL THEN CASE WHEN d.disclosure_due_on < ? THEN 'overdue' ELSE 'pending' END
                       WHEN ${p} <= d.disclosure_due_on THEN 'onTime' ELSE 'late' END`;
    const columns = [
      col('decisionNo', '决定书文号', 26, 'd.decision_no'),
      col('caseNo', '案件编号', 24, 'c.case_no'),
      col('caseType', '执法类别', 10, labelCase('c.case_type', CASE_TYPE_LABELS)),
      col('decisionType', '决定类型', 12, labelCase('d.decision_type', DECISION_TYPE_LABELS)),
      col('parties', '当事人', 24, 'c.party_summary'),
      col('decidedOn', '决定日期', 12, 'd.decided_on', 'date'),
      col('dueOn', '公示期限', 12, 'd.disclosure_due_on', 'date'),
      col('publishedOn', '公示日期', 12, p, 'date'),
      col(
        'state',
        '公示情况',
        12,
        `CASE WHEN NOT (${src.needsDisclosure}) THEN '不公示' WHEN ${p} IS NULL THEN CASE WHEN d.disclosure_due_on < ? THEN '超期未公示' ELSE '待公示' END WHEN ${p} <= d.disclosure_due_on THEN '按时公示' ELSE '超期公示' END`,
      ),
    ];
    const w = whereBuilder();
    if (f.from) w.add('d.decided_on >= ?', f.from);
    if (f.to) w.add('d.decided_on <= ?', f.to);
    if (f.caseType) w.add('c.case_type = ?', f.caseType);
    if (f.state) w.add(`${state} = ?`, today, f.state);
    if (f.dueTo) w.add('d.disclosure_due_on <= ?', f.dueTo);
    if (f.overdue) w.add(`${p} IS NULL AND d.disclosure_due_on < ? AND ${src.needsDisclosure}`, today);
    return { columns, columnParams: [today], from: 'decisions d JOIN cases c ON c.id = d.case_id', where: w.where, whereParams: w.params, order: 'd.decided_on DESC, d.id DESC' };
  },
};
