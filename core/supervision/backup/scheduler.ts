import type { BackupSettings } from '../../../shared/supervision-settings.js';
import type { BackupState } from '../../../shared/supervision-types.js';
import type { AppContext } from '../../app.js';
import { loadBackupSettings, loadBackupState } from './backup-settings.js';
import { backupName } from './layout.js';
import { runBackup, type BackupActor } from './run.js';

const RETRY_MS = 3600_000;

/** The most recent scheduled time at or before `now` (local time), or null when scheduling is off. */
export function lastSlot(s: BackupSettings, now: Date): Date | null {
  if (s.schedule === 'off') return null;
  const [h, m] = s.time.split(':').map(Number);
  const slot = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, m, 0, 0);
  if (s.schedule === 'daily') {
    if (slot > now) slot.setDate(slot.getDate() - 1);
    return slot;
  }
  const isoDay = (d: Date) => ((d.getDay() + 6) % 7) + 1;
  let back = (isoDay(slot) - s.weekday + 7) % 7;
  if (back === 0 && slot > now) back = 7;
  slot.setDate(slot.getDate() - back);
  return slot;
}

/**
 * Whether a scheduled backup should run now: a slot has passed with no successful backup since
 * (a PC that was off at 18:30 catches up when it next runs), retrying a failed run after an hour.
 */
export function backupDue(s: BackupSettings, state: BackupState, now: Date): boolean {
  if (!s.target) return false;
  const slot = lastSlot(s, now);
  if (!slot) return false;
  if (state.lastSuccessAt && Date.parse(state.lastSuccessAt) >= slot.getTime()) return false;
  if (state.lastRunAt && state.lastOk === false && now.getTime() - Date.parse(state.lastRunAt) < RETRY_MS) return false;
  return true;
}

export const SYSTEM_BACKUP_ACTOR: BackupActor = { id: null, username: '(定时备份)', displayName: '定时备份' };

/**
 * Checks every minute whether a scheduled backup is due and runs it. The desktop shell (or the
 * harness) starts this once the data folder is open; `onResult` feeds a desktop notification.
 */
export function startBackupScheduler(app: AppContext, opts: { intervalMs?: number; onResult?: (r: { ok: boolean; message: string }) => void } = {}): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    const now = app.now();
    if (!backupDue(loadBackupSettings(app), loadBackupState(app), now)) return;
    busy = true;
    try {
      const r = await runBackup(app, SYSTEM_BACKUP_ACTOR);
      opts.onResult?.({ ok: true, message: r.unchanged ? `数据没有变化，最新的${backupName(r.id)}仍然有效。` : `定时备份：${backupName(r.id)}已完成并已校验。` });
    } catch (e) {
      opts.onResult?.({ ok: false, message: (e as Error).message });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
