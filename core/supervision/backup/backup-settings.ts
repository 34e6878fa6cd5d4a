import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../app.js';
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
export const backupStateFile = (app: AppContext) => join(app.dataDir, 'backup-state.json');

export function loadBackupState(app: AppContext): BackupState {
  const f = backupStateFile(app);
  if (!existsSync(f)) return { ...EMPTY_BACKUP_STATE };
  try {
    return { ...EMPTY_BACKUP_STATE, ...(JSON.parse(readFileSync(f, 'utf8')) as Partial<BackupState>) };
  } catch {
    return { ...EMPTY_BACKUP_STATE };
  }
}

export function saveBackupState(app: AppContext, s: BackupState): void {
  const f = backupStateFile(app);
  try {
    writeFileSync(`${f}.tmp`, JSON.stringify(s, null, 2));
    renameSync(`${f}.tmp`, f);
  } catch (e) {
    console.error('[sanxiang] cannot save the backup state:', e);
  }
}
