import ExcelJS from 'exceljs';
import { MEASURES, MEASURE_LABELS, REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS } from '../../../shared/review-domain.js';
import type { AnnualCounts, AnnualReport } from '../../../shared/supervision-types.js';

/** Row of the first data line under the header in every table sheet (row 3 is the header). */
export const ANNUAL_HEADER_ROW = 3;

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const MONEY = '#,##0.00';

function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: ANNUAL_HEADER_ROW }] });
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, header.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const h = ws.getRow(ANNUAL_HEADER_ROW);
  h.values = header;
  h.font = BOLD;
  h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  return ws;
}

const countsRow = (label: string, key: keyof AnnualCounts, r: AnnualReport) => [label, r.manual.reconsideration[key], r.manual.litigation[key]];

/**
 * The annual statistics workbook for the superior office: 按执法类别 (counts, fines, hearings), 处理措施
 * (decisions by measure and type), 法制审核, 行政公示, 复议诉讼 (hand-entered), 执法人员. Every table has its
 * header on row 3 and data from row 4; the second row says who, what period and the deadline.
 */
export async function annualWorkbook(r: AnnualReport, meta: { exportedBy: string; exportedAt: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.exportedBy;
  wb.title = `${r.year}年度行政执法数据`;
  const info = `填报单位：${r.bureau.name}　统计期间：${r.year}年1月1日至12月31日　报送期限：${r.deadline}　导出：${meta.exportedBy} ${meta.exportedAt}`;
  const withInfo = (ws: ExcelJS.Worksheet) => (ws.getCell(2, 1).value = info);

  const types = r.byType;
  const main = sheet(wb, '按执法类别', `${r.bureau.name}${r.year}年度行政执法数据统计表`, ['执法类别', '立案数', '作出决定数', '结案数', '不予处罚数', '罚款金额（元）', '没收金额（元）', '听证数'], [14, 10, 12, 10, 12, 16, 16, 10]);
  withInfo(main);
  for (const t of types) main.addRow([t.label, t.opened, t.decided, t.closed, t.noPenalty, t.fines, t.confiscations, t.hearings]);
  main.getColumn(6).numFmt = MONEY;
  main.getColumn(7).numFmt = MONEY;
  main.lastRow!.font = BOLD;

  const measures = sheet(wb, '处理措施', `${r.year}年度执法决定处理措施统计（件）`, ['处理措施', ...types.map((t) => t.label)], [22, ...types.map(() => 11)]);
  withInfo(measures);
  for (const m of MEASURES) measures.addRow([MEASURE_LABELS[m], ...types.map((t) => t.measures[m] ?? 0)]);

  const reviews = sheet(wb, '法制审核', `${r.year}年度重大执法决定法制审核情况`, ['项目', '数量'], [30, 12]);
  withInfo(reviews);
  reviews.addRows([
    ['送审案件数（件）', r.reviews.submitted],
    ['送审轮次（次）', r.reviews.rounds],
    ...REVIEW_OUTCOMES.map((o) => [`审核结论：${REVIEW_OUTCOME_LABELS[o]}`, r.reviews.outcomes[o] ?? 0]),
    ['超过审核时限（件）', r.reviews.late],
    ['集体讨论（次）', r.reviews.discussions],
  ]);
  if (!r.reviews.available) reviews.addRow(['（法制审核功能未安装，以上为 0）', '']);

  const disclosures = sheet(wb, '行政公示', `${r.year}年度行政执法结果公示情况`, ['项目', '数量（件）'], [30, 12]);
  withInfo(disclosures);
  disclosures.addRows([
    ['应公示的执法决定', r.disclosures.due],
    ['按期公示', r.disclosures.onTime],
    ['超期公示或超期未公示', r.disclosures.late],
    ['公示期限未到', r.disclosures.notYet],
    ['撤回公示（决定被撤销、确认违法等）', r.disclosures.takedowns],
  ]);
  if (!r.disclosures.available) disclosures.addRow(['（行政执法公示功能未安装，以上为 0）', '']);

  const manual = sheet(wb, '复议诉讼', `${r.year}年度行政复议、行政诉讼情况（件）`, ['项目', '行政复议', '行政诉讼'], [20, 12, 12]);
  withInfo(manual);
  manual.addRows([
    countsRow('收到（受理）', 'received', r),
    countsRow('维持（驳回）', 'upheld', r),
    countsRow('撤销', 'revoked', r),
    countsRow('变更', 'changed', r),
    countsRow('确认违法', 'confirmedIllegal', r),
    countsRow('其他（终止、调解等）', 'other', r),
  ]);
  if (r.manual.note) manual.addRow(['说明', r.manual.note]);

  const officers = sheet(wb, '执法人员', `${r.year}年度执法人员情况`, ['项目', '人数'], [30, 12]);
  withInfo(officers);
  officers.addRows([
    ['在岗执法人员', r.officers.active],
    ['持有效执法证', r.officers.validCertificates],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
