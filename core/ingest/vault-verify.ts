import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../app.js';
import type { VaultIssue, VaultVerifyReport } from '../../shared/media-types.js';
import { SHA256_RE } from '../vault/vault.js';

/** SHA-256 of a file, streamed (8 MiB reads). */
export async function hashFile(path: string, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 8 * 1024 * 1024, signal })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

function kindsOf(app: AppContext): Map<string, string[]> {
  const kinds = new Map<string, string[]>();
  const add = (sha: string, k: string) => {
    const l = kinds.get(sha) ?? [];
    if (!l.includes(k)) l.push(k);
    kinds.set(sha, l);
  };
  for (const r of app.db.prepare(`SELECT sha256 FROM media_items WHERE purged_at IS NULL`).all() as { sha256: string }[]) add(r.sha256, '原始音视频');
  for (const r of app.db.prepare(`SELECT sha256 FROM media_derived WHERE removed_at IS NULL`).all() as { sha256: string }[]) add(r.sha256, '衍生文件');
  for (const r of app.db.prepare(`SELECT sha256 FROM case_records WHERE sha256 IS NOT NULL`).all() as { sha256: string }[]) add(r.sha256, '案件附件');
  return kinds;
}

async function vaultFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const a of await readdir(root).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of await readdir(join(root, a)).catch(() => [] as string[])) {
      for (const f of await readdir(join(root, a, b)).catch(() => [] as string[])) if (SHA256_RE.test(f)) out.push(f);
    }
  }
  return out;
}

/**
 * Re-hashes every object the database knows (originals, derived files, case attachments) and
 * reports those whose bytes no longer match their address (tampering or disk fault) and those
 * missing; also lists vault files without a database row (left by an interrupted import).
 */
export async function verifyVault(
  app: AppContext,
  opts: { signal?: AbortSignal; onProgress?: (checked: number, total: number, bytes: number) => void } = {},
): Promise<VaultVerifyReport> {
  const t0 = Date.now();
  const objects = app.db.prepare(`SELECT sha256, size FROM vault_objects ORDER BY sha256`).all() as { sha256: string; size: number }[];
  const kinds = kindsOf(app);
  const mismatched: VaultIssue[] = [];
  const missing: VaultIssue[] = [];
  let bytes = 0;
  let checked = 0;
  for (const o of objects) {
    const path = app.vault.pathOf(o.sha256);
    const k = kinds.get(o.sha256) ?? ['未引用'];
    if (!existsSync(path)) {
      missing.push({ sha256: o.sha256, path, kinds: k });
    } else {
      try {
        const h = await hashFile(path, opts.signal);
        bytes += h.size;
        if (h.sha256 !== o.sha256 || h.size !== o.size) mismatched.push({ sha256: o.sha256, path, kinds: k, actual: h.sha256 });
      } catch (e) {
        if ((e as Error).name === 'AbortError') throw e;
        mismatched.push({ sha256: o.sha256, path, kinds: k, actual: `无法读取：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      }
    }
    checked++;
    opts.onProgress?.(checked, objects.length, bytes);
  }
  const known = new Set(objects.map((o) => o.sha256));
  const unregistered = (await vaultFiles(app.vault.root)).filter((f) => !known.has(f)).sort();
  return {
    ok: mismatched.length === 0 && missing.length === 0,
    checked,
    bytes,
    mismatched,
    missing,
    unregistered,
    durationMs: Date.now() - t0,
  };
}
