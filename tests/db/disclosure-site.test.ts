import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../core/app.js';
import { finalCheck } from '../../core/disclosure/final-check.js';
import { makeManifest } from '../../core/disclosure/manifest.js';
import { extractPdfText } from '../../core/disclosure/pdf-text.js';
import { buildSite, buildSiteWithIndex } from '../../core/disclosure/site/build.js';
import { loadSiteContent } from '../../core/disclosure/site-content.js';
import { prepare } from '../../core/publish/publish-run.js';
import { disclosureWorld, PARTY_ID, WITNESS } from '../helpers/disclosure.js';

test('the site build is byte-identical for the same data, also after reopening the data folder', async () => {
  const w = await disclosureWorld();
  for (let i = 0; i < 3; i++) await w.approved((await w.orgCase()).caseId);
  await w.approved((await w.personCase()).caseId);
  const l1 = loadSiteContent(w.t.app);
  const a = buildSite(l1.content, l1.read);
  const b = buildSite(loadSiteContent(w.t.app).content, l1.read);
  assert.ok([...a.keys()].some((p) => p.endsWith('.pdf')), 'attachments included');
  assert.equal(makeManifest(a).sha256, makeManifest(b).sha256);
  w.t.app.close();
  const again = openApp({ dataDir: w.t.dir });
  const l2 = loadSiteContent(again);
  const c = buildSite(l2.content, l2.read);
  assert.deepEqual([...c.keys()].sort(), [...a.keys()].sort());
  for (const [p, data] of a) assert.ok(data.equals(c.get(p)!), `${p} identical`);
  const html = a.get('index.html')!.toString('utf8');
  assert.ok(!/\d{2}:\d{2}:\d{2}|T\d{2}:\d{2}/.test(html), 'no timestamps in pages');
  again.close();
});

test('the final check refuses a page with a leaked ID number, naming the item and the finding', async () => {
  const w = await disclosureWorld();
  const id = await w.approved((await w.personCase()).caseId);
  const loaded = loadSiteContent(w.t.app);
  const built = buildSiteWithIndex(loaded.content);
  const items = new Map([...loaded.items].map(([s, v]) => [s, { options: v.options, title: v.title }]));
  const ok = finalCheck(w.t.app, { files: built.files, attachments: built.attachments, read: loaded.read, itemsOf: built.itemsOf, items, siteOptions: loaded.siteOptions }, 'x');
  assert.equal(ok.ok, true, JSON.stringify(ok.problems));
  const page = [...built.files.keys()].find((p) => p.endsWith(`/${loaded.content.items[0].seriesId}.html`))!;
  const leaked = new Map(built.files);
  leaked.set(page, Buffer.from(built.files.get(page)!.toString('utf8').replace('5****************8', PARTY_ID)));
  leaked.set('items.json', Buffer.from(built.files.get('items.json')!.toString('utf8').replace('"张某某', `"张三丰`)));
  const bad = finalCheck(w.t.app, { files: leaked, itemsOf: built.itemsOf, items, siteOptions: loaded.siteOptions }, 'x');
  assert.equal(bad.ok, false);
  assert.deepEqual(
    bad.problems.map((p) => [p.path, p.kind, p.text]),
    [
      [page, 'id-number', PARTY_ID],
      ['items.json', 'person-name', '张三丰'],
    ],
  );
  assert.equal(bad.problems[0].title, '张某某滥伐林木案行政处罚决定');
  assert.equal(ok.checked + ok.cached, built.files.size + built.attachments.size);
  assert.equal(ok.cached, 1, 'the PDF was checked at approval');
  const cached = finalCheck(w.t.app, { files: built.files, attachments: built.attachments, read: loaded.read, itemsOf: built.itemsOf, items, siteOptions: loaded.siteOptions }, 'x');
  assert.equal(cached.checked, 0, 'unchanged files are not checked again');

  // Content changed behind the program's back is refused, not published. (A running program
  // keeps publishing the version it verified; a newly opened one refuses the changed row.)
  w.t.app.db.prepare(`UPDATE disclosure_items SET public_content = replace(public_content, '张某某', '张三丰') WHERE id = ?`).run(id);
  const cachedRun = prepare(w.t.app, 'sftp', 'x');
  assert.ok(!cachedRun.built.files.get(page)!.toString('utf8').includes('张三丰'), 'the verified content, not the changed row');
  w.t.app.close();
  const reopened = openApp({ dataDir: w.t.dir });
  assert.throws(() => prepare(reopened, 'sftp', 'x'), (e: Error & { code?: string }) => e.code === 'CONTENT_TAMPERED');
  reopened.close();
  w.t.close();
});

test('the public PDF is regenerated from the redacted text; its own bytes read back clean', async () => {
  const w = await disclosureWorld();
  const c = await w.personCase();
  const full = `遂林罚决字〔2026〕第7号\n当事人：张三丰，男，公民身份号码${PARTY_ID}，住址：四川省遂宁市船山区永兴镇石洞村5组12号，联系电话13812345678。\n证人${WITNESS}证实，当事人擅自采伐柏木13株。`;
  const id = await w.approved(c.caseId, { fullText: full });
  const item = await w.t.call('disclosure.get', { id }, w.publisher);
  const loaded = loadSiteContent(w.t.app);
  const content = loaded.content.items.find((i) => i.seriesId === item.seriesId)!;
  const pdf = loaded.read(content.pdf!.sha256);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const read = extractPdfText(pdf);
  for (const secret of [PARTY_ID, '13812345678', '张三丰', WITNESS, '5组12号']) assert.ok(!read.text.includes(secret), `${secret} not in the PDF`);
  assert.ok(read.text.includes('张某某') && read.text.includes('5****************8') && read.text.includes('李某'));
  const tool = spawnSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
  if (tool.status === 0) {
    const squash = (s: string) => s.replace(/\s+/g, '');
    assert.equal(squash(read.text), squash(tool.stdout), 'our reader agrees with pdftotext');
  }
  w.t.close();
});

