import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from './app.js';

/**
 * Small state files in the data folder (the last backup run, an interrupted vault check…), kept
 * out of the database on purpose: writing them there would change the database that every backup
 * copies. Written whole to `<file>.tmp` and renamed, so a crash leaves the old file or the new one.
 */
export const stateFile = (app: AppContext, name: string) => join(app.dataDir, name);

/** The file's JSON, or null when it is missing or unreadable (callers check the shape). */
export function readStateFile(path: string): unknown {
  try {
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : null;
  } catch {
    return null;
  }
}

/** Writes `value` (null removes the file). A failure is logged, not thrown: it is bookkeeping. */
export function writeStateFile(path: string, value: unknown): void {
  try {
    if (value === null) {
      rmSync(path, { force: true });
      return;
    }
    writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2));
    renameSync(`${path}.tmp`, path);
  } catch (e) {
    console.error(`[sanxiang] cannot save ${path}:`, e);
  }
}
