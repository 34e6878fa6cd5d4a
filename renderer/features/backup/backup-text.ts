/** Backup ids in service messages (2026-03-01T183000) as a clerk reads a time: 2026-03-01 18:30:00. */
export const readableBackupText = (s: string): string => s.replace(/\b(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})(?:-(\d+))?\b/g, (_m, d, h, mi, se, n) => `${d} ${h}:${mi}:${se}${n ? `（${n}）` : ''}`);
