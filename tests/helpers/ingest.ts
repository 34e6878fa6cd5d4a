import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { TestApp } from './app.js';

/** What the import tests share: the CLI actor, file hashes, and what the vault and the database hold. */

export const cliActor = { id: null, username: '(命令行)', officerId: null };

/** SHA-256 of a file's bytes. */
export const fileSha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The content addresses present in a vault folder, sorted. */
export function vaultFiles(root: string): string[] {
  const out: string[] = [];
  for (const a of readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of readdirSync(join(root, a))) out.push(...readdirSync(join(root, a, b)));
  }
  return out.sort();
}

/** The content addresses the database knows, sorted. */
export const registered = (t: TestApp) =>
  (t.app.db.prepare('SELECT sha256 FROM vault_objects ORDER BY sha256').all() as { sha256: string }[]).map((r) => r.sha256);

export const mediaCount = (t: TestApp) => (t.app.db.prepare('SELECT count(*) AS n FROM media_items').get() as { n: number }).n;

/** The UserError an import fails with (fails the test if it succeeds or throws something else). */
export async function rejectsWithUserError(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof UserError, `expected a UserError, got ${e}`);
    return e;
  }
  assert.fail('expected the import to fail');
}
