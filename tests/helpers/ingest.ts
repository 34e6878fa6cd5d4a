import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { nodeIo, type CopyIo } from '../../core/ingest/copy-verify.js';
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

/** File operations whose vault writes fail with ENOSPC from the `nth` file opened for writing on. */
export function diskFullFrom(nth: number): CopyIo {
  let opened = 0;
  return {
    openRead: nodeIo.openRead,
    async openWrite(p) {
      const h = await nodeIo.openWrite(p);
      if (++opened < nth) return h;
      return {
        write: async () => {
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
        sync: () => h.sync(),
        stat: () => h.stat(),
        close: () => h.close(),
      };
    },
  };
}

/** File operations that unplug the recorder (move `root` to `moved`) on the second read of the file whose path contains `part`. */
export function unplugWhileReading(part: string, root: string, moved: string): CopyIo {
  return {
    openWrite: nodeIo.openWrite,
    async openRead(p) {
      const h = await nodeIo.openRead(p);
      if (!p.includes(part)) return h;
      let reads = 0;
      return {
        stat: () => h.stat(),
        close: () => h.close(),
        read: async (buf, off, len, pos) => {
          if (++reads === 2) {
            renameSync(root, moved);
            throw Object.assign(new Error('i/o error'), { code: 'EIO' });
          }
          return h.read(buf, off, len, pos);
        },
      };
    },
  };
}
