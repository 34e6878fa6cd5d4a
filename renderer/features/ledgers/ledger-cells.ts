import type { LedgerCell, LedgerColumnInfo } from '../../../shared/supervision-types.js';

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A ledger cell as shown on screen and paper: money with two decimals, empty as blank. */
export function cellText(col: LedgerColumnInfo, v: LedgerCell): string {
  if (v === null || v === undefined || v === '') return '';
  if (col.type === 'money' && typeof v === 'number') return yuan.format(v);
  return String(v);
}

/** Screen width of a column from its Excel width (characters; a Chinese character counts two). */
export const columnPx = (col: LedgerColumnInfo): number => Math.max(64, Math.round(col.width * 8.5));
