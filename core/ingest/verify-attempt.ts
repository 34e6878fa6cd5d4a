import type { AppContext } from '../app.js';
import { readStateFile, stateFile, writeStateFile } from '../state-file.js';

/** A vault check that did not complete: it failed, or someone cancelled it. */
export interface VerifyAttempt {
  at: string;
  outcome: 'failed' | 'cancelled';
}

/**
 * The last check that did not complete, kept in a small file in the data folder (not the database,
 * whose every change a backup would copy again), so that the schedule holds off after a cancel
 * even when the program is restarted. A completed check is in the audit trail and clears it.
 */
const attemptFile = (app: AppContext) => stateFile(app, 'vault-verify-attempt.json');

export function loadVerifyAttempt(app: AppContext): VerifyAttempt | null {
  const a = readStateFile(attemptFile(app)) as Partial<VerifyAttempt> | null;
  return a && typeof a.at === 'string' && (a.outcome === 'failed' || a.outcome === 'cancelled') ? { at: a.at, outcome: a.outcome } : null;
}

export function saveVerifyAttempt(app: AppContext, a: VerifyAttempt | null): void {
  writeStateFile(attemptFile(app), a);
}
