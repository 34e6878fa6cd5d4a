import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../app.js';
import type { VaultIssue, VaultOwner, VaultVerifyLast, VaultVerifyReport } from '../../shared/media-types.js';
import { hashFile } from '../vault/hash-file.js';
import { SHA256_RE } from '../vault/vault.js';
import type { VerifyCheckpoint } from './verify-checkpoint.js';

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

const DERIVED_LABELS: Record<string, string> = { thumbnail: '缩略图', strip: '缩略图条', proxy: '播放副本', snapshot: '截图' };

/** What uses a vault object, named for the clerk (only asked for the few objects with a problem). */
export function ownersOf(app: AppContext, sha256: string): VaultOwner[] {
  const casesOf = app.db.prepare(
    `SELECT c.case_no AS caseNo FROM media_case_links l JOIN cases c ON c.id = l.case_id WHERE l.media_id = ? ORDER BY c.case_no`,
  );
  const cases = (mediaId: number) => (casesOf.all(mediaId) as { caseNo: string }[]).map((c) => c.caseNo);
  const out: VaultOwner[] = [];
  for (const m of app.db.prepare(`SELECT id, file_name AS fileName FROM media_items WHERE sha256 = ? AND purged_at IS NULL ORDER BY id`).all(sha256) as { id: number; fileName: string }[]) {
    out.push({ mediaId: m.id, caseId: null, label: m.fileName, cases: cases(m.id) });
  }
  for (const d of app.db
    .prepare(
      `SELECT d.media_id AS mediaId, d.kind, m.file_name AS fileName FROM media_derived d JOIN media_items m ON m.id = d.media_id
       WHERE d.sha256 = ? AND d.removed_at IS NULL ORDER BY d.id`,
    )
    .all(sha256) as { mediaId: number; kind: string; fileName: string }[]) {
    out.push({ mediaId: d.mediaId, caseId: null, label: `${d.fileName} 的${DERIVED_LABELS[d.kind] ?? '衍生文件'}`, cases: cases(d.mediaId) });
  }
  for (const r of app.db
    .prepare(`SELECT r.case_id AS caseId, c.case_no AS caseNo, r.title FROM case_records r JOIN cases c ON c.id = r.case_id WHERE r.sha256 = ? ORDER BY r.id`)
    .all(sha256) as { caseId: number; caseNo: string; title: string }[]) {
    out.push({ mediaId: null, caseId: r.caseId, label: `${r.caseNo} · ${r.title}`, cases: [r.caseNo] });
  }
  return out;
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

/** Seconds between checkpoints of a check that can be resumed. */
const CHECKPOINT_EVERY_MS = 5_000;

/**
 * Re-hashes every object the database knows (originals, derived files, case attachments), in SHA-256
 * order, and reports those whose bytes no longer match their address (tampering or disk fault) and
 * those missing; also lists vault files without a database row (left by an interrupted import).
 * With `resume` it goes on after the checkpoint of an interrupted check; with `onCheckpoint` it tells
 * where it is every few seconds and when it stops, so that it can be resumed.
 */
export async function verifyVault(
  app: AppContext,
  opts: {
    signal?: AbortSignal;
    /** After each object. */
    onProgress?: (checked: number, total: number, bytes: number) => void;
    /** After each chunk (4 MiB), for byte-level progress on large files. */
    onBytes?: (bytes: number) => void;
    resume?: VerifyCheckpoint | null;
    onCheckpoint?: (c: VerifyCheckpoint) => void;
  } = {},
): Promise<VaultVerifyReport> {
  const t0 = Date.now();
  const from = opts.resume ?? null;
  const total = (app.db.prepare(`SELECT count(*) FROM vault_objects`).pluck().get() as number);
  const objects = app.db.prepare(`SELECT sha256, size FROM vault_objects WHERE sha256 > ? ORDER BY sha256`).all(from?.after ?? '') as { sha256: string; size: number }[];
  const kinds = kindsOf(app);
  const mismatched: VaultIssue[] = [...(from?.mismatched ?? [])];
  const missing: VaultIssue[] = [...(from?.missing ?? [])];
  let bytes = from?.bytes ?? 0;
  let checked = from?.checked ?? 0;
  const startedAt = from?.startedAt ?? app.now().toISOString();
  let after = from?.after ?? '';
  let toldAt = Date.now();
  const checkpoint = () => opts.onCheckpoint?.({ startedAt, after, checked, bytes, mismatched, missing });
  for (const o of objects) {
    if (opts.signal?.aborted) {
      checkpoint();
      opts.signal.throwIfAborted();
    }
    let r: Awaited<ReturnType<typeof checkObject>>;
    try {
      r = await checkObject(app, o, kinds.get(o.sha256) ?? ['未引用'], opts);
    } catch (e) {
      checkpoint(); // stopped: this object is checked again when the check goes on
      throw e;
    }
    bytes += r.bytes;
    if (r.mismatched) mismatched.push(r.mismatched);
    if (r.missing) missing.push(r.missing);
    checked++;
    after = o.sha256;
    opts.onProgress?.(checked, Math.max(total, checked), bytes);
    if (Date.now() - toldAt >= CHECKPOINT_EVERY_MS) {
      toldAt = Date.now();
      checkpoint();
    }
  }
  const known = new Set(app.db.prepare(`SELECT sha256 FROM vault_objects`).pluck().all() as string[]);
  const unregistered = (await vaultFiles(app.vault.root)).filter((f) => !known.has(f)).sort();
  return {
    ok: mismatched.length === 0 && missing.length === 0,
    checked,
    bytes,
    mismatched,
    missing,
    unregistered,
    durationMs: Date.now() - t0,
    resumedFrom: from?.startedAt ?? null,
  };
}

/**
 * Re-hashes one object: the bytes read and what is wrong with it, if anything. An object purged while
 * the check ran (the list was read at the start) is gone on purpose, not missing or unreadable.
 * Throws only when stopped (AbortError).
 */
async function checkObject(
  app: AppContext,
  o: { sha256: string; size: number },
  kinds: string[],
  opts: { signal?: AbortSignal; onBytes?: (bytes: number) => void },
): Promise<{ bytes: number; mismatched?: VaultIssue; missing?: VaultIssue }> {
  const path = app.vault.pathOf(o.sha256);
  const issue = (actual?: string): VaultIssue => ({ sha256: o.sha256, path, kinds, ...(actual === undefined ? {} : { actual }), owners: ownersOf(app, o.sha256) });
  const stillRegistered = () => !!app.db.prepare(`SELECT 1 FROM vault_objects WHERE sha256 = ?`).get(o.sha256);
  if (!existsSync(path)) return stillRegistered() ? { bytes: 0, missing: issue() } : { bytes: 0 };
  try {
    const h = await hashFile(path, opts);
    return h.sha256 !== o.sha256 || h.size !== o.size ? { bytes: h.size, mismatched: issue(h.sha256) } : { bytes: h.size };
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    const actual = `无法读取：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    return stillRegistered() ? { bytes: 0, mismatched: issue(actual) } : { bytes: 0 };
  }
}

/** Writes the audit row of a completed check (UI and `sanxiang verify` alike; the last one is shown as 上次校验). */
export function auditVerify(app: AppContext, actor: { id: number | null; username: string }, r: VaultVerifyReport): void {
  app.db.transaction(() =>
    app.audit.append({
      userId: actor.id,
      username: actor.username,
      operation: 'media.verify',
      objectType: 'vault',
      objectId: 'verify',
      summary: {
        ok: r.ok,
        checked: r.checked,
        bytes: r.bytes,
        mismatched: r.mismatched.map((m) => m.sha256),
        missing: r.missing.map((m) => m.sha256),
        unregistered: r.unregistered.length,
        ...(r.resumedFrom ? { resumedFrom: r.resumedFrom } : {}),
      },
    }),
  )();
}

interface VerifySummary {
  ok: boolean;
  checked: number;
  bytes: number;
  mismatched: string[];
  missing: string[];
  unregistered: number;
}

function lastVerifyRow(app: AppContext): { last: VaultVerifyLast; summary: VerifySummary } | null {
  const row = app.db
    .prepare(
      `SELECT a.at, a.username, u.display_name AS displayName, a.summary FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.operation = 'media.verify' AND a.object_type = 'vault' ORDER BY a.id DESC LIMIT 1`,
    )
    .get() as { at: string; username: string; displayName: string | null; summary: string } | undefined;
  if (!row) return null;
  const s = JSON.parse(row.summary) as VerifySummary;
  return {
    summary: s,
    last: {
      at: row.at,
      by: row.displayName ?? row.username.replace(/^\((.*)\)$/, '$1'),
      ok: s.ok,
      checked: s.checked,
      bytes: s.bytes,
      mismatched: s.mismatched.length,
      missing: s.missing.length,
      unregistered: s.unregistered,
    },
  };
}

/** The last completed check, read from the audit trail. */
export function lastVerify(app: AppContext): VaultVerifyLast | null {
  return lastVerifyRow(app)?.last ?? null;
}

/** The last completed check with the objects it found changed or missing (SHA-256s, as audited). */
export function lastVerifyFindings(app: AppContext): { last: VaultVerifyLast; mismatched: string[]; missing: string[] } | null {
  const r = lastVerifyRow(app);
  return r ? { last: r.last, mismatched: r.summary.mismatched, missing: r.summary.missing } : null;
}
