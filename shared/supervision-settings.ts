import { z } from 'zod';

/**
 * Thresholds of the supervision alerts (工作台预警) and the annual report deadline. One settings
 * document ('supervision'), so it is backed up with the data. The certificate warning period is the
 * foundation setting `certificateWarningDays`; the review, disclosure and takedown periods belong to
 * their own issues' settings (the due dates they store are used as they are).
 */
const SUPERVISION_FIELDS = {
  /** Footage not annotated this many calendar days after offload (null: the media setting, default 3). */
  unannotatedDays: z.number().int().min(1).max(365).nullable(),
  /** A recorder not offloaded for this many calendar days. */
  offloadStaleDays: z.number().int().min(1).max(365),
  /** Warn about disclosures due within this many working days. */
  disclosureWarnWorkdays: z.number().int().min(0).max(10),
  /** Storage: warning below this many GB free on the data folder's (or backup target's) disk, danger below `storageDangerGb`. */
  storageWarnGb: z.number().min(0).max(100_000),
  storageDangerGb: z.number().min(0).max(100_000),
  /** Also warn when less than this percentage of the disk is free. */
  storageWarnPercent: z.number().min(0).max(100),
  /** Annual statistics deadline (MM-DD) for the previous year's report; 03-31 (some provinces 01-31). */
  annualReportDeadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '截止日期应为 MM-DD 格式，例如 03-31'),
  /** Start warning this many calendar days before the deadline. */
  annualReportWarnDays: z.number().int().min(1).max(180),
  /** Closed cases not archived after this many calendar days. */
  archiveAfterDays: z.number().int().min(1).max(3650),
  /** No successful backup for this many days. */
  backupStaleDays: z.number().int().min(1).max(365),
};
export const SUPERVISION_SETTINGS_SCHEMA = z.object(SUPERVISION_FIELDS);
/** An update: any subset of the fields (no defaults, so unspecified fields keep their values). */
export const SUPERVISION_SETTINGS_PATCH = z.object(SUPERVISION_FIELDS).partial();
export type SupervisionSettings = z.infer<typeof SUPERVISION_SETTINGS_SCHEMA>;
export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  unannotatedDays: null,
  offloadStaleDays: 3,
  disclosureWarnWorkdays: 2,
  storageWarnGb: 20,
  storageDangerGb: 5,
  storageWarnPercent: 10,
  annualReportDeadline: '03-31',
  annualReportWarnDays: 30,
  archiveAfterDays: 30,
  backupStaleDays: 7,
};
export const SUPERVISION_SETTINGS_DOCUMENT = 'supervision';

/** Backup configuration ('backup' settings document). */
const BACKUP_FIELDS = {
  /** The folder on a second disk or NAS share; backups go to `<target>/sanxiang-backup/`. */
  target: z.string().trim().max(500),
  schedule: z.enum(['off', 'daily', 'weekly']),
  /** Local time of the scheduled run, HH:MM. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:MM 格式'),
  /** Day of the week for weekly backups (1 = Monday … 7 = Sunday). */
  weekday: z.number().int().min(1).max(7),
  /** Backups kept; older ones (and vault files only they use) are removed after a successful backup. */
  retention: z.number().int().min(1).max(365),
};
export const BACKUP_SETTINGS_SCHEMA = z.object(BACKUP_FIELDS);
export const BACKUP_SETTINGS_PATCH = z.object(BACKUP_FIELDS).partial();
export type BackupSettings = z.infer<typeof BACKUP_SETTINGS_SCHEMA>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { target: '', schedule: 'daily', time: '18:30', weekday: 5, retention: 14 };
export const BACKUP_SETTINGS_DOCUMENT = 'backup';
/** Hand-entered annual fields (reconsideration, litigation), keyed by year. */
export const ANNUAL_MANUAL_DOCUMENT = 'annualManual';
/** Years whose annual report was exported or published. */
export const ANNUAL_STATE_DOCUMENT = 'annualReports';
