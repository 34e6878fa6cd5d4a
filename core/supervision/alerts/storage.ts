import { existsSync, statfsSync } from 'node:fs';
import type { AlertItem } from '../../../shared/supervision-types.js';
import { loadBackupSettings } from '../backup/backup-settings.js';
import { alertIf, type AlertRule } from './types.js';

const GB = 1024 ** 3;
export const fmtGb = (b: number) => `${(b / GB).toFixed(b < 10 * GB ? 1 : 0)} GB`;

/** Free and total bytes of the disk holding `dir`, or null when it cannot be read (drive gone). */
export function diskSpace(dir: string): { free: number; total: number } | null {
  try {
    const s = statfsSync(dir);
    return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

/** The data folder's disk (evidence vault) nearly full; the backup target's disk too. */
export const storageAlerts: AlertRule = ({ app, settings }) => {
  const checks: { id: string; label: string; dir: string }[] = [{ id: 'data', label: '数据文件夹', dir: app.dataDir }];
  const target = loadBackupSettings(app).target;
  if (target && existsSync(target)) checks.push({ id: 'backup', label: '备份位置', dir: target });
  let level: 'danger' | 'warning' | null = null;
  const items: AlertItem[] = [];
  for (const c of checks) {
    const s = diskSpace(c.dir);
    if (!s || s.total === 0) continue;
    const pct = (s.free / s.total) * 100;
    const danger = s.free < settings.storageDangerGb * GB;
    const warn = danger || s.free < settings.storageWarnGb * GB || pct < settings.storageWarnPercent;
    if (!warn) continue;
    level = danger || level === 'danger' ? 'danger' : 'warning';
    items.push({ id: c.id, label: `${c.label}（${c.dir}）`, detail: `剩余 ${fmtGb(s.free)}，共 ${fmtGb(s.total)}（剩余 ${pct.toFixed(1)}%）` });
  }
  if (!level) return [];
  return alertIf('storage.low', level, level === 'danger' ? '磁盘空间即将用尽，导入和备份可能失败' : '磁盘空间不足', items.length, { page: 'settings', filter: { section: 'storage' } }, items);
};
