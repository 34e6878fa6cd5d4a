import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASE_TYPE_LABELS, STAGE_LABELS, type CaseType, type Stage } from '../../../shared/domain.js';
import { todayLocal } from '../../../shared/logic/calendar.js';
import { REVIEW_OUTCOME_LABELS, type ReviewOutcome } from '../../../shared/review-domain.js';
import { LEDGER_DISCLOSURE_STATE_LABELS, type LedgerExportResult, type LedgerName } from '../../../shared/supervision-types.js';
import type { AppContext } from '../../app.js';
import { dataPaths } from '../../data-folder.js';
import type { Db } from '../../db/connection.js';
import { writeAtomically } from '../files/write-target.js';
import { UserError } from '../../errors.js';
import { writeLedgerCsv, writeLedgerXlsx, type ExportProgress } from './export.js';
import { prepareLedger } from './registry.js';
import type { LedgerFilter } from './types.js';

export interface LedgerExportRequest {
  ledger: LedgerName;
  filter: LedgerFilter;
  format: 'xlsx' | 'csv';
  /** Where to write (chosen by the user in the desktop shell); without it the file comes back as base64. */
  path?: string;
}

/** Progress and cancel of an export (see core/supervision/progress.ts). */
export interface LedgerExportRun {
  /** "正在导出：已写入 12,000 / 100,000 行…" with rows done/total. */
  onProgress?: (line: string, done?: number, total?: number) => void;
  /** Stops the export within a few hundred rows; no file is left (a file already at `path` is kept as it was). */
  signal?: AbortSignal;
}

/** The filter in words, for the 说明 sheet and the audit trail. */
export function describeFilter(f: LedgerFilter, officerName: (id: number) => string | undefined = () => undefined): string {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`日期 ${f.from ?? '…'} 至 ${f.to ?? '…'}`);
  if (f.caseType) parts.push(`类别：${CASE_TYPE_LABELS[f.caseType as CaseType] ?? f.caseType}`);
  if (f.stage) parts.push(`环节：${STAGE_LABELS[f.stage as Stage] ?? f.stage}`);
  if (f.status) parts.push(`状态：${f.status === 'voided' ? '已作废' : '正常'}`);
  if (f.handlerId) parts.push(`承办人：${officerName(f.handlerId) ?? `编号 ${f.handlerId}`}`);
  if (f.overdue) parts.push('仅超期');
  if (f.closedTo) parts.push(`${f.closedTo} 前结案`);
  if (f.dueTo) parts.push(`${f.dueTo} 前到期`);
  if (f.avGap) parts.push('仅缺少音像记录');
  if (f.outcome) parts.push(`审核结论：${f.outcome === 'pending' ? '审核中' : (REVIEW_OUTCOME_LABELS[f.outcome as ReviewOutcome] ?? f.outcome)}`);
  if (f.state) parts.push(`公示情况：${LEDGER_DISCLOSURE_STATE_LABELS[f.state as keyof typeof LEDGER_DISCLOSURE_STATE_LABELS] ?? f.state}`);
  if (f.officerId) parts.push(`执法人员：${officerName(f.officerId) ?? `编号 ${f.officerId}`}`);
  if (f.deviceSerial) parts.push(`记录仪 ${f.deviceSerial}`);
  if (f.annotated != null) parts.push(f.annotated ? '已标注' : '未标注');
  if (f.staleDays) parts.push(`${f.staleDays} 天以上未导出`);
  return parts.join('；');
}

/** Exports a ledger to .xlsx or .csv (streamed from its own read-only connection), to the chosen path or as base64; audited. */
export async function exportLedger(
  app: AppContext,
  actor: { id: number | null; username: string; displayName: string },
  req: LedgerExportRequest,
  run: LedgerExportRun = {},
): Promise<LedgerExportResult> {
  const t0 = performance.now();
  const reader = new Database(dataPaths(app.dataDir).db, { readonly: true, fileMustExist: true });
  try {
    return await exportWith(app, reader, actor, req, run, t0);
  } finally {
    reader.close();
  }
}

async function exportWith(
  app: AppContext,
  reader: Db,
  actor: { id: number | null; username: string; displayName: string },
  req: LedgerExportRequest,
  run: LedgerExportRun,
  t0: number,
): Promise<LedgerExportResult> {
  reader.pragma('busy_timeout = 5000');
  const l = prepareLedger(app, req.ledger, req.filter, reader);
  const total = l.count();
  const progress: ExportProgress = {
    signal: run.signal,
    onRows: (done) => run.onProgress?.(done < total ? `正在导出：已写入 ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} 行…` : '正在生成文件…', done, total),
  };
  const today = todayLocal(app.now());
  const fileName = `${l.title}_${today}.${req.format}`;
  const meta = { bureau: app.repos.bureau.get()?.name ?? '', exportedBy: actor.displayName, exportedAt: app.now().toLocaleString('zh-CN', { hour12: false }), filterText: describeFilter(req.filter, (id) => app.repos.officers.get(id)?.name) };
  let rows = 0;
  const write = async (file: string) => {
    try {
      rows = req.format === 'xlsx' ? await writeLedgerXlsx(l, file, meta, progress) : await writeLedgerCsv(l, file, progress);
    } catch (e) {
      if (run.signal?.aborted && e === run.signal.reason) {
        throw new UserError('CANCELLED', '已取消导出，没有生成新文件。');
      }
      throw e;
    }
  };
  let bytes: number;
  let base64: string | undefined;
  if (req.path) {
    bytes = await writeAtomically(req.path, write);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'sanxiang-export-'));
    try {
      await write(join(dir, `export.${req.format}`));
      const data = readFileSync(join(dir, `export.${req.format}`));
      bytes = data.length;
      base64 = data.toString('base64');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  app.db.transaction(() =>
    app.audit.append({
      userId: actor.id,
      username: actor.username,
      operation: 'ledgers.export',
      objectType: 'ledger',
      objectId: req.ledger,
      summary: { format: req.format, rows, filter: meta.filterText || '全部', path: req.path ?? '(下载)' },
    }),
  )();
  return { ledger: req.ledger, format: req.format, path: req.path ?? null, fileName, rows, bytes, ...(base64 ? { base64 } : {}), ms: Math.round(performance.now() - t0) };
}
