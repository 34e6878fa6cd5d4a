import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { makeRecorder, type RecorderFixture } from '../fixtures/recorder.js';
import { makeTestApp } from '../helpers/app.js';

/**
 * Kill the importing process (SIGKILL, no chance to clean up) at random moments, several times;
 * after each kill every registered file must exist with its hash, and a rerun must finish the job
 * with no leftovers and an intact database.
 */

const CLI = join(process.cwd(), 'cli', 'sanxiang.mjs');
const RUNS = 7;

let rec: RecorderFixture;
let dataDir: string;

before(async () => {
  rec = makeRecorder({ fillerMb: [64, 64, 64, 64] });
  const t = await makeTestApp();
  dataDir = t.dir;
  t.app.close();
});
after(() => {
  rm(dataDir);
  rec.cleanup();
});
const rm = (p: string) => rmSync(p, { recursive: true, force: true });

/**
 * Runs `sanxiang ingest`. `kill`: SIGKILL `ms` after start-up (`startup`) or after the first
 * progress line, i.e. once copying has begun (`copy`); null lets it finish.
 */
function ingest(kill: { when: 'startup' | 'copy'; ms: number } | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'ingest', rec.root, '--data', dataDir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let timer: NodeJS.Timeout | null = null;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), kill!.ms));
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => {
      if (kill?.when === 'copy' && b.toString().includes('导入中')) arm();
    });
    if (kill?.when === 'startup') arm();
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout });
    });
  });
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const vaultPath = (s: string) => join(dataDir, 'vault', s.slice(0, 2), s.slice(2, 4), s);

function vaultFiles(): string[] {
  const root = join(dataDir, 'vault');
  const out: string[] = [];
  for (const a of readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of readdirSync(join(root, a))) out.push(...readdirSync(join(root, a, b)));
  }
  return out.sort();
}

/** Invariants that must hold at any instant, even right after a kill. */
function checkRegistered(): { registered: string[]; items: number } {
  const db = new Database(join(dataDir, 'sanxiang.db'));
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const rows = db.prepare('SELECT sha256, size FROM vault_objects').all() as { sha256: string; size: number }[];
    for (const r of rows) {
      assert.ok(existsSync(vaultPath(r.sha256)), `registered object ${r.sha256} exists`);
      assert.equal(sha(vaultPath(r.sha256)), r.sha256, 'registered object has its hash');
    }
    const orphans = db.prepare('SELECT count(*) AS n FROM media_items m WHERE NOT EXISTS (SELECT 1 FROM vault_objects v WHERE v.sha256 = m.sha256)').get() as { n: number };
    assert.equal(orphans.n, 0, 'every media item has its vault object');
    const items = (db.prepare('SELECT count(*) AS n FROM media_items').get() as { n: number }).n;
    return { registered: rows.map((r) => r.sha256).sort(), items };
  } finally {
    db.close();
  }
}

test('SIGKILL at random points, then rerun: complete, no leftovers, database intact', { timeout: 240_000 }, async (t) => {
  const expected = [...new Set(rec.importable.map((r) => sha(join(rec.root, r))))].sort();
  const killed: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Most kills land while files are being copied, fsynced, renamed and registered; some during start-up.
    const kill = i % 3 === 2 ? { when: 'startup' as const, ms: 200 + Math.floor(Math.random() * 1500) } : { when: 'copy' as const, ms: Math.floor(Math.random() * 700) };
    const delay = kill.ms;
    const r = await ingest(kill);
    if (r.signal === 'SIGKILL') killed.push(delay);
    const { items } = checkRegistered();
    const partials = readdirSync(join(dataDir, 'vault', 'tmp')).length;
    t.diagnostic(`run ${i + 1}: ${r.signal ?? `exit ${r.code}`} ${delay} ms after ${kill.when === 'copy' ? 'copying began' : 'start'}; ${items} items registered, ${partials} partial file(s) left for the next run`);
  }
  const final = await ingest(null);
  assert.equal(final.code, 0, final.stdout);
  const result = JSON.parse(final.stdout.trim().split('\n').pop()!);
  assert.equal(result.failed.length, 1, 'only the empty file is refused');
  const { registered, items } = checkRegistered();
  assert.deepEqual(registered, expected, 'every distinct file is registered');
  assert.equal(items, expected.length);
  assert.deepEqual(vaultFiles(), expected, 'no unregistered files in the vault');
  assert.deepEqual(readdirSync(join(dataDir, 'vault', 'tmp')), [], 'no temp files left');
  const again = await ingest(null);
  const second = JSON.parse(again.stdout.trim().split('\n').pop()!);
  assert.equal(second.copied, 0);
  assert.equal(second.skipped, rec.importable.length);
  assert.ok(killed.length >= 1, `at least one run was killed (delays ${killed.join(', ')})`);
});
