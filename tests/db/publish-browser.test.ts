import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Browser } from 'playwright-core';
import { parseManifest } from '../../core/disclosure/manifest.js';
import { launchBrowser, newPage, SCREENSHOT_DIR } from '../helpers/browser.js';
import { disclosureWorld, type DisclosureWorld } from '../helpers/disclosure.js';
import { serveFolder, sftpTarget, startSshd, type Sshd } from '../helpers/sshd.js';

let s: Sshd;
let browser: Browser;
before(async () => {
  s = await startSshd();
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => {
  await browser?.close();
  await s?.stop();
});

/** A flowchart drawn by Chromium itself, as the PNG a clerk would upload. */
async function flowchartPng(): Promise<string> {
  const { context, page } = await newPage(browser);
  await page.setViewportSize({ width: 640, height: 420 });
  const box = (t: string) => `<div style="border:2px solid #333;border-radius:6px;padding:8px 18px;margin:6px auto;width:260px;text-align:center;background:#fff">${t}</div><div style="text-align:center">↓</div>`;
  await page.setContent(
    `<body style="margin:0;padding:14px;font:16px 'Noto Sans CJK SC',sans-serif;background:#f7f7f2">${['立案', '调查取证', '审查（法制审核）', '告知与陈述申辩', '作出决定', '送达、执行、结案'].map(box).join('')}</body>`,
  );
  const png = await page.screenshot({ fullPage: true });
  await context.close();
  return png.toString('base64');
}

async function seed(w: DisclosureWorld) {
  const ids: number[] = [];
  ids.push(await w.approved((await w.personCase()).caseId));
  for (let i = 0; i < 23; i++) ids.push(await w.approved((await w.orgCase()).caseId, { decidedOn: `2026-0${1 + (i % 3)}-${String(10 + (i % 15)).padStart(2, '0')}` }));
  const permit = await w.orgCase({ caseType: 'permit', name: '遂宁市林丰苗木专业合作社' });
  const p = await w.t.call(
    'disclosure.createFromCase',
    { caseId: permit.caseId, result: { decisionNo: '遂林许决字〔2026〕第5号', decidedOn: '2026-03-03', category: '林木采伐许可', content: '准予在船山区永兴镇采伐柏木，蓄积12.5立方米。', validUntil: '2026-12-31' } },
    w.officer,
  );
  const notices: { kind: 'roster' | 'guide' | 'channels' | 'flowchart' | 'annual' | 'powers'; title: string; notice?: object; image?: object }[] = [
    { kind: 'roster', title: '遂宁市林业局行政执法人员名单' },
    {
      kind: 'guide',
      title: '林木采伐许可证核发服务指南',
      notice: {
        sections: [
          { heading: '设定依据', text: '《中华人民共和国森林法》第五十六条。' },
          { heading: '申请条件', text: '采伐林木的单位或者个人，应当申请采伐许可证。' },
          { heading: '办理时限', text: '法定时限二十个工作日，承诺时限五个工作日。' },
          { heading: '收费标准', text: '不收费。' },
        ],
      },
    },
    { kind: 'channels', title: '行政执法投诉举报渠道', notice: { sections: [{ heading: '投诉举报电话', text: '0825-2222110（工作日 9:00—17:00）' }] } },
    { kind: 'flowchart', title: '行政处罚一般程序流程图', notice: { imageAlt: '行政处罚一般程序：立案、调查取证、审查、告知、决定、送达执行' }, image: { fileName: '流程图.png', base64: await flowchartPng() } },
    {
      kind: 'annual',
      title: '2025年度行政执法数据统计',
      notice: { table: { caption: '2025年度行政执法数据', columns: ['执法类别', '办件数量', '罚没金额（元）'], rows: [['行政处罚', '126', '384500.00'], ['行政许可', '342', '0'], ['行政检查', '518', '0']] } },
    },
  ];
  const all = [p.id];
  for (const n of notices) all.push((await w.t.call('disclosure.createNotice', n as never, w.officer)).id);
  for (const id of all) {
    await w.t.call('disclosure.submit', { id }, w.officer);
    await w.t.call('disclosure.approve', { id }, w.publisher2);
  }
  return ids;
}

test('the published site opens in Chromium with working links and search', async () => {
  const w = await disclosureWorld();
  const ids = await seed(w);
  const target = sftpTarget(s, 'browser');
  const saved = await w.t.call('publish.targets.save', { name: 'web', kind: 'sftp', host: target.host, port: target.port, username: target.username, remoteDir: target.remoteDir, hostKey: s.hostKeyFingerprint, privateKey: s.clientKey });
  const run = await w.t.call('publish.run', { targetId: saved.id, wait: true }, w.publisher);
  assert.equal(run.state, 'done', JSON.stringify(run.error));
  const root = join(target.remoteDir, 'current');
  const site = await serveFolder(root);
  try {
    // Every link and image of every page points at a file of the release.
    const m = parseManifest(readFileSync(join(root, '.manifest.json'), 'utf8'))!;
    let links = 0;
    for (const path of [...m.files.keys()].filter((p) => p.endsWith('.html'))) {
      const html = readFileSync(join(root, path), 'utf8');
      assert.match(html, /<html lang="zh-CN">/);
      assert.equal((html.match(/<h1[ >]/g) ?? []).length, 1, `${path} has one h1`);
      for (const [, href] of html.matchAll(/(?:href|src)="([^"#?]+)/g)) {
        const target = posix.normalize(posix.join(posix.dirname(path), href));
        assert.ok(m.files.has(target), `${path} → ${href} exists`);
        links++;
      }
    }
    assert.ok(links > 200);

    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(site.url)) errors.push(`external request ${r.url()}`);
    });
    await page.goto(site.url);
    assert.match(await page.title(), /首页 - 遂宁市林业局行政执法公示/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-home.png'), fullPage: true });

    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '行政处罚' }).click();
    await page.getByRole('link', { name: '2026年' }).click();
    assert.match(await page.locator('h1').innerText(), /行政处罚信息（2026年）/);
    assert.equal(await page.locator('table.list tbody tr').count(), 20, 'twenty per page');
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '2', exact: true }).click();
    assert.equal(await page.locator('table.list tbody tr').count(), 4);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '上一页' }).click();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-list.png'), fullPage: true });

    const person = await w.t.call('disclosure.get', { id: ids[0] }, w.publisher);
    await page.goto(new URL(person.sitePath, site.url).href);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('张某某') && !text.includes('张三丰') && !text.includes('13812345678'));
    assert.ok(await page.locator('table.detail th[scope="row"]').count() >= 10);
    const pdf = await page.getByRole('link', { name: /下载公开版决定书/ }).getAttribute('href');
    const res = await page.request.get(new URL(pdf!, page.url()).href);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-detail.png'), fullPage: true });

    await page.goto(`${site.url}search.html?q=${encodeURIComponent('张某某 罚')}`);
    await page.locator('#results ul.results li').first().waitFor();
    assert.match(await page.locator('#results .count').innerText(), /共找到 1 条信息/);
    await page.fill('#q', '木业');
    await page.selectOption('#kind', 'penalty');
    await page.click('#search-form button');
    assert.match(await page.locator('#results .count').innerText(), /共找到 23 条信息/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-search.png'), fullPage: true });
    await page.locator('#results ul.results li a').first().click();
    await page.waitForURL(/penalty\/2026\/\d+\.html$/);
    await page.goto(`${site.url}search.html?q=${encodeURIComponent('张三丰')}`);
    await page.locator('#results .count').waitFor();
    assert.match(await page.locator('#results .count').innerText(), /共找到 0 条信息/, 'the original name is nowhere');

    await page.goto(`${site.url}before/index.html`);
    assert.ok((await page.locator('main').innerText()).includes('执法人员名单'));
    await page.getByRole('link', { name: '遂宁市林业局行政执法人员名单' }).click();
    assert.ok((await page.locator('table.grid').innerText()).includes('王建国'));
    await page.goto(`${site.url}before/index.html`);
    await page.getByRole('link', { name: '行政处罚一般程序流程图' }).click();
    const img = page.locator('figure img');
    assert.ok(await img.evaluate((i) => (i as unknown as { complete: boolean; naturalWidth: number }).complete && (i as unknown as { naturalWidth: number }).naturalWidth > 100));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-flowchart.png'), fullPage: true });
    await page.goto(`${site.url}before/index.html`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-before.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await site.close();
    w.t.close();
  }
});