test('folder target: same release layout, atomic switch, nothing re-sent when unchanged; CMS package is a stable zip', async () => {
  const w = await disclosureWorld();
  for (let i = 0; i < 2; i++) await w.approved((await w.orgCase()).caseId);
  const folder = mkdtempSync(join(tmpdir(), 'sanxiang-share-'));
  const t = await w.t.call('publish.targets.save', { name: 'U盘', kind: 'folder', folderPath: folder });
  const r1 = await w.t.call('publish.run', { targetId: t.id, wait: true }, w.publisher);
  assert.equal(r1.state, 'done', JSON.stringify(r1.error));
  assert.equal(readlinkSync(join(folder, 'current')), `releases/${r1.result!.release}`);
  assert.ok(statSync(join(folder, 'current', 'index.html')).isFile());
  const r2 = await w.t.call('publish.run', { targetId: t.id, wait: true }, w.publisher);
  assert.equal(r2.result!.uploaded, 0);

  const out = mkdtempSync(join(tmpdir(), 'sanxiang-cms-'));
  const cms = await w.t.call('publish.targets.save', { name: '县门户', kind: 'cms', folderPath: out });
  const p1 = (await w.t.call('publish.run', { targetId: cms.id, wait: true }, w.publisher)).result!;
  assert.match(p1.output!, /行政执法公示导入包-[0-9a-f]{20}\.zip$/);
  const zip = readFileSync(p1.output!);
  const list = spawnSync('python3', ['-c', 'import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);assert z.testzip() is None;print("\\n".join(z.namelist()))', p1.output!], { encoding: 'utf8' });
  if (list.status === 0) {
    const names = list.stdout.trim().split('\n');
    assert.ok(names.includes('index.json') && names.includes('README.txt'));
    assert.equal(names.filter((n) => /^items\/\d+\.html$/.test(n)).length, 2);
    assert.equal(names.filter((n) => /^items\/\d+\.pdf$/.test(n)).length, 2);
  }
  const p2 = (await w.t.call('publish.run', { targetId: cms.id, wait: true }, w.publisher)).result!;
  assert.equal(p2.output, p1.output);
  assert.ok(readFileSync(p2.output!).equals(zip), 'same content, same package');

  // A PDF changed in the vault after approval is caught when it is about to be sent.
  const id = await w.approved((await w.orgCase()).caseId);
  const sha = (w.t.app.db.prepare('SELECT pdf_sha256 AS s FROM disclosure_items WHERE id = ?').get(id) as { s: string }).s;
  const file = w.t.app.vault.pathOf(sha);
  chmodSync(file, 0o644);
  writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('%tampered')]));
  const r3 = await w.t.call('publish.run', { targetId: t.id, wait: true }, w.publisher);
  assert.equal(r3.error?.code, 'CONTENT_TAMPERED');
  assert.equal(readlinkSync(join(folder, 'current')), `releases/${r1.result!.release}`, 'live folder untouched');
  w.t.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

test('publish targets keep secrets encrypted at rest; the key file is private', async () => {
  const w = await disclosureWorld();
  const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-key\n-----END OPENSSH PRIVATE KEY-----\n';
  const bad = await w.t.fails('publish.targets.save', { name: 'x', kind: 'sftp', host: '127.0.0.1', username: 'www', remoteDir: '/srv/www', privateKey: key });
  assert.equal(bad.code, 'KEY_INVALID');
  const t = await w.t.call('publish.targets.save', { name: '网站', kind: 'sftp', host: '127.0.0.1', port: 2222, username: 'www', remoteDir: '/srv/www/zfgs', auth: 'password', password: 'S3cret-口令' });
  assert.equal(t.hasSecret, true);
  assert.ok(!JSON.stringify(await w.t.call('publish.targets.list', {})).includes('S3cret'));
  const row = w.t.app.db.prepare('SELECT secret FROM publish_targets WHERE id = ?').get(t.id) as { secret: string };
  assert.match(row.secret, /^v1:/);
  assert.ok(!row.secret.includes('S3cret'));
  const audit = w.t.app.db.prepare(`SELECT summary FROM audit_log WHERE operation = 'publish.targets.save'`).all() as { summary: string }[];
  assert.ok(audit.every((a) => !a.summary.includes('S3cret')), 'never in the audit trail');
  if (process.platform !== 'win32') assert.equal(statSync(join(w.t.dir, 'secrets.key')).mode & 0o777, 0o600);
  writeFileSync(join(w.t.dir, 'secrets.key'), Buffer.alloc(32, 7).toString('base64'));
  const run = await w.t.call('publish.run', { targetId: t.id, wait: true }, w.publisher).catch((e) => e.appError);
  assert.equal(run.code, 'SECRET_UNREADABLE', 'a different key cannot decrypt');
  w.t.close();
});

test('the in-app preview shows the page as published, style inlined', async () => {
  const w = await disclosureWorld();
  const c = await w.personCase();
  const d = await w.t.call('disclosure.createFromCase', { caseId: c.caseId, otherPersonNames: [WITNESS], result: { decisionNo: '遂林罚决字〔2026〕第5号' } }, w.officer);
  const p = await w.t.call('disclosure.preview', { id: d.id }, w.officer);
  assert.match(p.html, /<style>/);
  assert.ok(!p.html.includes('site.css'));
  assert.ok(p.html.includes('张某某') && !p.html.includes(PARTY_ID));
  assert.equal(p.path, `penalty/2026/${d.seriesId}.html`);
  w.t.close();
});
