import type { AppContext } from '../../app.js';
import { readStateFile, stateFile, writeStateFile } from '../../state-file.js';
import {
  BACKUP_SETTINGS_DOCUMENT,
  BACKUP_SETTINGS_SCHEMA,
  DEFAULT_BACKUP_SETTINGS,
  type BackupSettings,
} from '../../../shared/supervision-settings.js';
import type { BackupState } from '../../../shared/supervision-types.js';

export function loadBackupSettings(app: AppContext): BackupSettings {
  const doc = app.settings.getDocument<Partial<BackupSettings>>(BACKUP_SETTINGS_DOCUMENT) ?? {};
  const parsed = BACKUP_SETTINGS_SCHEMA.safeParse({ ...DEFAULT_BACKUP_SETTINGS, ...doc });
  return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}

export function saveBackupSettings(app: AppContext, patch: Partial<BackupSettings>): { before: BackupSettings; after: BackupSettings } {
  const before = loadBackupSettings(app);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const after = BACKUP_SETTINGS_SCHEMA.parse({ ...before, ...defined });
  app.settings.setDocument(BACKUP_SETTINGS_DOCUMENT, after);
  return { before, after };
}

export const EMPTY_BACKUP_STATE: BackupState = { lastRunAt: null, lastOk: null, lastSuccessAt: null, lastBackupId: null, message: null };

/**
 * The outcome of the last backup run, kept in a small file in the data folder rather than in the
 * database: writing it into the database would change the database after every backup, and the
 * next run could never find "nothing new".
 */
export const backupStateFile = (app: AppContext) => stateFile(app, 'backup-state.json');

export function loadBackupState(app: AppContext): BackupState {
  const s = readStateFile(backupStateFile(app));
  return { ...EMPTY_BACKUP_STATE, ...(s && typeof s === 'object' ? (s as Partial<BackupState>) : {}) };
}

export function saveBackupState(app: AppContext, s: BackupState): void {
  writeStateFile(backupStateFile(app), s);
}
