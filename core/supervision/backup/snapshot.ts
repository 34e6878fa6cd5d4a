import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { AppContext } from '../../app.js';
import { backupDatabase } from '../../db/connection.js';
import { dataPaths } from '../../data-folder.js';

/** Size and modification time of the live database file when its WAL is empty: equal values mean "no write since". */
export interface SourceFingerprint {
  size: number;
  mtimeMs: number;
}

const walSize = (db: string) => (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);

/** The fingerprint of the live database, or null while its WAL holds changes not yet in the main file. */
export function currentFingerprint(app: AppContext): SourceFingerprint | null {
  const file = dataPaths(app.dataDir).db;
  if (walSize(file) !== 0) return null;
  const s = statSync(file);
  return { size: s.size, mtimeMs: s.mtimeMs };
}

/**
 * A consistent copy of the live database at `dest`. Fast path: checkpoint the WAL into the main file,
 * open a second read-only connection and start a read (its snapshot is the main file, and SQLite
 * lets no checkpoint write into that file while the read lasts), copy the file at disk speed, end
 * the read. Writers keep working meanwhile (into the WAL). When the WAL cannot be emptied (another
 * program is reading) the online backup API (`backupDatabase`) is used instead.
 * Returns the fingerprint of the source at the snapshot, or null after the fallback.
 */
export async function snapshotDatabase(app: AppContext, dest: string, opts: { signal?: AbortSignal; onBytes?: (done: number, total: number) => void } = {}): Promise<SourceFingerprint | null> {
  opts.signal?.throwIfAborted();
  const file = dataPaths(app.dataDir).db;
  const [busy] = (app.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]).map((r) => r.busy);
  if (!busy) {
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    try {
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT count(*) FROM sqlite_master').get();
      if (walSize(file) === 0) {
        const s = statSync(file);
        await copyPlain(file, dest, s.size, opts);
        reader.prepare('COMMIT').run();
        return { size: s.size, mtimeMs: s.mtimeMs };
      }
      reader.prepare('COMMIT').run();
    } finally {
      reader.close();
    }
  }
  const pageSize = app.db.pragma('page_size', { simple: true }) as number;
  await backupDatabase(app.db, dest, { signal: opts.signal, onPages: (done, total) => opts.onBytes?.(done * pageSize, total * pageSize) });
  return null;
}

/**
 * Copies a file chunk by chunk, checking `signal` before each chunk; both files are closed however it
 * ends (the caller removes the partial copy). A plain read, not CopyFile: on Windows it shares the
 * file with SQLite's open handle.
 */
async function copyPlain(src: string, dest: string, total: number, opts: { signal?: AbortSignal; onBytes?: (done: number, total: number) => void }): Promise<void> {
  const input = await open(src, 'r');
  try {
    const out = await open(dest, 'wx');
    try {
      const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
      for (let pos = 0; ; ) {
        opts.signal?.throwIfAborted();
        const { bytesRead } = await input.read(buf, 0, buf.length, pos);
        if (bytesRead === 0) break;
        for (let off = 0; off < bytesRead; ) off += (await out.write(buf, off, bytesRead - off, pos + off)).bytesWritten;
        pos += bytesRead;
        opts.onBytes?.(pos, total);
      }
    } finally {
      await out.close();
    }
  } finally {
    await input.close();
  }
}

/** Makes the copy self-contained (rollback journal instead of WAL) and reads what the manifest records. */
export function describeCopy(dest: string): {
  schemaVersion: number;
  counts: Record<string, number>;
  audit: { entries: number; head: string };
  vault: { sha256: string; size: number }[];
  bureau: string;
} {
  const db = new Database(dest, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const counts = tableCounts(db);
    const head = db.prepare('SELECT hash, entries FROM audit_head WHERE id = 1').get() as { hash: string; entries: number };
    const vault = db.prepare('SELECT sha256, size FROM vault_objects ORDER BY sha256').all() as { sha256: string; size: number }[];
    const bureau = (db.prepare('SELECT name FROM bureau WHERE id = 1').get() as { name: string } | undefined)?.name ?? '';
    return { schemaVersion, counts, audit: { entries: head.entries, head: head.hash }, vault, bureau };
  } finally {
    db.close();
  }
}

/** Row counts of every ordinary table (FTS shadow tables included, virtual tables not). */
export function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
}

/** fsync a file (the backup must be on disk before it is declared done). */
export async function syncFile(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
