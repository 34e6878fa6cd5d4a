import { todayLocal } from '../../../shared/logic/calendar.js';
import { REVIEW_OUTCOME_LABELS, type ReviewOutcome } from '../../../shared/review-domain.js';
import type { AnnualCounts, AnnualNoticeContent, AnnualReport } from '../../../shared/supervision-types.js';

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const counts = (c: AnnualCounts) =>
  `收到 ${c.received} 件，其中维持 ${c.upheld} 件、撤销 ${c.revoked} 件、变更 ${c.changed} 件、确认违法 ${c.confirmedIllegal} 件、其他 ${c.other} 件`;

/**
 * The annual statistics as a disclosure item for the bureau's website (年度行政执法数据公开), in
 * the shape `disclosure.createNotice` takes. Only totals: no personal data.
 */
export function annualNoticeContent(r: AnnualReport, today = todayLocal()): AnnualNoticeContent {
  const t = r.byType.find((x) => x.caseType === 'total')!;
  const sections = [
    {
      heading: '总体情况',
      text:
        `${r.year} 年，${r.bureau.name}共立案 ${t.opened} 件，作出行政执法决定 ${t.decided} 件（其中不予处罚 ${t.noPenalty} 件），结案 ${t.closed} 件；` +
        `罚款 ${yuan(t.fines)} 元，没收违法所得和非法财物折合 ${yuan(t.confiscations)} 元；组织听证 ${t.hearings} 件。` +
        `年末在岗执法人员 ${r.officers.active} 人，持有效执法证 ${r.officers.validCertificates} 人。`,
    },
  ];
  if (r.reviews.available) {
    const outcomes = Object.entries(r.reviews.outcomes)
      .filter(([, n]) => n > 0)
      .map(([o, n]) => `${REVIEW_OUTCOME_LABELS[o as ReviewOutcome] ?? o} ${n} 件`)
      .join('、');
    sections.push({
      heading: '重大执法决定法制审核',
      text: `送审重大执法决定 ${r.reviews.submitted} 件（${r.reviews.rounds} 轮次）${outcomes ? `，审核结论：${outcomes}` : ''}；提请集体讨论 ${r.reviews.discussions} 次。`,
    });
  }
  if (r.disclosures.available) {
    sections.push({
      heading: '行政执法结果公示',
      text: `应公示执法决定 ${r.disclosures.due} 件，按期公示 ${r.disclosures.onTime} 件；因决定被撤销、确认违法等撤回公示 ${r.disclosures.takedowns} 件。`,
    });
  }
  sections.push({
    heading: '行政复议和行政诉讼',
    text: `行政复议：${counts(r.manual.reconsideration)}。行政诉讼：${counts(r.manual.litigation)}。${r.manual.note ? r.manual.note : ''}`,
  });
  const numerals = ['一', '二', '三', '四', '五', '六'];
  sections.forEach((x, i) => (x.heading = `${numerals[i]}、${x.heading}`));
  return {
    kind: 'annual',
    title: `${r.bureau.name}${r.year}年度行政执法数据`,
    itemDate: today,
    notice: {
      sections,
      table: {
        caption: `${r.year} 年度行政执法数据（按执法类别）`,
        columns: ['执法类别', '立案数', '作出决定数', '结案数', '罚款金额（元）', '没收金额（元）', '听证数'],
        rows: r.byType.map((x) => [x.label, String(x.opened), String(x.decided), String(x.closed), yuan(x.fines), yuan(x.confiscations), String(x.hearings)]),
      },
    },
  };
}
