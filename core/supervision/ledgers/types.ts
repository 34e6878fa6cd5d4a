import type { AppContext } from '../../app.js';
import type { LedgerCellType, LedgerColumnInfo, LedgerName } from '../../../shared/supervision-types.js';

/** Filters every ledger understands; each uses those that apply to it and ignores the rest. */
export interface LedgerFilter {
  /** Date range (inclusive, local dates) on the ledger's main date (opened, submitted, decided, recorded, started). */
  from?: string;
  to?: string;
  caseType?: string;
  stage?: string;
  status?: string;
  handlerId?: number;
  overdue?: boolean;
  /** Cases closed on or before this date (the "closed but not archived" alert). */
  closedTo?: string;
  /** Decisions whose disclosure is due on or before this date (the "due soon" alert). */
  dueTo?: string;
  /** Cases missing required footage (the footage alert's list). */
  avGap?: boolean;
  outcome?: string;
  /** Disclosure state: 'onTime' | 'late' | 'pending' | 'overdue'. */
  state?: string;
  officerId?: number;
  deviceSerial?: string;
  annotated?: boolean;
  /** Devices not offloaded for at least this many days. */
  staleDays?: number;
}

/** One column: the SQL expression producing it (in column order), its header and Excel width. */
export interface LedgerColumn extends LedgerColumnInfo {
  sql: string;
}

export const col = (key: string, header: string, width: number, sql: string, type: LedgerCellType = 'text'): LedgerColumn => ({ key, header, width, type, sql });

/** A ledger's query: SELECT <columns> FROM <from> WHERE <where> ORDER BY <order>, with positional parameters. */
export interface LedgerQuery {
  columns: LedgerColumn[];
  /** Parameters of `?` inside the column expressions, in order. */
  columnParams: unknown[];
  from: string;
  where: string[];
  whereParams: unknown[];
  order: string;
}

export interface LedgerEnv {
  app: AppContext;
  today: string;
  now: Date;
}

export interface LedgerDef {
  name: LedgerName;
  /** Null when the data exists; else a Chinese reason (the issue providing it is not installed). */
  unavailable(app: AppContext): string | null;
  build(env: LedgerEnv, f: LedgerFilter): LedgerQuery;
}

/** A small WHERE builder: `w.add('c.case_type = ?', type)` when the filter is set. */
export function whereBuilder() {
  const where: string[] = [];
  const params: unknown[] = [];
  return {
    where,
    params,
    add(sql: string, ...p: unknown[]) {
      where.push(sql);
      params.push(...p);
    },
  };
}

/** A CASE expression mapping codes to Chinese labels. */
export function labelCase(expr: string, labels: Record<string, string>): string {
  const esc = (s: string) => s.replace(/'/g, "''");
  return `CASE ${expr} ${Object.entries(labels).map(([k, v]) => `WHEN '${esc(k)}' THEN '${esc(v)}'`).join(' ')} ELSE ${expr} END`;
}

/** Labels of a JSON array of codes, joined with 、. */
export const jsonLabels = (expr: string, labels: Record<string, string>) =>
  `(SELECT group_concat(${labelCase('value', labels)}, '、') FROM json_each(${expr}))`;

export const yesNo = (expr: string) => `CASE WHEN ${expr} THEN '是' ELSE '否' END`;
