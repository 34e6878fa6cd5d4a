import { CASE_STATUS_LABELS, CASE_TYPE_LABELS, PROCEDURE_LABELS, STAGE_LABELS } from '../../../shared/domain.js';
import { MEASURE_LABELS } from '../../../shared/review-domain.js';
import { disclosureSource } from '../disclosure-source.js';
import { footageGapFilter } from '../footage-gaps.js';
import { hasDecisions, hasMedia } from '../tables.js';
import { col, jsonLabels, labelCase, whereBuilder, type LedgerDef } from './types.js';

/** 行政执法案件台账: one row per case, with its decision and disclosure when those issues are installed. */
export const caseLedger: LedgerDef = {
  name: 'cases',
  unavailable: () => null,
  build({ app, today }, f) {
    const decisions = hasDecisions(app.db);
    const src = disclosureSource(app);
    const columns = [
      col('caseNo', '案件编号', 24, 'c.case_no'),
      col('caseType', '执法类别', 10, labelCase('c.case_type', CASE_TYPE_LABELS)),
      col('procedure', '程序', 10, labelCase('c.procedure', PROCEDURE_LABELS)),
      col('title', '案由', 32, 'c.title'),
      col('parties', '当事人', 26, 'c.party_summary'),
      col('handlers', '承办人', 16, 'c.handler_summary'),
      col('openedOn', '立案日期', 12, 'c.opened_on', 'date'),
      col('dueOn', '办理期限', 12, 'c.due_on', 'date'),
      col('stage', '当前环节', 10, labelCase('c.stage', STAGE_LABELS)),
      col('status', '状态', 8, labelCase('c.status', CASE_STATUS_LABELS)),
      col('closedOn', '结案日期', 12, 'c.closed_on', 'date'),
      col('overdue', '是否超期', 8, `CASE WHEN c.due_on < ? AND c.stage NOT IN ('closing','archived') AND c.status = 'active' THEN '是' ELSE '否' END`),
    ];
    const columnParams: unknown[] = [today];
    if (decisions) {
      columns.push(
        col('decisionNo', '决定书文号', 26, 'd.decision_no'),
        col('decidedOn', '决定日期', 12, 'd.decided_on', 'date'),
        col('measures', '处理措施', 24, jsonLabels('d.measures', MEASURE_LABELS)),
        col('fine', '罚款金额（元）', 14, 'd.total_fine', 'money'),
        col('confiscation', '没收金额（元）', 14, 'd.total_confiscation', 'money'),
      );
    }
    if (src) {
      columns.push(
        col('publishedOn', '公示日期', 12, src.firstPublished, 'date'),
        col(
          'disclosure',
          '公示情况',
          10,
          `CASE WHEN d.id IS NULL THEN NULL WHEN NOT (${src.needsDisclosure}) THEN '不公示' WHEN ${src.firstPublished} IS NULL THEN CASE WHEN d.disclosure_due_on < ? THEN '超期未公示' ELSE '待公示' END
                WHEN ${src.firstPublished} <= d.disclosure_due_on THEN '按时公示' ELSE '超期公示' END`,
        ),
      );
      columnParams.push(today);
    }
    if (hasMedia(app.db)) {
      columns.push(col('footage', '关联音像（件）', 12, `(SELECT count(*) FROM media_case_links l WHERE l.case_id = c.id)`, 'number'));
    }
    const w = whereBuilder();
    if (f.from) w.add('c.opened_on >= ?', f.from);
    if (f.to) w.add('c.opened_on <= ?', f.to);
    if (f.caseType) w.add('c.case_type = ?', f.caseType);
    if (f.stage) w.add('c.stage = ?', f.stage);
    if (f.status) w.add('c.status = ?', f.status);
    if (f.handlerId) w.add('EXISTS (SELECT 1 FROM case_handlers h WHERE h.case_id = c.id AND h.officer_id = ?)', f.handlerId);
    if (f.closedTo) w.add('c.closed_on <= ?', f.closedTo);
    if (f.overdue) w.add(`c.due_on < ? AND c.stage NOT IN ('closing','archived') AND c.status = 'active'`, today);
    if (f.avGap) {
      const gap = footageGapFilter(app);
      if (gap) w.add(gap.sql, ...gap.params);
      else w.add('0');
    }
    return {
      columns,
      columnParams,
      from: `cases c${decisions ? ' LEFT JOIN decisions d ON d.case_id = c.id' : ''}`,
      where: w.where,
      whereParams: w.params,
      order: 'c.opened_on DESC, c.id DESC',
    };
  },
};
