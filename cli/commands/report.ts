import { resolve } from 'node:path';
import { todayLocal } from '../../shared/logic/calendar.js';
import { computeAnnualReport } from '../../core/supervision/report/annual-figures.js';
import { exportAnnual } from '../../core/supervision/report/annual-export.js';
import { UsageError } from '../io.js';
import { withApp } from './common.js';
import type { Command } from './types.js';

export const CLI_REPORT_ACTOR = { id: null, username: '(命令行)', displayName: '命令行' };

export const reportCommand: Command = {
  summary: '年度行政执法数据统计：按执法类别的立案、决定、结案、罚没金额、听证，法制审核与公示情况；--out 写出报送用的 Excel',
  usage: 'report annual --year Y --data D [--out FILE.xlsx] [--json]',
  options: { year: { type: 'string' }, out: { type: 'string' } },
  async run(args) {
    if (args.positionals[0] !== 'annual') throw new UsageError('用法：sanxiang report annual --year 2025 --data D --out 年报.xlsx');
    const yearText = (args.values.year as string | undefined) ?? String(Number(todayLocal().slice(0, 4)) - 1);
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`年份不正确：${yearText}`);
    const out = args.values.out as string | undefined;
    return withApp(args, async (app) => {
      const report = computeAnnualReport(app, year);
      const written = out ? await exportAnnual(app, CLI_REPORT_ACTOR, year, resolve(out)) : null;
      const t = report.byType.find((r) => r.caseType === 'total')!;
      const value = {
        out: written?.path ?? null,
        year,
        deadline: report.deadline,
        opened: t.opened,
        decided: t.decided,
        closed: t.closed,
        noPenalty: t.noPenalty,
        fines: t.fines,
        confiscations: t.confiscations,
        hearings: t.hearings,
        byType: Object.fromEntries(report.byType.filter((r) => r.caseType !== 'total').map((r) => [r.caseType, { opened: r.opened, decided: r.decided, closed: r.closed, fines: r.fines, confiscations: r.confiscations }])),
        reviews: report.reviews,
        disclosures: report.disclosures,
        manual: { reconsideration: report.manual.reconsideration, litigation: report.manual.litigation },
      };
      const text = [
        `${report.bureau.name} ${year} 年度行政执法数据（报送期限 ${report.deadline}）`,
        ...report.byType.map((r) => `  ${r.label}：立案 ${r.opened}，决定 ${r.decided}，结案 ${r.closed}，罚款 ${r.fines} 元，没收 ${r.confiscations} 元，听证 ${r.hearings}`),
        written ? `已写出：${written.path}` : '（未指定 --out，未写出 Excel 文件）',
      ].join('\n');
      args.out.result(value, text);
      return 0;
    });
  },
};
