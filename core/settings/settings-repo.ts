import type { Db } from '../db/connection.js';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA, type Settings } from '../../shared/settings.js';

/** Bureau settings in SQLite (key → JSON value), merged over the defaults. Cached; writes refresh the cache. */
export function createSettingsRepo(db: Db) {
  const all = db.prepare('SELECT key, value FROM settings');
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const getRaw = db.prepare('SELECT value FROM settings WHERE key = ?');
  let cache: Settings | null = null;

  function get(): Settings {
    if (cache) return cache;
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const r of all.all() as { key: string; value: string }[]) {
      if (r.key in DEFAULT_SETTINGS) merged[r.key] = JSON.parse(r.value);
    }
    cache = SETTINGS_SCHEMA.parse(merged);
    return cache;
  }

  function update(patch: Partial<Settings>): Settings {
    const next = SETTINGS_SCHEMA.parse({ ...get(), ...patch });
    const at = new Date().toISOString();
    for (const k of Object.keys(patch) as (keyof Settings)[]) upsert.run(k, JSON.stringify(next[k]), at);
    cache = next;
    return next;
  }

  /** Raw JSON documents kept beside the settings (e.g. the holiday calendar). */
  function getDocument<T>(key: string): T | null {
    const r = getRaw.get(key) as { value: string } | undefined;
    return r ? (JSON.parse(r.value) as T) : null;
  }
  function setDocument(key: string, value: unknown): void {
    upsert.run(key, JSON.stringify(value), new Date().toISOString());
  }

  return { get, update, getDocument, setDocument, invalidate: () => (cache = null) };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
