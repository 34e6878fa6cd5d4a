import type { AnnualNoticeContent } from '../../shared/supervision-types.js';
import type { SessionUser } from '../accounts/sessions.js';
import type { AppContext } from '../app.js';
import { annualDeadline } from '../supervision/report/annual-state.js';
import { loadSupervisionSettings } from '../supervision/settings.js';
import { must } from './seed-foundation.js';

export interface ReportActors {
  head: SessionUser;
  officer: SessionUser;
  publisher: SessionUser;
}

/** A dated step of the demo's past (run with the clock on `on`); `phase` orders steps of one day. */
export interface DatedStep {
  on: string;
  phase: number;
  run: () => Promise<void>;
}

/**
 * Last year's 年度行政执法数据 as the bureau handled it before the deadline (31 March by default):
 * the head fills in the reconsideration and litigation figures and exports the workbook (报送),
 * then the statistics go on the website, drafted from the same figures (report.annualNotice) by an
 * officer and approved by the publisher. The figures are the report's own, computed on that day.
 * Steps after today are left out, so a demo made before the deadline shows the report still due.
 */
export function annualReportSteps(app: AppContext, a: ReportActors, year: number, today: string): { steps: DatedStep[]; publishOn: string | null } {
  const cal = app.calendar();
  const deadline = annualDeadline(year, loadSupervisionSettings(app).annualReportDeadline);
  const exportOn = cal.addWorkdays(deadline, -9);
  const manualOn = cal.addWorkdays(exportOn, -2);
  const noticeOn = cal.addWorkdays(exportOn, 1);
  const steps: DatedStep[] = [
    {
      on: manualOn <= today ? manualOn : today,
      phase: 0,
      run: async () => {
        await must(app, a.head, 'report.annualManual.save', {
          year,
          reconsideration: { received: 4, upheld: 3, revoked: 1, changed: 0, confirmedIllegal: 0, other: 0 },
          litigation: { received: 1, upheld: 1, revoked: 0, changed: 0, confirmedIllegal: 0, other: 0 },
          note: '1 件行政复议决定撤销原处罚决定，已重新调查处理。',
        });
      },
    },
  ];
  if (exportOn > today) return { steps, publishOn: null };
  steps.push({ on: exportOn, phase: 0, run: async () => void (await must(app, a.head, 'report.annualExport', { year })) });
  if (noticeOn > today) return { steps, publishOn: null };
  steps.push({
    on: noticeOn,
    phase: 1,
    run: async () => {
      const content = await must<AnnualNoticeContent>(app, a.publisher, 'report.annualNotice', { year });
      const { id } = await must<{ id: number }>(app, a.officer, 'disclosure.createNotice', { kind: content.kind, title: content.title, itemDate: noticeOn, notice: content.notice });
      await must(app, a.officer, 'disclosure.submit', { id });
      await must(app, a.publisher, 'disclosure.approve', { id, note: '数据与报送的年度统计表一致' });
    },
  });
  return { steps, publishOn: noticeOn };
}
