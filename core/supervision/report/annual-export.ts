import { writeFile } from 'node:fs/promises';
import type { SessionUser } from '../../accounts/sessions.js';
import type { AppContext } from '../../app.js';
import { dispatch } from '../../dispatch.js';
import { UserError } from '../../errors.js';
import type { AnnualExportResult } from '../../../shared/supervision-types.js';
import { writeAtomically } from '../files/write-target.js';
import { computeAnnualReport } from './annual-figures.js';
import { annualNoticeContent } from './annual-notice.js';
import { markAnnualExported } from './annual-state.js';
import { annualWorkbook } from './annual-xlsx.js';

export interface Actor {
  id: number | null;
  username: string;
  displayName: string;
}

/** Writes the annual statistics workbook (to the chosen path, else as base64), remembers the export, audits it. */
export async function exportAnnual(app: AppContext, actor: Actor, year: number, path?: string): Promise<AnnualExportResult> {
  const report = computeAnnualReport(app, year);
  const at = app.now();
  const buf = await annualWorkbook(report, { exportedBy: actor.displayName, exportedAt: at.toLocaleString('zh-CN', { hour12: false }) });
  const fileName = `${report.bureau.name}${year}年度行政执法数据.xlsx`;
  if (path) await writeAtomically(path, (tmp) => writeFile(tmp, buf));
  const totals = report.byType.find((t) => t.caseType === 'total')!;
  app.db.transaction(() => {
    markAnnualExported(app, year, { at: at.toISOString(), by: actor.displayName, kind: 'xlsx' });
    app.audit.append({
      userId: actor.id,
      username: actor.username,
      operation: 'report.annualExport',
      objectType: 'report',
      objectId: `annual-${year}`,
      summary: { year, path: path ?? '(下载)', opened: totals.opened, decided: totals.decided, fines: totals.fines, confiscations: totals.confiscations },
    });
  })();
  return { year, path: path ?? null, fileName, bytes: buf.length, ...(path ? {} : { base64: buf.toString('base64') }), totals };
}

/**
 * Drafts the annual-statistics disclosure item through the disclosure issue's `disclosure.createNotice`
 * (it then goes through redaction check and a second person's approval like every item).
 */
export async function publishAnnual(app: AppContext, user: SessionUser, year: number): Promise<{ disclosureId: number | null; content: ReturnType<typeof annualNoticeContent> }> {
  const content = annualNoticeContent(computeAnnualReport(app, year));
  const r = await dispatch(app, 'disclosure.createNotice', { kind: content.kind, title: content.title, itemDate: content.itemDate, notice: content.notice }, { user });
  if (!r.ok) {
    if (r.error.code === 'UNKNOWN_OPERATION') {
      throw new UserError('DISCLOSURE_NOT_INSTALLED', '行政执法公示功能尚未安装，无法生成网站公示稿。可先导出 Excel 报送，公示稿内容可在“年度统计”页面复制。');
    }
    throw new UserError(r.error.code, r.error.message, r.error.details);
  }
  return { disclosureId: (r.value as { id?: number }).id ?? null, content };
}
