/** Result shapes of the supervision operations (issue 7): alerts, trends, to-do, ledgers, annual report, archive, backup. */
import type { CaseType } from './domain.js';
import type { Role } from './roles.js';

export type AlertLevel = 'danger' | 'warning' | 'info';

/**
 * Where a click lands. `page` names a screen; `filter` is that screen's list filter:
 * - `cases`: the input of `cases.list` (e.g. `{overdue: true}`); `case`: `{id}` (one case);
 * - `reviews`: `{overdue: true}` → `review.overdue`, `{queue: true}` → `review.queue`;
 * - `media`: the input of `media.list`; `officers`: `{certificate: 'expiring'|'expired'}`;
 * - `ledger`: `{ledger, ...}` → `ledgers.query` (its `filter`); `disclosures`: `{state}` (issue 6);
 * - `report`: `{year}`; `settings`: `{section}`; `backup`: `{}`.
 */
export interface AlertLink {
  page: 'cases' | 'case' | 'reviews' | 'media' | 'officers' | 'ledger' | 'disclosures' | 'report' | 'settings' | 'backup';
  filter: Record<string, unknown>;
}

export interface AlertItem {
  id: number | string;
  label: string;
  detail: string;
  link?: AlertLink;
}

export interface Alert {
  /** Stable rule id, e.g. `reviews.overdue`. */
  id: string;
  level: AlertLevel;
  title: string;
  count: number;
  link: AlertLink;
  /** The first 20, most urgent first. */
  items: AlertItem[];
}

/** Which other issues' data the supervision functions found (tables present). */
export interface SupervisionSources {
  media: boolean;
  review: boolean;
  disclosure: boolean;
}

export interface AlertsResult {
  alerts: Alert[];
  generatedAt: string;
  today: string;
  sources: SupervisionSources;
}

export interface TrendSeries {
  key: string;
  label: string;
  values: number[];
}

export interface TrendChart {
  key: string;
  title: string;
  unit: string;
  /** False when the data behind the chart does not exist yet (issue not installed). */
  available: boolean;
  series: TrendSeries[];
}

export interface Trends {
  /** YYYY-MM, oldest first. */
  months: string[];
  charts: TrendChart[];
}

export interface TodoItem {
  id: string;
  role: Role;
  level: AlertLevel;
  title: string;
  count: number;
  link: AlertLink;
  items: AlertItem[];
}

export const LEDGERS = ['cases', 'reviews', 'disclosures', 'footage', 'offloads', 'devices'] as const;
export type LedgerName = (typeof LEDGERS)[number];
export const LEDGER_LABELS: Record<LedgerName, string> = {
  cases: '行政执法案件台账',
  reviews: '重大执法决定法制审核台账',
  disclosures: '行政执法公示台账',
  footage: '执法音像记录台账',
  offloads: '执法记录仪导出记录',
  devices: '执法记录仪导出情况',
};

/** The disclosure state filter of the 公示台账, as its 公示情况 column words it. */
export const LEDGER_DISCLOSURE_STATES = ['overdue', 'pending', 'onTime', 'late', 'exempt'] as const;
export const LEDGER_DISCLOSURE_STATE_LABELS: Record<(typeof LEDGER_DISCLOSURE_STATES)[number], string> = {
  overdue: '超期未公示',
  pending: '待公示',
  onTime: '按时公示',
  late: '超期公示',
  exempt: '不公示',
};

export type LedgerCellType = 'text' | 'number' | 'money' | 'date';

export interface LedgerColumnInfo {
  key: string;
  header: string;
  /** Excel column width in characters. */
  width: number;
  type: LedgerCellType;
}

export type LedgerCell = string | number | null;

