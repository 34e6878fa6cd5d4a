import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import type { LedgerCell, LedgerCellType } from '../../../shared/supervision-types.js';
import type { PreparedLedger } from './registry.js';

/** Shared style objects: exceljs caches a style by object identity, so one object per column type keeps streaming fast. */
const STYLES: Record<LedgerCellType, Partial<ExcelJS.Style>> = {
  text: {},
  date: {},
  number: {},
  money: { numFmt: '#,##0.00' },
};
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } },
};

export interface ExportMeta {
  bureau: string;
  exportedBy: string;
  exportedAt: string;
  filterText: string;
}

/**
 * Writes a ledger to .xlsx with exceljs's streaming writer: Chinese headers in a frozen first row,
 * column widths, one committed row at a time (memory stays flat), and a 说明 sheet (bureau, ledger,
 * filter, who exported it and when, row count).
 */
export async function writeLedgerXlsx(l: PreparedLedger, file: string, meta: ExportMeta): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = meta.exportedBy;
  wb.title = l.title;
  const ws = wb.addWorksheet(l.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = l.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.height = 22;
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.commit();
  const styles = l.columns.map((c) => STYLES[c.type]);
  let n = 0;
  for (const r of l.iterate()) {
    const row = ws.addRow(r);
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
    row.commit();
    // Let the zip stream compress and write what was committed, so memory stays flat.
    if (++n % 500 === 0) await setImmediate();
  }
  ws.commit();
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 14 }, { width: 60 }];
  for (const [k, v] of [
    ['单位', meta.bureau],
    ['台账', l.title],
    ['筛选条件', meta.filterText || '全部'],
    ['记录条数', n],
    ['导出人', meta.exportedBy],
    ['导出时间', meta.exportedAt],
  ] as [string, string | number][]) {
    info.addRow([k, v]).commit();
  }
  info.commit();
  await wb.commit();
  return n;
}

/** One CSV field, with the same rules as core/util/csv.ts (formula guard, quoting). */
export function csvCell(v: LedgerCell): string {
  const s = v == null ? '' : String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Streams a ledger to CSV for Excel on Windows: UTF-8 with BOM, CRLF, formula-injection guard. */
export async function writeLedgerCsv(l: PreparedLedger, file: string): Promise<number> {
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write = async (s: string) => {
    if (!out.write(s)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write('\uFEFF' + l.columns.map((c) => csvCell(c.header)).join(',') + '\r\n');
  let n = 0;
  let buf = '';
  for (const r of l.iterate()) {
    buf += r.map(csvCell).join(',') + '\r\n';
    n++;
    if (buf.length > 256 * 1024) {
      await write(buf);
      buf = '';
    }
  }
  if (buf) await write(buf);
  out.end();
  await Promise.race([once(out, 'close'), failed]);
  return n;
}
