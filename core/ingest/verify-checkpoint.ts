import type { VaultIssue } from '../../shared/media-types.js';
import type { AppContext } from '../app.js';
import { readStateFile, stateFile, writeStateFile } from '../state-file.js';

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

const checkpointFile = (app: AppContext) => stateFile(app, 'vault-verify-checkpoint.json');

/** The checkpoint of an interrupted check begun less than `maxAgeDays` ago, else null (start afresh). */
export function loadVerifyCheckpoint(app: AppContext, maxAgeDays: number): VerifyCheckpoint | null {
  const c = readStateFile(checkpointFile(app)) as VerifyCheckpoint | null;
  if (!c || typeof c.after !== 'string' || typeof c.startedAt !== 'string' || !Number.isInteger(c.checked) || !Array.isArray(c.mismatched) || !Array.isArray(c.missing)) return null;
  const fresh = app.now().getTime() - Date.parse(c.startedAt) < Math.max(1, maxAgeDays) * 86_400_000;
  return fresh ? c : null;
}

export function saveVerifyCheckpoint(app: AppContext, c: VerifyCheckpoint | null): void {
  writeStateFile(checkpointFile(app), c);
}
