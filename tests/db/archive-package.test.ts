import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { verifyArchive, type ArchiveVerifyProgress } from '../../core/supervision/archive/verify.js';
import { readZipDirectory } from '../../core/supervision/archive/zip-read.js';
import type { ArchiveCreateResult } from '../../shared/supervision-types.js';
import { supervisionWorld, type SupervisionWorld } from '../helpers/supervision.js';
import { flipByte } from '../helpers/tamper.js';

const CLI = join(process.cwd(), 'cli', 'sanxiang.mjs');
let w: SupervisionWorld;
let dest: string;
let pkg: ArchiveCreateResult;
let caseId: number;
const footage = Buffer.concat([Buffer.from('ftypisom'), Buffer.alloc(300_000, 7)]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type /Page >> endobj\n%%EOF\n');


before(async () => {
  w = await supervisionWorld('2026-03-10T10:00:00+08:00');
  dest = mkdtempSync(join(tmpdir(), 'sanxiang-archive-'));
  const c = await w.newCase({ openedOn: '2026-03-02' });
  caseId = c.id;
  await w.t.call('cases.addRecord', { caseId, title: '现场检查笔录', body: '2026年3月2日，执法人员到达现场……' }, w.officer);
  await w.t.call('cases.addRecord', { caseId, title: '现场照片及勘验图', file: { name: '勘验图.pdf', base64: pdf.toString('base64') } }, w.officer);
  w.media({ fileName: 'DCAM_DSJ001_051234_20260302_100000.mp4', ingestedAt: '2026-03-02T04:00:00.000Z', caseId, annotated: true, bytes: footage });
  await w.decide(caseId, c.partyId, '2026-03-05');
  await w.close(caseId, '2026-03-09');
});
after(() => {
  w.t.close();
  rmSync(dest, { recursive: true, force: true });
});

test('archive.create refuses a case that is not closed, and anyone but its handler or the head', async () => {
  const open = await w.newCase({ openedOn: '2026-03-02' });
  assert.match((await w.t.fails('archive.create', { caseId: open.id, dest }, w.officer)).message, /须先结案/);
  const other = await w.t.user('other', ['officer'], { officerId: w.officerIds[1] });
  assert.equal((await w.t.fails('archive.create', { caseId, dest }, other)).code, 'FORBIDDEN');
});

test('archiving reports progress and can be cancelled: the files written are removed, the case stays closed', async () => {
  const c = await w.newCase({ openedOn: '2026-03-03' });
  await w.t.call('cases.addRecord', { caseId: c.id, title: '询问笔录', body: '问：……答：……' }, w.officer);
  await w.close(c.id, '2026-03-09');
  const progressId = 'archive-cancel-1';
  const listed = readdirSync(dest).sort();
  const run = w.t.fails('archive.create', { caseId: c.id, dest, progressId }, w.officer);
  assert.match((await w.t.call('supervision.progress', { progressId }, w.officer)).progress!.line, /归档|材料/);
  assert.deepEqual(await w.t.call('supervision.cancel', { progressId }, w.officer), { cancelled: true });
  const e = await run;
  assert.equal(e.code, 'CANCELLED');
  assert.match(e.message, /仍为“结案”/);
  assert.equal((await w.t.call('cases.get', { id: c.id })).stage, 'closing');
  assert.deepEqual(readdirSync(dest).sort(), listed, 'nothing of the package is left');
  const done = await w.t.call('archive.create', { caseId: c.id, dest, progressId: 'archive-again-1' }, w.officer);
  assert.equal((await w.t.call('supervision.progress', { progressId: 'archive-again-1' }, w.officer)).progress?.finished, true);
  assert.equal((await w.t.call('archive.verify', { path: done.zip!, progressId: 'verify-1' }, w.officer)).ok, true);
  assert.match((await w.t.call('supervision.progress', { progressId: 'verify-1' }, w.officer)).progress!.line, /校验/);
});

test('advancing a closed case to 归档 by hand is refused: only archive.create (which writes the package) archives', async () => {
  const e = await w.t.fails('cases.advanceStage', { id: caseId, stage: 'archived', enteredOn: '2026-03-10', note: '' }, w.head);
  assert.equal(e.code, 'ARCHIVE_PACKAGE_REQUIRED');
  assert.match(e.message, /案卷包/);
  const d = await w.t.call('cases.get', { id: caseId });
  assert.equal(d.stage, 'closing', 'the case is still open for archiving');
  assert.equal((await w.t.call('archive.get', { caseId })).archive, null, 'no package recorded');
});

test('closing a case produces a verified package (folder and zip) and makes the case read-only', async () => {
  pkg = await w.t.call('archive.create', { caseId, dest }, w.officer);
  assert.ok(existsSync(pkg.folder) && existsSync(pkg.zip!));
  const names = readdirSync(pkg.folder, { recursive: true }).map(String).map((p) => p.split('\\').join('/')).sort();
  for (const n of ['卷内目录.csv', 'manifest.sha256', '验证证书.pdf', '01_案件信息/案件基本信息.txt', '02_案件记录/002_现场照片及勘验图.pdf', '03_音像证据/001_DCAM_DSJ001_051234_20260302_100000.mp4', '03_音像证据/音像记录清单.csv', '05_行政决定/行政决定.json', '06_公示记录/公示记录.json', '07_审计记录/审计记录.csv', '07_审计记录/审计记录.json']) {
    assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
  }
  assert.deepEqual(readFileSync(join(pkg.folder, '03_音像证据', '001_DCAM_DSJ001_051234_20260302_100000.mp4')), footage, 'the original footage, byte for byte');
  const index = readFileSync(join(pkg.folder, '卷内目录.csv'), 'utf8');
  assert.match(index, /^\uFEFF顺序号,文件题名,日期,页数,大小（字节）,类别,包内路径\r\n/);
  assert.match(index, /现场照片及勘验图,2026-03-10,2,/, 'pages of a PDF');
  const manifest = readFileSync(join(pkg.folder, 'manifest.sha256'), 'utf8');
  assert.equal(manifest.trim().split('\n').length, pkg.files);
  assert.match(manifest, /^[0-9a-f]{64} {2}01_案件信息\/案件基本信息.txt$/m);
  if (spawnSync('sha256sum', ['--version']).status === 0) {
    const r = spawnSync('sha256sum', ['-c', '--quiet', 'manifest.sha256'], { cwd: pkg.folder, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  }
  for (const p of [pkg.folder, pkg.zip!]) {
    const v = await verifyArchive(p);
    assert.equal(v.ok, true, v.message);
    assert.equal(v.manifestSha256, pkg.manifestSha256);
    assert.equal(v.certificateManifestSha256, pkg.manifestSha256);
  }
  const d = await w.t.call('cases.get', { id: caseId });
  assert.equal(d.stage, 'archived');
  assert.equal(d.records.at(-1)!.title, '案卷归档验证证书');
  assert.equal((await w.t.fails('cases.update', { id: caseId, title: '改' }, w.officer)).code, 'CASE_READ_ONLY');
  assert.equal((await w.t.fails('cases.addRecord', { caseId, title: '补充' }, w.officer)).code, 'CASE_READ_ONLY');
  assert.equal((await w.t.call('archive.get', { caseId })).archive?.manifestSha256, pkg.manifestSha256);
  assert.match((await w.t.fails('archive.create', { caseId, dest }, w.officer)).message, /已归档/);
});

test('the folder fails to verify after one byte changes, a file is removed or one is added', async () => {
  const victim = join(pkg.folder, '02_案件记录', '001_现场检查笔录.txt');
  flipByte(victim, 5);
  let v = await verifyArchive(pkg.folder);
  assert.equal(v.ok, false);
  assert.deepEqual(v.problems, [{ path: '02_案件记录/001_现场检查笔录.txt', problem: '文件内容与清单不符（已被修改或损坏）' }]);
  flipByte(victim, 5);
  assert.equal((await verifyArchive(pkg.folder)).ok, true);

  const moved = join(dest, 'moved.mp4');
  const video = join(pkg.folder, '03_音像证据', '001_DCAM_DSJ001_051234_20260302_100000.mp4');
  renameSync(video, moved);
  v = await verifyArchive(pkg.folder);
  assert.deepEqual(v.problems.map((p) => p.problem), ['清单中列出的文件缺失']);
  renameSync(moved, video);

  writeFileSync(join(pkg.folder, '02_案件记录', '补充.txt'), 'x');
  v = await verifyArchive(pkg.folder);
  assert.deepEqual(v.problems, [{ path: '02_案件记录/补充.txt', problem: '文件不在清单中（案卷包中多出的文件）' }]);
  rmSync(join(pkg.folder, '02_案件记录', '补充.txt'));
  writeFileSync(join(pkg.folder, 'Thumbs.db'), 'windows explorer');
  assert.equal((await verifyArchive(pkg.folder)).ok, true, 'Explorer thumbnails are not part of the package');

  // A replaced manifest (recomputed after editing a file) no longer matches the certificate.
  const m = join(pkg.folder, 'manifest.sha256');
  const original = readFileSync(m);
  writeFileSync(m, original.toString('utf8').replace(/^[0-9a-f]{64}/, 'f'.repeat(64)));
  v = await verifyArchive(pkg.folder);
  assert.ok(v.problems.some((p) => p.path === 'manifest.sha256' && /验证证书/.test(p.problem)));
  writeFileSync(m, original);
});

test('the zip fails to verify after one byte changes or one file is removed', async () => {
  const entries = await readZipDirectory(pkg.zip!);
  assert.ok(entries.every((e) => e.name.startsWith(`${pkg.caseNo}/`)), 'one top folder');
  const video = entries.find((e) => e.name.endsWith('.mp4'))!;
  assert.equal(video.method, 0, 'footage is stored, not recompressed');
  const changed = join(dest, 'changed.zip');
  copyFileSync(pkg.zip!, changed);
  const header = readFileSync(changed).subarray(video.localOffset, video.localOffset + 30);
  flipByte(changed, video.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28) + 1000);
  let v = await verifyArchive(changed);
  assert.equal(v.ok, false);
  assert.deepEqual(v.problems.map((p) => p.path), ['03_音像证据/001_DCAM_DSJ001_051234_20260302_100000.mp4']);

  const zip = await JSZip.loadAsync(readFileSync(pkg.zip!));
  zip.remove(`${pkg.caseNo}/07_审计记录/审计记录.csv`);
  const removed = join(dest, 'removed.zip');
  writeFileSync(removed, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  v = await verifyArchive(removed);
  assert.deepEqual(v.problems, [{ path: '07_审计记录/审计记录.csv', problem: '清单中列出的文件缺失' }]);

  writeFileSync(join(dest, 'truncated.zip'), readFileSync(pkg.zip!).subarray(0, 5000));
  await assert.rejects(verifyArchive(join(dest, 'truncated.zip')), /不是完整的 ZIP 文件/);
});

test('sanxiang archive verify works on the package anywhere (exit 0 / 1)', () => {
  const ok = spawnSync(process.execPath, [CLI, 'archive', 'verify', pkg.zip!, '--json'], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout.trim().split('\n').pop()!).ok, true);
  const bad = spawnSync(process.execPath, [CLI, 'archive', 'verify', join(dest, 'changed.zip'), '--json'], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.equal(JSON.parse(bad.stdout.trim().split('\n').pop()!).ok, false);
});

test('a package is written again from the vault, byte for byte (after a restore or a lost copy), without touching the case', async () => {
  const again = mkdtempSync(join(tmpdir(), 'sanxiang-archive-again-'));
  try {
    // Everything the package is made of is in the vault and registered, so backups carry it.
    const registered = new Set((w.t.app.db.prepare('SELECT sha256 FROM vault_objects').all() as { sha256: string }[]).map((r) => r.sha256));
    assert.ok(pkg.composition && registered.has(pkg.composition));
    const copy = await w.t.call('archive.export', { caseId, dest: again }, w.officer);
    assert.equal(copy.folder, join(again, pkg.folder.split(/[\\/]/).pop()!));
    for (const p of [copy.folder, copy.zip!]) {
      const v = await verifyArchive(p);
      assert.equal(v.ok, true, v.message);
      assert.equal(v.manifestSha256, pkg.manifestSha256, 'the manifest the certificate states');
      assert.equal(v.certificateManifestSha256, pkg.manifestSha256);
    }
    assert.deepEqual(readFileSync(join(copy.folder, '03_音像证据', '001_DCAM_DSJ001_051234_20260302_100000.mp4')), footage);
    assert.equal((await w.t.call('archive.get', { caseId })).archive?.folder, copy.folder, 'the newest copy is the one shown');
    assert.equal((await w.t.fails('archive.export', { caseId, dest: again }, w.officer)).code, 'ARCHIVE_EXISTS', 'never overwrites');
    assert.equal((await w.t.call('cases.get', { id: caseId })).stage, 'archived');
  } finally {
    rmSync(again, { recursive: true, force: true });
  }
});

test('checking a package stops inside a large file when cancelled', async () => {
  // A copy of the package whose footage is a 64 MiB file (its hash no longer matches: not reached).
  const copy = join(dest, 'large-copy');
  cpSync(pkg.folder, copy, { recursive: true });
  truncateSync(join(copy, '03_音像证据', '001_DCAM_DSJ001_051234_20260302_100000.mp4'), 64 * 1024 * 1024);
  const stop = new AbortController();
  const seen: ArchiveVerifyProgress[] = [];
  const e = await verifyArchive(
    copy,
    (p) => {
      seen.push(p);
      if (p.bytes >= 8 * 1024 * 1024) stop.abort();
    },
    stop.signal,
  ).catch((x: unknown) => x);
  assert.equal((e as { code?: string }).code, 'CANCELLED');
  const last = seen.at(-1)!;
  assert.ok(last.bytesTotal > 64 * 1024 * 1024, 'the total counts the large file');
  assert.ok(last.bytes < 16 * 1024 * 1024, `stopped within the large file (${last.bytes} bytes read)`);
  assert.ok(last.files < last.filesTotal);
  rmSync(copy, { recursive: true, force: true });
});
