import { annualDeadline, annualMarks, daysBetween } from '../report/annual-state.js';
import { loadBackupSettings, loadBackupState } from '../backup/backup-settings.js';
import { alertIf, md, type AlertRule } from './types.js';

/** The annual statistics (年度行政执法数据) on the previous year, due by the deadline in the settings. */
export const annualReportAlerts: AlertRule = ({ app, today, settings }) => {
  const year = Number(today.slice(0, 4)) - 1;
  if (annualMarks(app)[year]) return [];
  const deadline = annualDeadline(year, settings.annualReportDeadline);
  const left = daysBetween(today, deadline);
  // Active from N days before the deadline until N days after it (then the season is over).
  if (left > settings.annualReportWarnDays || left < -settings.annualReportWarnDays) return [];
  const late = left < 0;
  return alertIf(
    'report.annualDue',
    late ? 'danger' : 'warning',
    late ? `${year} 年度行政执法数据已超过报送期限（${md(deadline)}）` : `${year} 年度行政执法数据应于 ${md(deadline)} 前报送`,
    1,
    { page: 'report', filter: { year } },
    [{ id: year, label: `${year} 年度统计`, detail: late ? `已超期 ${-left} 天，尚未导出报送` : left === 0 ? '今天截止，尚未导出' : `还有 ${left} 天，尚未导出` }],
  );
};

/** Backups: none configured, the last one failed, or none successful for N days. */
export const backupAlerts: AlertRule = ({ app, now, settings }) => {
  const cfg = loadBackupSettings(app);
  const state = loadBackupState(app);
  const link = { page: 'backup' as const, filter: {} };
  if (!cfg.target) {
    return alertIf('backup.notConfigured', 'warning', '尚未设置备份位置', 1, { page: 'settings', filter: { section: 'backup' } }, [
      { id: 'target', label: '备份', detail: '请在“设置—备份”中选择第二块硬盘或网络共享文件夹，并开启定时备份。' },
    ]);
  }
  if (state.lastOk === false) {
    return alertIf('backup.failed', 'danger', '最近一次备份失败', 1, link, [{ id: 'last', label: state.lastRunAt ? md(state.lastRunAt.slice(0, 10)) : '备份', detail: state.message ?? '备份失败' }]);
  }
  const last = state.lastSuccessAt ? Date.parse(state.lastSuccessAt) : null;
  const days = last == null ? null : Math.floor((now.getTime() - last) / 86_400_000);
  if (days != null && days < settings.backupStaleDays) return [];
  return alertIf('backup.stale', 'warning', days == null ? '尚未进行过备份' : `已 ${days} 天没有成功备份`, 1, link, [
    { id: 'last', label: '备份', detail: days == null ? `备份位置：${cfg.target}。请立即备份一次。` : `上次成功备份：${state.lastSuccessAt}` },
  ]);
};
