import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { explainWriteError } from '../../core/supervision/files/write-target.js';
import { exportLedger } from '../../core/supervision/ledgers/export-job.js';
import { toCsv } from '../../core/util/csv.js';
import { ANNUAL_HEADER_ROW } from '../../core/supervision/report/annual-xlsx.js';
import { supervisionWorld, type SupervisionWorld } from '../helpers/supervision.js';

let w: SupervisionWorld;
let dir: string;

before(async () => {
  w = await supervisionWorld('2026-03-20T10:00:00+08:00');
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-ledgers-'));
  const a = await w.newCase({ openedOn: '2026-01-05', party: '欧阳明轩' });
  const b = await w.newCase({ openedOn: '2026-02-02', party: '=HYPERLINK("x")' });
  await w.newCase({ openedOn: '2026-03-02', caseType: 'inspection', title: '现场检查, "引号"\n换行' });
  await w.newCase({ openedOn: '2025-11-03', caseType: 'permit', procedure: 'ordinary' });
  await w.decide(a.id, a.partyId, '2026-01-20', 3000.5);
  await w.decide(b.id, b.partyId, '2026-02-10', 500);
  await w.close(a.id, '2026-02-03');
  w.media({ fileName: '现场录像1.mp4', ingestedAt: '2026-03-03T02:00:00.000Z', caseId: a.id, annotated: true });
  w.media({ fileName: '现场录像2.mp4', ingestedAt: '2026-03-04T02:00:00.000Z' });
});
after(() => {
  w.t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function readXlsx(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const cellValue = (v: ExcelJS.CellValue) => (v === undefined ? null : v);

test('case ledger to .xlsx: Chinese headers, widths, frozen header, every cell equal to the database', async () => {
  const path = join(dir, '案件台账.xlsx');
  const r = await w.t.call('ledgers.export', { ledger: 'cases', filter: {}, format: 'xlsx', path: join(dir, '案件台账.xlsx') });
  assert.equal(r.rows, 4);
  assert.equal(r.path, path);
  const page = await w.t.call('ledgers.query', { ledger: 'cases', filter: {}, pageSize: 200 });
  const wb = await readXlsx(path);
  const ws = wb.worksheets[0];
  assert.equal(ws.name, '行政执法案件台账');
  const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
  assert.deepEqual([view.state, view.ySplit, view.topLeftCell], ['frozen', 1, 'A2'], 'header row frozen');
  page.columns.forEach((c, i) => {
    assert.equal(ws.getRow(1).getCell(i + 1).value, c.header);
    assert.equal(ws.getColumn(i + 1).width, c.width);
  });
  assert.deepEqual(page.columns.slice(0, 3).map((c) => c.header), ['案件编号', '执法类别', '程序']);
  assert.equal(ws.rowCount, 1 + page.total);
  page.rows.forEach((row, r) => {
    page.columns.forEach((c, i) => assert.deepEqual(cellValue(ws.getRow(r + 2).getCell(i + 1).value), row[c.key], `row ${r + 2} ${c.header}`));
  });
  // Against the tables themselves, not only the ledger query.
  const db = w.t.app.db.prepare(`SELECT c.case_no, c.opened_on, c.party_summary, d.total_fine FROM cases c LEFT JOIN decisions d ON d.case_id = c.id ORDER BY c.opened_on DESC, c.id DESC`).all() as { case_no: string; opened_on: string; party_summary: string; total_fine: number | null }[];
  const col = (h: string) => page.columns.findIndex((c) => c.header === h) + 1;
  db.forEach((x, i) => {
    const row = ws.getRow(i + 2);
    assert.equal(row.getCell(col('案件编号')).value, x.case_no);
    assert.equal(row.getCell(col('立案日期')).value, x.opened_on);
    assert.equal(row.getCell(col('当事人')).value, x.party_summary);
    assert.equal(cellValue(row.getCell(col('罚款金额（元）')).value), x.total_fine);
  });
  assert.equal(ws.getRow(2).getCell(col('罚款金额（元）')).numFmt, '#,##0.00', 'money format');
  const info = wb.getWorksheet('说明')!;
  assert.equal(info.getRow(4).getCell(2).value, 4);
});

test('filters: a date range and the decision columns', async () => {
  const p = await w.t.call('ledgers.query', { ledger: 'cases', filter: { from: '2026-01-01', to: '2026-01-31' } });
  assert.equal(p.total, 1);
  assert.equal(p.rows[0].parties, '欧阳明轩');
  assert.equal(p.rows[0].fine, 3000.5);
  assert.equal(p.rows[0].measures, '罚款');
  const f = await w.t.call('ledgers.query', { ledger: 'footage', filter: { annotated: false } });
  assert.deepEqual(f.rows.map((r) => r.fileName), ['现场录像2.mp4']);
  // Recording times are UTC instants: shown in local time, filtered by local days (02:00Z is 10:00 in Shanghai).
  assert.equal(f.rows[0].recordedAt, '2026-03-04 10:00');
  const day = await w.t.call('ledgers.query', { ledger: 'footage', filter: { from: '2026-03-04', to: '2026-03-04' } });
  assert.deepEqual(day.rows.map((r) => r.fileName), ['现场录像2.mp4']);
});

test('CSV: UTF-8 with BOM, CRLF, the same bytes as core/util/csv, formulas neutralised', async () => {
  const r = await w.t.call('ledgers.export', { ledger: 'cases', filter: {}, format: 'csv' });
  assert.equal(r.path, null);
  const buf = Buffer.from(r.base64!, 'base64');
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const page = await w.t.call('ledgers.query', { ledger: 'cases', filter: {}, pageSize: 200 });
  const expected = toCsv(page.columns.map((c) => c.header), page.rows.map((row) => page.columns.map((c) => row[c.key])));
  assert.equal(buf.toString('utf8'), expected);
  assert.match(buf.toString('utf8'), /'=HYPERLINK/);
  assert.match(buf.toString('utf8'), /"现场检查, ""引号""\r?\n换行"/);
});

test('an export to a read-only or locked file is explained, and the old file is left alone', async () => {
  const path = join(dir, '只读.xlsx');
  writeFileSync(path, 'old');
  chmodSync(path, 0o444);
  const e = await w.t.fails('ledgers.export', { ledger: 'cases', filter: {}, format: 'xlsx', path });
  assert.equal(e.code, 'FILE_READ_ONLY');
  assert.match(e.message, /只读文件，无法覆盖.*取消“只读”/);
  assert.equal(readFileSync(path, 'utf8'), 'old');
  const missing = await w.t.fails('ledgers.export', { ledger: 'cases', filter: {}, format: 'csv', path: join(dir, 'no-such-folder', 'x.csv') });
  assert.equal(missing.code, 'FOLDER_MISSING');
  const locked = explainWriteError(Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' }), 'D:\\台账\\案件台账.xlsx');
  assert.equal(locked.code, 'FILE_LOCKED');
  assert.match(locked.message, /Excel.*请先关闭该文件/);
  assert.equal(explainWriteError(Object.assign(new Error('x'), { code: 'EPERM' }), 'a.xlsx').code, 'FILE_LOCKED');
  const inside = await w.t.fails('ledgers.export', { ledger: 'cases', filter: {}, format: 'csv', path: join(w.t.dir, 'x.csv') });
  assert.match(inside.message, /不能在数据文件夹内/);
  assert.ok(!existsSync(join(dir, '.~只读.xlsx')));
});

test('annual statistics: figures, hand-entered reconsideration and litigation, .xlsx checked cell by cell', async () => {
  await w.t.call('report.annualManual.save', {
    year: 2026,
    reconsideration: { received: 3, upheld: 2, revoked: 1, changed: 0, confirmedIllegal: 0, other: 0 },
    litigation: { received: 1, upheld: 1, revoked: 0, changed: 0, confirmedIllegal: 0, other: 0 },
    note: '一件复议撤销后已重新作出决定。',
  });
  const bad = await w.t.fails('report.annualManual.save', { year: 2026, reconsideration: { received: 1, upheld: 2, revoked: 0, changed: 0, confirmedIllegal: 0, other: 0 }, litigation: { received: 0, upheld: 0, revoked: 0, changed: 0, confirmedIllegal: 0, other: 0 } });
  assert.equal(bad.code, 'INVALID_INPUT');
  const rep = await w.t.call('report.annual', { year: 2026 });
  const total = rep.byType.find((x) => x.caseType === 'total')!;
  assert.deepEqual([total.opened, total.decided, total.closed, total.fines], [3, 2, 1, 3500.5]);
  assert.equal(rep.byType.find((x) => x.caseType === 'penalty')!.measures.fine, 2);
  assert.equal(rep.disclosures.due, 2);
  assert.equal(rep.disclosures.late, 2);
  assert.equal(rep.deadline, '2027-03-31');
  const path = join(dir, '年报.xlsx');
  const out = await w.t.call('report.annualExport', { year: 2026, path });
  assert.equal(out.totals.opened, 3);
  const wb = await readXlsx(path);
  const main = wb.getWorksheet('按执法类别')!;
  assert.deepEqual((main.getRow(ANNUAL_HEADER_ROW).values as unknown[]).slice(1), ['执法类别', '立案数', '作出决定数', '结案数', '不予处罚数', '罚款金额（元）', '没收金额（元）', '听证数']);
  rep.byType.forEach((x, i) => {
    const row = main.getRow(ANNUAL_HEADER_ROW + 1 + i);
    assert.deepEqual((row.values as unknown[]).slice(1), [x.label, x.opened, x.decided, x.closed, x.noPenalty, x.fines, x.confiscations, x.hearings]);
  });
  const manual = wb.getWorksheet('复议诉讼')!;
  assert.deepEqual((manual.getRow(ANNUAL_HEADER_ROW + 1).values as unknown[]).slice(1), ['收到（受理）', 3, 1]);
  assert.deepEqual((manual.getRow(ANNUAL_HEADER_ROW + 3).values as unknown[]).slice(1), ['撤销', 1, 0]);
  const measures = wb.getWorksheet('处理措施')!;
  assert.equal(measures.getRow(ANNUAL_HEADER_ROW + 2).getCell(1).value, '罚款');
  assert.equal(measures.getRow(ANNUAL_HEADER_ROW + 2).getCell(2).value, 2);
  const notice = await w.t.call('report.annualNotice', { year: 2026 });
  assert.equal(notice.kind, 'annual');
  assert.match(notice.notice.sections[0].text, /共立案 3 件/);
  assert.ok(notice.notice.table.columns.length <= 12);
});

test('the website item goes through the disclosure issue as a draft', async () => {
  const pub = await w.t.user('gongkai', ['publisher']);
  const r = await w.t.call('report.publishAnnual', { year: 2026 }, pub);
  assert.ok(r.disclosureId);
  const item = await w.t.call('disclosure.get', { id: r.disclosureId! }, pub);
  assert.equal(item.kind, 'annual');
  assert.equal(item.state, 'draft');
  assert.equal((await w.t.fails('report.publishAnnual', { year: 2026 }, w.head)).code, 'FORBIDDEN', 'drafting is the publisher’s; the head approves');
});

test('sanxiang report annual --year --out --json prints the totals it wrote', () => {
  const out = join(dir, 'cli年报.xlsx');
  w.t.app.db.pragma('wal_checkpoint(TRUNCATE)');
  const r = spawnSync(process.execPath, [join(process.cwd(), 'cli', 'sanxiang.mjs'), 'report', 'annual', '--year', '2026', '--data', w.t.dir, '--out', out, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const v = JSON.parse(r.stdout.trim().split('\n').pop()!);
  assert.equal(v.out, out);
  assert.equal(v.opened, 3);
  assert.equal(v.fines, 3500.5);
  assert.equal(v.manual.reconsideration.received, 3);
  assert.ok(existsSync(out));
});

test('a long export tells rows done/total and can be cancelled: no file left, an existing file untouched, the next export completes', async () => {
  const big = await supervisionWorld('2026-03-20T10:00:00+08:00');
  const out = join(dir, 'long');
  mkdirSync(out);
  // Downloads are written under the temp folder first: give them one of their own to look into.
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = join(dir, 'tmp');
  mkdirSync(process.env.TMPDIR);
  const actor = { id: big.t.admin.id, username: big.t.admin.username, displayName: big.t.admin.displayName };
  try {
    big.t.app.db.transaction(() => {
      for (let i = 0; i < 2_400; i++) big.media({ fileName: `录像${i}.mp4`, ingestedAt: '2026-03-03T02:00:00.000Z' });
    })();

    // Progress: rows done of the total, every few hundred rows, ending with the file being finished.
    const seen: { line: string; done?: number; total?: number }[] = [];
    const done = await exportLedger(big.t.app, actor, { ledger: 'footage', filter: {}, format: 'xlsx', path: join(out, '音像台账.xlsx') }, { onProgress: (line, d, t) => seen.push({ line, done: d, total: t }) });
    assert.equal(done.rows, 2_400);
    assert.ok(seen.every((s) => s.total === 2_400));
    assert.deepEqual(seen.map((s) => s.done), [0, 500, 1000, 1500, 2000, 2400]);
    assert.equal(seen[1].line, '正在导出：已写入 500 / 2,400 行…');
    assert.equal(seen.at(-1)!.line, '正在生成文件…');

    // Cancelled part way, in both formats, to a chosen path (over an older file) and as a download.
    writeFileSync(join(out, '音像台账.csv'), 'older export');
    const before = readdirSync(out).sort();
    for (const format of ['xlsx', 'csv'] as const) {
      for (const path of [join(out, `音像台账.${format}`), undefined]) {
        const stop = new AbortController();
        const at: number[] = [];
        const e = await exportLedger(big.t.app, actor, { ledger: 'footage', filter: {}, format, path }, {
          signal: stop.signal,
          onProgress: (_line, d) => {
            at.push(d!);
            if (d === 1000) stop.abort();
          },
        }).then(
          () => null,
          (err: Error & { code?: string }) => err,
        );
        assert.equal(e?.code, 'CANCELLED', `${format} ${path ?? '下载'}: ${e?.message}`);
        assert.equal(e?.message, '已取消导出，没有生成新文件。');
        assert.deepEqual(at, [0, 500, 1000], 'stopped at the next batch');
        assert.deepEqual(readdirSync(out).sort(), before, 'no partial file beside the target');
        assert.deepEqual(readdirSync(process.env.TMPDIR), [], 'no partial download left');
      }
    }
    assert.equal(readFileSync(join(out, '音像台账.csv'), 'utf8'), 'older export', 'the older file is untouched');

    // Through the services: the one who started it sees it and may cancel it.
    const progressId = 'ledger-export-1';
    const run = big.t.fails('ledgers.export', { ledger: 'footage', filter: {}, format: 'xlsx', progressId });
    const p = (await big.t.call('supervision.progress', { progressId })).progress;
    assert.ok(p && !p.finished, 'under way');
    assert.equal((await big.t.call('supervision.progress', { progressId }, big.head)).progress, null, 'another user does not see it');
    assert.deepEqual(await big.t.call('supervision.cancel', { progressId }), { cancelled: true });
    assert.equal((await run).code, 'CANCELLED');
    assert.equal((await big.t.call('supervision.progress', { progressId })).progress?.finished, true);
    assert.deepEqual(readdirSync(process.env.TMPDIR), []);

    const again = await big.t.call('ledgers.export', { ledger: 'footage', filter: {}, format: 'csv', path: join(out, '音像台账.csv'), progressId: 'ledger-export-2' });
    assert.equal(again.rows, 2_400);
    assert.equal(readFileSync(join(out, '音像台账.csv'), 'utf8').split('\r\n').length, 2_400 + 2, 'header, rows and the final line break');
    assert.equal((await big.t.call('supervision.progress', { progressId: 'ledger-export-2' })).progress?.done, 2_400);
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    big.t.close();
  }
});
