import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../core/db/connection.js';
import { MIGRATIONS } from '../../core/db/migrate.js';
import { ensureDataDir, acquireInstanceLock } from '../../core/data-folder.js';
import { UserError } from '../../core/errors.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sanxiang-mig-'));
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

test('a new database gets every migration and the pragmas', () => {
  const file = join(tmp(), 'a.db');
  const db = openDatabase(file);
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(db.pragma('synchronous', { simple: true }), 2); // FULL
  const strict = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%STRICT%'`).all() as { name: string }[];
  for (const t of ['cases', 'parties', 'officers', 'users', 'audit_log', 'case_records']) {
    assert.ok(strict.some((s) => s.name === t), `${t} is STRICT`);
  }
  db.close();
});

test('a database at each earlier version is brought up to date', () => {
  for (let v = 0; v < MIGRATIONS.length; v++) {
    const file = join(tmp(), `v${v}.db`);
    const raw = new Database(file);
    for (let i = 0; i < v; i++) raw.exec(MIGRATIONS[i].up);
    raw.pragma(`user_version = ${v}`);
    raw.close();
    const db = openDatabase(file);
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length, `from version ${v}`);
    assert.equal((db.pragma('integrity_check', { simple: true }) as string), 'ok');
    db.close();
  }
});

test('a database written by a newer version is refused and left untouched', () => {
  const file = join(tmp(), 'new.db');
  openDatabase(file).close();
  const raw = new Database(file);
  raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  raw.pragma('journal_mode = DELETE');
  raw.close();
  const before = sha(file);
  assert.throws(() => openDatabase(file), (e: unknown) => e instanceof UserError && e.code === 'DATABASE_TOO_NEW' && /更新版本/.test(e.message));
  assert.equal(sha(file), before);
});

test('a corrupt or foreign file is refused without being modified', () => {
  const file = join(tmp(), 'junk.db');
  writeFileSync(file, Buffer.alloc(8192, 7));
  const before = sha(file);
  assert.throws(() => openDatabase(file), (e: unknown) => e instanceof UserError && e.code === 'DATABASE_CORRUPT');
  assert.equal(sha(file), before);
});

test('a missing data folder is reported, not created, unless asked', () => {
  const dir = join(tmp(), 'gone', 'deeper');
  assert.throws(() => ensureDataDir(dir, false), (e: unknown) => e instanceof UserError && e.code === 'DATA_FOLDER_UNAVAILABLE');
  ensureDataDir(dir, true);
});

test('a second instance on the same data folder is refused; a stale lock is taken over', () => {
  const dir = tmp();
  const release = acquireInstanceLock(dir);
  writeFileSync(join(dir, 'sanxiang.lock'), JSON.stringify({ pid: process.ppid }));
  assert.throws(() => acquireInstanceLock(dir), (e: unknown) => e instanceof UserError && e.code === 'ALREADY_RUNNING');
  writeFileSync(join(dir, 'sanxiang.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
  const again = acquireInstanceLock(dir);
  again();
  release();
});

test('constraints: duplicate case numbers, wrong types and record edits are refused by the database', () => {
  const db = openDatabase(join(tmp(), 'c.db'));
  const at = new Date().toISOString();
  const ins = db.prepare(
    `INSERT INTO cases (case_no, case_type, year, seq, procedure, title, opened_on, created_at, updated_at) VALUES (?, 'penalty', 2026, ?, 'simple', 't', '2026-01-05', ?, ?)`,
  );
  ins.run('遂林罚〔2026〕1号', 1, at, at);
  assert.throws(() => ins.run('遂林罚〔2026〕1号', 2, at, at), /UNIQUE/);
  assert.throws(() => ins.run('遂林罚〔2026〕9号', 1, at, at), /UNIQUE/);
  assert.throws(() => ins.run('遂林罚〔2026〕3号', 'three', at, at), /cannot store TEXT value in INTEGER column/);
  db.prepare(`INSERT INTO case_records (case_id, kind, title, created_at) VALUES (1, 'text', 'r', ?)`).run(at);
  assert.throws(() => db.prepare(`UPDATE case_records SET title = 'x'`).run(), /immutable/);
  assert.throws(() => db.prepare(`DELETE FROM case_records`).run(), /cannot be deleted/);
  assert.throws(() => db.prepare(`INSERT INTO parties (case_id, kind, name, created_at) VALUES (999, 'person', 'x', ?)`).run(at), /FOREIGN KEY/);
  db.close();
});
