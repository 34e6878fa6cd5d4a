import ExcelJS from 'exceljs';
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

/** How far an export is, and how to stop it. */
export interface ExportProgress {
  /** Hears the number of rows written so far, every few hundred rows. */
  onRows?: (rows: number) => void;
  /** Stops the export before the first row, between batches of rows and before the file is finished (with the signal's reason). */
  signal?: AbortSignal;
}

const BATCH = 500;

/**
 * The output file, owned here (not by exceljs) so that a write failure is caught as it happens and a
 * stopped export closes the file before the caller removes it (Windows cannot delete an open file).
 */
function outputFile(file: string) {
  const out = createWriteStream(file);
  let failure: Error | null = null;
  /** Rejects with the first write failure. */
  const failed = new Promise<never>((_, reject) =>
    out.on('error', (e) => {
      failure ??= e;
      reject(failure);
    }),
  );
  failed.catch(() => undefined);
  const whenClosed = new Promise<void>((resolve) => out.once('close', () => resolve()));
  const closed = async () => {
    if (!out.closed) await whenClosed;
  };
  return {
    out,
    /** Between batches: tells progress, throws a write failure or a stop, and lets the stream drain (memory stays flat). */
    async pause(rows: number, p: ExportProgress) {
      p.onRows?.(rows);
      if (failure) throw failure;
      p.signal?.throwIfAborted();
      await setImmediate();
    },
    failure: () => failure,
    failed,
    /** Waits until the finished file is closed. */
    closed,
    /** Stops writing and closes the file (the caller removes it). */
    async abandon() {
      out.destroy();
      await closed();
    },
  };
}

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
export async function writeLedgerXlsx(l: PreparedLedger, file: string, meta: ExportMeta, p: ExportProgress = {}): Promise<number> {
  const f = outputFile(file);
  try {
    const n = await writeXlsx(l, f, meta, p);
    await f.closed();
    return n;
  } catch (e) {
    await f.abandon();
    throw e;
  }
}

async function writeXlsx(l: PreparedLedger, f: ReturnType<typeof outputFile>, meta: ExportMeta, p: ExportProgress): Promise<number> {
  await f.pause(0, p);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: f.out, useStyles: true, useSharedStrings: false });
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
    if (++n % BATCH === 0) await f.pause(n, p);
  }
  await f.pause(n, p);
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
  // exceljs listens for errors only while it finishes; one just before would leave it waiting.
  await Promise.race([wb.commit(), f.failed]);
  return n;
}

/** One CSV field, with the same rules as core/util/csv.ts (formula guard, quoting). */
export function csvCell(v: LedgerCell): string {
  const s = v == null ? '' : String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Streams a ledger to CSV for Excel on Windows: UTF-8 with BOM, CRLF, formula-injection guard. */
export async function writeLedgerCsv(l: PreparedLedger, file: string, p: ExportProgress = {}): Promise<number> {
  const f = outputFile(file);
  try {
    const n = await writeCsv(l, f, p);
    f.out.end();
    await f.closed();
    const failure = f.failure();
    if (failure) throw failure;
    return n;
  } catch (e) {
    await f.abandon();
    throw e;
  }
}

async function writeCsv(l: PreparedLedger, f: ReturnType<typeof outputFile>, p: ExportProgress): Promise<number> {
  await f.pause(0, p);
  f.out.write('\uFEFF' + l.columns.map((c) => csvCell(c.header)).join(',') + '\r\n');
  let n = 0;
  let buf = '';
  for (const r of l.iterate()) {
    buf += r.map(csvCell).join(',') + '\r\n';
    if (++n % BATCH === 0) {
      // The stream takes the batch; the pause lets it write before the next (memory stays flat).
      if (!f.out.write(buf)) await drained(f);
      buf = '';
      await f.pause(n, p);
    }
  }
  if (buf) f.out.write(buf);
  await f.pause(n, p);
  return n;
}

/** Waits for the stream to take more, or for it to fail. */
async function drained(f: ReturnType<typeof outputFile>): Promise<void> {
  if (f.failure()) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      f.out.off('drain', done);
      f.out.off('error', done);
      f.out.off('close', done);
      resolve();
    };
    f.out.on('drain', done);
    f.out.on('error', done);
    f.out.on('close', done);
  });
}
