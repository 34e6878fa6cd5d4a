import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { dataPaths } from '../data-folder.js';
import { computeAlerts } from '../supervision/alerts/index.js';
import { diskSpace } from '../supervision/alerts/storage.js';
import { createArchive } from '../supervision/archive/create.js';
import { exportArchive } from '../supervision/archive/export.js';
import { archiveInfo } from '../supervision/archive/info.js';
import { verifyArchive, verifyProgressText } from '../supervision/archive/verify.js';
import { loadBackupSettings, loadBackupState, saveBackupSettings } from '../supervision/backup/backup-settings.js';
import { checkBackup } from '../supervision/backup/check.js';
import { listBackups, rootOf } from '../supervision/backup/layout.js';
import { restoreBackup } from '../supervision/backup/restore.js';
import { runBackup } from '../supervision/backup/run.js';
import { exportLedger } from '../supervision/ledgers/export-job.js';
import { ledgerPage } from '../supervision/ledgers/registry.js';
import { computeAnnualReport } from '../supervision/report/annual-figures.js';
import { exportAnnual, publishAnnual } from '../supervision/report/annual-export.js';
import { annualNoticeContent } from '../supervision/report/annual-notice.js';
import { loadAnnualManual, saveAnnualManual } from '../supervision/report/annual-state.js';
import { loadSupervisionSettings, saveSupervisionSettings } from '../supervision/settings.js';
import { computeTodo } from '../supervision/todo.js';
import { computeTrends } from '../supervision/trends.js';
import { cancelProgress, progressOf, withProgress } from '../supervision/progress.js';
import { invalid, UserError } from '../errors.js';
import { currentUser, type Handlers, type OpContext, type OpsWithPrefix } from './context.js';

type SupervisionOp = OpsWithPrefix<'dashboard.alerts' | 'dashboard.trends' | 'dashboard.todo' | 'supervision.' | 'ledgers.' | 'report.' | 'archive.' | 'backup.' | 'restore.'>;

const actorOf = (ctx: OpContext) => {
  const u = currentUser(ctx);
  return { id: u.id, username: u.username, displayName: u.displayName };
};

/** A path from the shell's save/open dialog: absolute, never inside the data folder. */
function userPath(ctx: OpContext, p: string, what: string): string {
  if (!isAbsolute(p)) throw invalid(`${what}应为完整路径（例如 D:\\台账\\案件台账.xlsx）。`);
  const rel = relative(resolve(ctx.app.dataDir), resolve(p));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) throw invalid(`${what}不能在数据文件夹内，请另选位置。`);
  return p;
}

