import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SHA256_RE } from '../../vault/vault.js';
import { removeReadOnly } from './copy.js';
import { listBackups, readVaultList, sharedVault } from './layout.js';

/**
 * Keeps the newest `keep` backups, removes older ones, leftovers of interrupted runs (`.tmp-*`,
 * `*.partial`) and, when a backup was removed, the shared vault objects no remaining backup needs.
 * Runs under the target lock.
 */
export async function applyRetention(root: string, keep: number): Promise<string[]> {
  const all = listBackups(root);
  const old = all.slice(keep);
  for (const b of old) await rm(b.path, { recursive: true, force: true });
  for (const name of readdirSync(root)) if (name.startsWith('.tmp-')) await rm(join(root, name), { recursive: true, force: true });
  if (!old.length) return [];
  const needed = new Set<string>();
  for (const b of all.slice(0, keep)) for (const o of readVaultList(b.path)) needed.add(o.sha256);
  const vault = sharedVault(root);
  if (existsSync(vault)) {
    for (const a of readdirSync(vault)) {
      for (const b of readdirSync(join(vault, a))) {
        for (const f of readdirSync(join(vault, a, b))) {
          if ((SHA256_RE.test(f) && !needed.has(f)) || f.endsWith('.partial')) await removeReadOnly(join(vault, a, b, f));
        }
      }
    }
  }
  return old.map((b) => b.id);
}
