import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import { MIGRATIONS, migrate } from './migrate.js';

export type Db = Database.Database;

/**
 * Opens the bureau database with the pragmas evidence handling needs and brings its schema
 * up to date. A file written by a newer version, or one that is not a SQLite database,
 * is refused without being touched.
 */
export function openDatabase(file: string, opts: { create: boolean } = { create: true }): Db {
  if (!opts.create && !existsSync(file)) {
    throw new UserError('DATA_NOT_INITIALISED', `数据文件夹中没有数据库（${file}）。请先运行初始化，或选择正确的数据文件夹。`);
  }
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !opts.create });
  } catch (e) {
    throw new UserError('DATABASE_UNREADABLE', `无法打开数据库文件 ${file}：${(e as Error).message}。请检查文件权限或磁盘。`);
  }
  try {
    // Reading user_version first touches the header: a corrupt or foreign file fails here, before any write.
    const version = db.pragma('user_version', { simple: true }) as number;
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (version > MIGRATIONS.length) {
      throw new UserError(
        'DATABASE_TOO_NEW',
        `此数据库由更新版本的程序写入（结构版本 ${version}，本程序支持到 ${MIGRATIONS.length}）。为保护数据，程序不会打开或修改它。请安装最新版本后再打开。`,
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.pragma('mmap_size = 268435456');
    db.pragma('temp_store = MEMORY');
    // Bounded sampling for the planner's statistics (ANALYZE in migrations, optimize below).
    db.pragma('analysis_limit = 400');
    migrate(db);
    // Keep the statistics fresh (cheap: only tables that need it).
    db.pragma('optimize = 0x10002');
    return db;
  } catch (e) {
    db.close();
    if (e instanceof UserError) throw e;
    const msg = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(msg)) {
      throw new UserError('DATABASE_CORRUPT', `数据库文件 ${file} 已损坏或不是本程序的数据库（${msg}）。程序未做任何修改。请从备份恢复，或联系管理员。`);
    }
    throw e;
  }
}

/**
 * Online backup of a live database to `dest` (consistent snapshot; other connections may keep writing).
 * `signal` stops it between steps (the step throws, which closes the backup) with the signal's reason;
 * `onPages` hears how far it is.
 */
export async function backupDatabase(db: Db, dest: string, opts: { signal?: AbortSignal; onPages?: (done: number, total: number) => void } = {}): Promise<void> {
  const pagesPerStep = 100; // better-sqlite3's own step size
  await db.backup(dest, {
    progress: ({ totalPages, remainingPages }) => {
      opts.signal?.throwIfAborted();
      opts.onPages?.(totalPages - remainingPages, totalPages);
      return pagesPerStep;
    },
  });
}