export const supervisionHandlers: Handlers<SupervisionOp> = {
  'dashboard.alerts': (ctx) => computeAlerts(ctx.app),
  'dashboard.trends': (ctx, { months, to }) => computeTrends(ctx.app, { months, to }),
  'dashboard.todo': (ctx) => computeTodo(ctx.app, currentUser(ctx)),
  'supervision.settings.get': (ctx) => loadSupervisionSettings(ctx.app),
  'supervision.settings.update': (ctx, patch) => {
    const { before, after } = saveSupervisionSettings(ctx.app, patch);
    const keys = Object.keys(patch) as (keyof typeof after)[];
    ctx.audit('settings', 'supervision', Object.fromEntries(keys.map((k) => [k, { before: before[k], after: after[k] }])));
    return after;
  },

  'ledgers.query': (ctx, { ledger, filter, page, pageSize }) => ledgerPage(ctx.app, ledger, filter, page, pageSize),
  'ledgers.export': (ctx, { ledger, filter, format, path, progressId }) => {
    const where = path ? userPath(ctx, path, '保存位置') : undefined;
    return withProgress(ctx.app, progressId, currentUser(ctx).id, '正在准备导出…', (p) =>
      exportLedger(ctx.app, actorOf(ctx), { ledger, filter, format, path: where }, { onProgress: p.report, signal: p.signal }),
    );
  },

  'report.annual': (ctx, { year }) => computeAnnualReport(ctx.app, year),
  'report.annualExport': (ctx, { year, path }) => exportAnnual(ctx.app, actorOf(ctx), year, path ? userPath(ctx, path, '保存位置') : undefined),
  'report.annualManual.save': (ctx, { year, reconsideration, litigation, note }) => {
    const user = currentUser(ctx);
    const { before, after } = saveAnnualManual(ctx.app, year, { reconsideration, litigation, note, updatedAt: ctx.nowIso(), updatedBy: user.displayName });
    ctx.audit('report', `annual-${year}`, { before: { reconsideration: before.reconsideration, litigation: before.litigation, note: before.note }, after: { reconsideration, litigation, note } });
    return loadAnnualManual(ctx.app, year);
  },
  'report.annualNotice': (ctx, { year }) => annualNoticeContent(computeAnnualReport(ctx.app, year), ctx.today()),
  'report.publishAnnual': (ctx, { year }) => publishAnnual(ctx.app, currentUser(ctx), year),

  'archive.create': (ctx, { caseId, dest, zip, progressId }) => {
    const user = currentUser(ctx);
    const where = dest ? userPath(ctx, dest, '归档位置') : undefined;
    return withProgress(ctx.app, progressId, user.id, '正在准备归档…', (p) => createArchive(ctx.app, user, { caseId, dest: where, zip }, { onProgress: p.report, signal: p.signal }));
  },
  'archive.export': (ctx, { caseId, dest, zip, progressId }) => {
    const user = currentUser(ctx);
    const where = dest ? userPath(ctx, dest, '导出位置') : undefined;
    return withProgress(ctx.app, progressId, user.id, '正在准备导出…', (p) => exportArchive(ctx.app, user, { caseId, dest: where, zip }, { onProgress: p.report, signal: p.signal }));
  },
  'archive.get': (ctx, { caseId }) => ({ archive: archiveInfo(ctx.app, caseId) }),
  'archive.verify': (ctx, { path, progressId }) =>
    withProgress(ctx.app, progressId, currentUser(ctx).id, '正在读取案卷包…', (p) => verifyArchive(path, (x) => p.report(verifyProgressText(x), x.bytes, x.bytesTotal), p.signal)),

  'backup.run': (ctx, { target, progressId }) => {
    const where = target ? userPath(ctx, target, '备份位置') : undefined;
    return withProgress(ctx.app, progressId, currentUser(ctx).id, '正在准备备份…', (p) => runBackup(ctx.app, actorOf(ctx), { target: where, onProgress: p.report, signal: p.signal }));
  },
  'backup.list': (ctx, { target }) => {
    const t = target ?? loadBackupSettings(ctx.app).target;
    if (!t) return [];
    return listBackups(rootOf(t));
  },
  'backup.settings.get': (ctx) => {
    const settings = loadBackupSettings(ctx.app);
    const space = settings.target ? diskSpace(settings.target) : null;
    return { settings, state: loadBackupState(ctx.app), targetFree: space?.free ?? null, targetTotal: space?.total ?? null };
  },
  'backup.settings.update': (ctx, patch) => {
    if (patch.target) userPath(ctx, patch.target, '备份位置');
    const { before, after } = saveBackupSettings(ctx.app, patch);
    ctx.audit('settings', 'backup', Object.fromEntries(Object.keys(patch).map((k) => [k, { before: before[k as keyof typeof before], after: after[k as keyof typeof after] }])));
    return after;
  },
  'restore.check': async (ctx, { path, progressId }) => {
    try {
      return await withProgress(ctx.app, progressId, currentUser(ctx).id, '正在读取备份…', (p) => checkBackup(path, p.report, p.signal));
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError('BACKUP_UNREADABLE', `无法读取备份“${path}”：${(e as Error).message}。请检查备份位置是否已连接。`);
    }
  },
  'restore.run': async (ctx, { path, into: where, progressId }) => {
    const into = userPath(ctx, where, '恢复到的文件夹');
    const user = currentUser(ctx);
    const r = await withProgress(ctx.app, progressId, user.id, '正在读取备份…', (p) =>
      restoreBackup(path, into, { actor: user.username, onProgress: p.report, signal: p.signal }),
    );
    ctx.app.db.transaction(() => ctx.audit('backup', r.backup?.id ?? path, { restoredTo: r.dataDir, backupCreatedAt: r.backup?.createdAt ?? null, checkedObjects: r.checkedObjects }))();
    return r;
  },
  'restore.useRestored': (ctx, { dataDir }) => {
    if (!existsSync(dataPaths(dataDir).db)) throw new UserError('NOT_FOUND', `文件夹“${dataDir}”中没有本程序的数据库。请选择恢复完成的数据文件夹。`);
    const shell = ctx.app.shell;
    if (!shell) {
      throw new UserError(
        'DESKTOP_ONLY',
        `浏览器模式下不能在程序内切换数据文件夹。请在运行本程序的窗口按 Ctrl+C 停止，再运行：npm start -- --data "${dataDir}"`,
      );
    }
    // After this answer has reached the window.
    setTimeout(() => shell.restartWith(dataDir), 300);
    return { restarting: true };
  },
  'supervision.progress': (ctx, { progressId }) => ({ progress: progressOf(ctx.app, progressId, currentUser(ctx).id) }),
  'supervision.cancel': (ctx, { progressId }) => ({ cancelled: cancelProgress(ctx.app, progressId, currentUser(ctx).id) }),
};