export interface LedgerPage {
  ledger: LedgerName;
  title: string;
  available: boolean;
  /** Why the ledger is empty by construction (the issue that provides its data is not installed). */
  unavailableReason: string | null;
  columns: LedgerColumnInfo[];
  rows: Record<string, LedgerCell>[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LedgerExportResult {
  ledger: LedgerName;
  format: 'xlsx' | 'csv';
  /** Where the file was written, or null when it is returned as base64 (browser harness). */
  path: string | null;
  fileName: string;
  rows: number;
  bytes: number;
  base64?: string;
  ms: number;
}

export interface AnnualTypeRow {
  caseType: CaseType | 'total';
  label: string;
  opened: number;
  decided: number;
  closed: number;
  noPenalty: number;
  fines: number;
  confiscations: number;
  hearings: number;
  /** Decisions containing each measure (MEASURES keys). */
  measures: Record<string, number>;
}

export interface AnnualCounts {
  received: number;
  upheld: number;
  revoked: number;
  changed: number;
  confirmedIllegal: number;
  other: number;
}

export interface AnnualManual {
  reconsideration: AnnualCounts;
  litigation: AnnualCounts;
  note: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface AnnualReport {
  year: number;
  bureau: { name: string; creditCode: string };
  /** The submission deadline (YYYY-MM-DD, in the following year) and the days left (negative once past). */
  deadline: string;
  daysLeft: number;
  byType: AnnualTypeRow[];
  reviews: {
    available: boolean;
    submitted: number;
    rounds: number;
    outcomes: Record<string, number>;
    late: number;
    discussions: number;
  };
  disclosures: { available: boolean; due: number; onTime: number; late: number; notYet: number; takedowns: number };
  manual: AnnualManual;
  officers: { active: number; validCertificates: number };
  sources: SupervisionSources;
  exported: { at: string; by: string } | null;
}

export interface AnnualExportResult {
  year: number;
  path: string | null;
  fileName: string;
  bytes: number;
  base64?: string;
  totals: AnnualTypeRow;
}

/**
 * The annual-statistics disclosure item for the website, in the shape of the disclosure issue's
 * `disclosure.createNotice` input (kind 'annual': text sections and one table).
 */
export interface AnnualNoticeContent {
  kind: 'annual';
  title: string;
  itemDate: string;
  notice: {
    sections: { heading: string; text: string }[];
    table: { caption: string; columns: string[]; rows: string[][] };
  };
}

export interface ArchiveEntryInfo {
  order: number;
  path: string;
  title: string;
  date: string;
  size: number;
  pages: number | null;
  category: string;
}

export interface ArchiveCreateResult {
  caseId: number;
  caseNo: string;
  folder: string;
  zip: string | null;
  files: number;
  totalBytes: number;
  manifestSha256: string;
  auditHead: string;
  certificateRecordId: number;
  /** SHA-256 of the package's composition kept in the vault (null for packages made before it was kept): the package can be exported again. */
  composition: string | null;
}

export interface ArchiveProblem {
  path: string;
  problem: string;
}

export interface ArchiveVerifyResult {
  ok: boolean;
  kind: 'folder' | 'zip';
  path: string;
  files: number;
  totalBytes: number;
  manifestSha256: string | null;
  certificateManifestSha256: string | null;
  problems: ArchiveProblem[];
  message: string;
}

export interface BackupInfo {
  /** The timestamp folder name, e.g. 2026-03-01T183000. */
  id: string;
  path: string;
  createdAt: string;
  dbSize: number;
  dbSha256: string;
  vaultObjects: number;
  vaultBytes: number;
  auditEntries: number;
  auditHead: string;
  counts: Record<string, number>;
  schemaVersion: number;
}

export interface BackupRunResult extends BackupInfo {
  newObjects: number;
  newBytes: number;
  removed: string[];
  ms: number;
}

export interface BackupState {
  lastRunAt: string | null;
  lastOk: boolean | null;
  lastSuccessAt: string | null;
  lastBackupId: string | null;
  message: string | null;
}

export interface RestoreCheckResult {
  ok: boolean;
  backup: BackupInfo | null;
  checkedObjects: number;
  checkedBytes: number;
  damaged: ArchiveProblem[];
  auditOk: boolean | null;
  message: string;
}

export interface RestoreResult extends RestoreCheckResult {
  dataDir: string;
  counts: Record<string, number>;
}

/** Where a long supervision operation (归档, 备份, 校验) is, polled by the UI while it waits. */
export interface JobProgress {
  line: string;
  done: number | null;
  total: number | null;
  cancelRequested: boolean;
  finished: boolean;
}
