import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../app.js';

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
const attemptFile = (app: AppContext) => join(app.dataDir, 'vault-verify-attempt.json');

export function loadVerifyAttempt(app: AppContext): VerifyAttempt | null {
  try {
    const a = JSON.parse(readFileSync(attemptFile(app), 'utf8')) as Partial<VerifyAttempt>;
    return typeof a.at === 'string' && (a.outcome === 'failed' || a.outcome === 'cancelled') ? { at: a.at, outcome: a.outcome } : null;
  } catch {
    return null;
  }
}

export function saveVerifyAttempt(app: AppContext, a: VerifyAttempt | null): void {
  const f = attemptFile(app);
  try {
    if (!a) {
      if (existsSync(f)) rmSync(f, { force: true });
      return;
    }
    writeFileSync(`${f}.tmp`, JSON.stringify(a));
    renameSync(`${f}.tmp`, f);
  } catch (e) {
    console.error('[sanxiang] cannot save the vault check attempt:', e);
  }
}
