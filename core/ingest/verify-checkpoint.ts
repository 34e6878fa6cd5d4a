import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultIssue } from '../../shared/media-types.js';
import type { AppContext } from '../app.js';

/**
 * How far a scheduled vault check got before it stopped (the program was closed, or it was
 * cancelled): objects are checked in SHA-256 order, so `after` is where the next scheduled check
 * goes on from, with what was found so far. Kept in a small file in the data folder, like the
 * attempt file; a completed check removes it.
 */
export interface VerifyCheckpoint {
  /** When the interrupted check began. */
  startedAt: string;
  /** The last object checked. */
  after: string;
  checked: number;
  bytes: number;
  mismatched: VaultIssue[];
  missing: VaultIssue[];
}

const checkpointFile = (app: AppContext) => join(app.dataDir, 'vault-verify-checkpoint.json');

/** The checkpoint of an interrupted check begun less than `maxAgeDays` ago, else null (start afresh). */
export function loadVerifyCheckpoint(app: AppContext, maxAgeDays: number): VerifyCheckpoint | null {
  try {
    const c = JSON.parse(readFileSync(checkpointFile(app), 'utf8')) as VerifyCheckpoint;
    const fresh = app.now().getTime() - Date.parse(c.startedAt) < Math.max(1, maxAgeDays) * 86_400_000;
    const valid = typeof c.after === 'string' && Number.isInteger(c.checked) && Array.isArray(c.mismatched) && Array.isArray(c.missing);
    return fresh && valid ? c : null;
  } catch {
    return null;
  }
}

export function saveVerifyCheckpoint(app: AppContext, c: VerifyCheckpoint | null): void {
  const f = checkpointFile(app);
  try {
    if (!c) {
      if (existsSync(f)) rmSync(f, { force: true });
      return;
    }
    writeFileSync(`${f}.tmp`, JSON.stringify(c));
    renameSync(`${f}.tmp`, f);
  } catch (e) {
    console.error('[sanxiang] cannot save the vault check checkpoint:', e);
  }
}
