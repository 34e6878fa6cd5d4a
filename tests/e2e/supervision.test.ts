// Supervision (issue 7) e2e: a bureau where most 工作台 alerts fire; every alert card lands on the
// list that shows exactly its rows (or its items, where the user cannot open that list); the ledgers
// export files that re-read; a closed case is archived from its page and its package verified (and
// a changed byte found); the annual statistics are filled in, exported and drafted for the website;
// a backup runs from the settings screen and is restored into a new folder. Every screen is captured, and the print views as PDF pages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { authenticate } from '../../core/accounts/login.js';
import type { SessionUser } from '../../core/accounts/sessions.js';
import { dispatch } from '../../core/dispatch.js';
import { todayLocal } from '../../shared/logic/calendar.js';
import { verifyArchive } from '../../core/supervision/archive/verify.js';
import type { Alert, AlertsResult, ArchiveCreateResult, LedgerPage } from '../../shared/supervision-types.js';
import { collectPageErrors, launchBrowser, newPage, openUi, SCREENSHOT_DIR, screenshot, startTestApp, type TestApp } from '../helpers/browser.js';
import { seedAlertScene, testClock, type AlertScene } from '../helpers/supervision.js';
import { ADMIN, login, pickOption, seedBureau } from './support.js';

let browser: Browser;
let t: TestApp;
let scene: AlertScene;
let scratch: string;
const today = todayLocal();

async function api<T>(op: string, input: unknown, user: SessionUser): Promise<T> {
  const r = await dispatch(t.app, op, input, { user });
  if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

before(async () => {
  browser = await launchBrowser();
  const clock = testClock(`${today}T10:00:00+08:00`);
  t = await startTestApp({ now: clock.now });
  await seedBureau(t.app);
  scene = await seedAlertScene(t.app, clock, authenticate(t.app, ADMIN.username, ADMIN.password).user, today);
  scratch = mkdtempSync(join(tmpdir(), 'sanxiang-supervision-e2e-'));
});
after(async () => {
  await browser?.close();
  await t?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const closeNotifications = (page: Page) => page.evaluate(() => {
  for (const b of (globalThis as unknown as { document: { querySelectorAll(s: string): { click(): void }[] } }).document.querySelectorAll('.ant-notification-notice-close')) b.click();
});

interface Session {
  page: Page;
  origin: string;
  errors: string[];
  close(): Promise<void>;
  go(hash: string): Promise<void>;
}

/** Signs in; unless `keepNotices`, waits for the alert notifications of a head or admin and closes them. */
async function signIn(username: string, password: string, keepNotices = false): Promise<Session> {
  const { context, page } = await newPage(browser);
  page.setDefaultTimeout(20_000);
  const errors = collectPageErrors(page);
  await openUi(page, t);
  await login(page, username, password);
  await page.getByRole('menu', { name: '主导航' }).waitFor();
  const origin = new URL(page.url()).origin;
  if (!keepNotices && ['juzhang', ADMIN.username].includes(username)) {
    await page.locator('.ant-notification-notice').first().waitFor();
    await closeNotifications(page);
    await page.locator('.ant-notification-notice').first().waitFor({ state: 'detached' });
  }
  return {
    page,
    origin,
    errors,
    close: () => context.close(),
    async go(hash: string) {
      await page.goto(`${origin}/#${hash}`);
    },
  };
}

/** The number in "共 N 件/条" of the screen's title row. */
async function titleTotal(page: Page, unit: '件' | '条'): Promise<number> {
  const sub = page.locator('h4 + span', { hasText: new RegExp(`共 \\d+ ${unit}`) }).first();
  await sub.waitFor();
  return Number(/共 (\d+)/.exec((await sub.textContent()) ?? '')![1]);
}

const cardName = (a: Alert) => `${a.title}，${a.count} 项`;

/** Clicks an alert card on the 工作台 and checks where it lands shows the alert's rows. */
async function followAlert(s: Session, a: Alert, canOpen: (a: Alert) => boolean, shot?: string): Promise<void> {
  try {
    await landOn(s, a, canOpen, shot);
  } catch (e) {
    await screenshot(s.page, `70-failed-${a.id}`);
    throw e;
  }
}

async function landOn(s: Session, a: Alert, canOpen: (a: Alert) => boolean, shot?: string): Promise<void> {
  const { page } = s;
  await s.go('/');
  await page.getByRole('heading', { name: '工作台' }).waitFor();
  const card = page.getByRole('button', { name: cardName(a) });
  await card.waitFor();
  await closeNotifications(page);
  await card.click();
  if (!canOpen(a)) {
    const drawer = page.getByRole('dialog').filter({ hasText: a.title });
    await drawer.getByText(`${a.count} 项`).first().waitFor();
    await drawer.getByText(a.title).first().waitFor();
    assert.equal(await drawer.locator('.ant-list-item').count(), Math.min(a.count, 20), `${a.id}: the drawer lists its items`);
    if (shot) await screenshot(page, shot);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    return;
  }
  const hash = () => decodeURIComponent(new URL(page.url()).hash);
  switch (a.link.page) {
    case 'cases':
      await page.waitForURL(/#\/cases\?/);
      for (const [k, v] of Object.entries(a.link.filter)) assert.ok(hash().includes(`${k}=${v === true ? '1' : v}`), `${a.id}: ${k} in ${hash()}`);
      assert.equal(await titleTotal(page, '件'), a.count, `${a.id}: the case list shows its cases`);
      break;
    case 'ledger':
      await page.waitForURL(/#\/ledgers/);
      for (const [k, v] of Object.entries(a.link.filter)) if (k !== 'ledger' || v !== 'cases') assert.ok(hash().includes(`${k}=${v === true ? '1' : v}`), `${a.id}: ${k} in ${hash()}`);
      assert.equal(await titleTotal(page, '条'), a.count, `${a.id}: the ledger shows its rows`);
      break;
    case 'reviews':
      await page.waitForURL(/#\/review\?tab=overdue/);
      await page.locator('.ant-tabs-tab-active', { hasText: '超期审核事项' }).waitFor();
      await page.locator('.ant-table-tbody tr[data-row-key]').first().waitFor();
      assert.equal(await page.locator('.ant-table-tbody tr[data-row-key]').count(), a.count, `${a.id}: the overdue reviews`);
      break;
    case 'officers':
      await page.waitForURL(/#\/settings\?tab=officers&certificate=/);
      await page.locator('.ant-table-tbody tr[data-row-key]').first().waitFor();
      assert.equal(await page.locator('.ant-table-tbody tr[data-row-key]').count(), a.count, `${a.id}: the officers with that certificate state`);
      break;
    case 'settings':
    case 'backup':
      await page.waitForURL(/#\/settings\?tab=backup/);
      await page.getByText('备份设置', { exact: true }).waitFor();
      break;
    case 'media':
      if (a.link.filter.tab === 'vault') {
        await page.waitForURL(/#\/media\?tab=vault$/);
        await page.getByText('证据库完整性校验', { exact: true }).waitFor();
        await page.getByText('证据库尚未校验过').waitFor();
        break;
      }
      await page.waitForURL(/#\/media\?/);
      assert.ok(hash().includes('tab=library') && hash().includes('annotated=no') && hash().includes('stale=1'), hash());
      await page.getByText(/正在查看：导入超过 \d+ 天仍未标注/).waitFor();
      await page.locator('.ant-table-tbody tr[data-row-key]').first().waitFor();
      assert.equal(await page.locator('.ant-table-tbody tr[data-row-key]').count(), a.count, `${a.id}: the unannotated footage`);
      break;
    default:
      assert.fail(`${a.id}: unexpected landing ${a.link.page}`);
  }
  if (shot) await screenshot(page, shot);
}

test('每个预警卡片都落到能处理它的已筛选列表（负责人、管理员），待办和站内通知', { timeout: 240_000 }, async () => {
  const alerts = (await api<AlertsResult>('dashboard.alerts', {}, scene.head)).alerts;
  const ids = alerts.map((a) => a.id);
  for (const id of ['cases.overdue', 'cases.unarchived', 'disclosures.late', 'reviews.overdue', 'certificates.expired', 'certificates.expiring', 'footage.missing', 'footage.unannotated', 'devices.notOffloaded', 'backup.notConfigured', 'vault.unverified']) {
    assert.ok(ids.includes(id), `${id} fires (got ${ids.join(', ')})`);
  }

  const head = await signIn('juzhang', scene.password, true);
  try {
    // The alerts are announced in the page (no desktop shell here).
    await head.page.locator('.ant-notification-notice').first().waitFor();
    await head.page.getByRole('button', { name: cardName(alerts[0]) }).waitFor();
    await screenshot(head.page, '70-01-dashboard-head');
    const mediaNav = (await head.page.getByRole('menuitem', { name: '音视频' }).count()) > 0;
    // What a head may open: cases, ledgers, 法制审核 (overdue), 公示, 音像记录; not 设置 (officers, backup) nor 证据库.
    const headOpens = (a: Alert) =>
      ['cases', 'ledger', 'reviews', 'disclosures'].includes(a.link.page) || (a.link.page === 'media' && mediaNav && a.link.filter.tab !== 'vault');
    let n = 2;
    for (const a of alerts) {
      await followAlert(head, a, headOpens, `70-${String(n++).padStart(2, '0')}-alert-${a.id.replace('.', '-')}`);
    }
    assert.deepEqual(head.errors, [], 'no console errors');
  } finally {
    await head.close();
  }

  const admin = await signIn(ADMIN.username, ADMIN.password);
  try {
    await admin.page.getByRole('heading', { name: '工作台' }).waitFor();
    const adminOpens = () => true;
    for (const a of alerts.filter((x) => ['certificates.expired', 'certificates.expiring', 'backup.notConfigured'].includes(x.id))) {
      await followAlert(admin, a, adminOpens, `70-2${a.id === 'certificates.expired' ? 1 : a.id === 'certificates.expiring' ? 2 : 3}-admin-${a.id.replace('.', '-')}`);
    }
    // The admin opens the 证据库 tab the head may not.
    await followAlert(admin, alerts.find((x) => x.id === 'vault.unverified')!, adminOpens, '70-23b-admin-vault-unverified');
    // The admin's to-do holds the same certificate and backup items.
    await admin.go('/');
    await admin.page.getByRole('listitem', { name: /尚未设置备份位置/ }).waitFor();
    await screenshot(admin.page, '70-24-dashboard-admin');
    assert.deepEqual(admin.errors, [], 'no console errors');
  } finally {
    await admin.close();
  }

  // The officer: no alerts, a personal to-do; 待归档 lands on their closed cases.
  const officer = await signIn('zhifa', scene.password);
  try {
    await officer.page.getByRole('heading', { name: '工作台' }).waitFor();
    assert.equal(await officer.page.getByText('预警', { exact: true }).count(), 0, 'officers do not see the bureau alerts');
    const toArchive = officer.page.getByRole('listitem', { name: /我承办的案件已结案，待归档，1 项/ });
    await toArchive.waitFor();
    await screenshot(officer.page, '70-25-dashboard-officer');
    await toArchive.click();
    await officer.page.waitForURL(/#\/cases\?.*stage=closing/);
    assert.equal(await titleTotal(officer.page, '件'), 1);
    await officer.page.getByRole('cell', { name: scene.closedCase.caseNo }).waitFor();
    assert.deepEqual(officer.errors, [], 'no console errors');
  } finally {
    await officer.close();
  }
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(scratch, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), file };
}

/** Prints the page to PDF (A4, print CSS) and renders its pages to PNG next to the screenshots. */
async function printToPng(page: Page, name: string, landscape = false): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const pdf = join(scratch, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true, landscape });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(SCREENSHOT_DIR, name)]);
  const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/);
  return Array.from({ length: Number(pages?.[1] ?? 1) }, (_, i) => join(SCREENSHOT_DIR, `${name}-${i + 1}.png`));
}

test('台账：各台账、筛选、导出 Excel/CSV（重新读取核对）、保存到只读文件的中文提示、打印、长导出的进度与取消', { timeout: 240_000 }, async () => {
  const s = await signIn('juzhang', scene.password);
  const { page } = s;
  try {
    await page.getByRole('menuitem', { name: '台账' }).click();
    await page.getByRole('tab', { name: '行政执法案件台账' }).waitFor();
    const all = await titleTotal(page, '条');
    assert.equal(all, (await api<LedgerPage>('ledgers.query', { ledger: 'cases', filter: {}, page: 1, pageSize: 20 }, scene.head)).total);
    await screenshot(page, '71-01-ledger-cases');
    const tabs = ['重大执法决定法制审核台账', '行政执法公示台账', '执法音像记录台账', '执法记录仪导出记录', '执法记录仪导出情况'];
    for (const [i, name] of tabs.entries()) {
      await page.getByRole('tab', { name }).click();
      await page.locator('.ant-tabs-tab-active', { hasText: name }).waitFor();
      await page.locator('h4 + span', { hasText: `${name}，共` }).waitFor();
      await screenshot(page, `71-0${i + 2}-ledger-${i + 2}`);
    }

    // Filter the case ledger to inspections: the URL carries it, the table shows only those.
    await page.getByRole('tab', { name: '行政执法案件台账' }).click();
    await page.getByLabel('执法类别').click();
    await pickOption(page, '行政检查');
    await page.waitForURL(/caseType=inspection/);
    const expected = await api<LedgerPage>('ledgers.query', { ledger: 'cases', filter: { caseType: 'inspection' }, page: 1, pageSize: 20 }, scene.head);
    // The total shown before the filtered rows arrive is the unfiltered one: wait for the filtered count.
    await page.locator('h4 + span', { hasText: new RegExp(`共 ${expected.total} 条`) }).first().waitFor();
    assert.equal(await titleTotal(page, '条'), expected.total);
    await page.getByRole('cell', { name: scene.closedCase.caseNo }).waitFor();

    // Excel: the same rows and headers, the first row frozen, the filter written on the 说明 sheet.
    await page.getByRole('button', { name: /导出/ }).click();
    const xlsx = await download(page, () => page.getByText('下载 Excel 文件（.xlsx）').click());
    assert.match(xlsx.name, /^行政执法案件台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.file);
    const ws = wb.worksheets[0];
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), expected.columns.map((c) => c.header));
    assert.equal(ws.actualRowCount - 1, expected.total);
    const caseNoCol = expected.columns.findIndex((c) => c.key === 'caseNo') + 1;
    assert.equal(ws.getRow(2).getCell(caseNoCol).value, expected.rows[0].caseNo);
    assert.equal(ws.views[0]?.state, 'frozen');
    const info = wb.getWorksheet('说明')!;
    const infoText = JSON.stringify(info.getSheetValues());
    assert.match(infoText, /类别：行政检查/);
    assert.match(infoText, /刘局长/);

    // CSV: UTF-8 with a BOM, a header line and one line per row.
    await page.getByRole('button', { name: /导出/ }).click();
    const csv = await download(page, () => page.getByText('下载 CSV 文件（.csv，UTF-8）').click());
    const bytes = readFileSync(csv.file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    assert.equal(lines.length, expected.total + 1);
    assert.ok(lines[0].startsWith('案件编号,'));

    // Saving over a read-only file is explained in Chinese; another name works.
    const locked = join(scratch, '只读台账.xlsx');
    writeFileSync(locked, 'old');
    chmodSync(locked, 0o444);
    await page.getByRole('button', { name: /导出/ }).click();
    await page.getByText('保存到本机指定位置…').click();
    const dialog = page.getByRole('dialog', { name: '保存到本机指定位置' });
    await dialog.getByLabel('保存为（完整路径）').fill(locked);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText(/是只读文件，无法覆盖/).waitFor();
    await screenshot(page, '71-07-ledger-save-readonly');
    assert.equal(readFileSync(locked, 'utf8'), 'old', 'the read-only file is untouched');
    const target = join(scratch, '检查台账.xlsx');
    await dialog.getByLabel('保存为（完整路径）').fill(target);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已保存到 ${target}`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(existsSync(target));

    // Print: the ledger on landscape pages, without the navigation.
    const pngs = await printToPng(page, '71-08-ledger-print');
    assert.ok(pngs.every((p) => existsSync(p)));

    // A row opens its case.
    await page.getByRole('cell', { name: scene.closedCase.caseNo }).click();
    await page.waitForURL(new RegExp(`#/cases/${scene.closedCase.id}$`));

    // A long export (50,000 more footage rows, annotated so no alert changes) shows rows done of the
    // total with 取消 and completes; cancelled, it leaves no file.
    t.app.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
         INSERT INTO media_items (sha256, size, kind, file_name, ext, device_serial, recorded_at, ingested_at, ingested_by_name, duration_ms, annotated_at, matter, proof, place)
         SELECT printf('%064x', 7000000 + i), 1000, 'video', printf('DSJ900_%06d.mp4', i), 'mp4', 'DSJ900', @at, @at, '王建国', 60000, @at, '', '现场情况', '永兴镇' FROM n`,
      )
      .run({ at: new Date().toISOString() });
    await s.go('/ledgers?ledger=footage');
    const footage = await api<LedgerPage>('ledgers.query', { ledger: 'footage', filter: {}, page: 1, pageSize: 20 }, scene.head);
    assert.ok(footage.total > 50_000);
    await page.locator('h4 + span', { hasText: `执法音像记录台账，共 ${footage.total} 条` }).waitFor();
    const shown = footage.total.toLocaleString('en-US');
    await page.getByRole('button', { name: /导出/ }).click();
    const [long] = await Promise.all([
      download(page, async () => {
        await page.getByText('下载 Excel 文件（.xlsx）').click();
        const progress = page.getByRole('dialog', { name: /^正在导出“执法音像记录台账_\d{4}-\d{2}-\d{2}\.xlsx”$/ });
        await progress.getByText(new RegExp(`^正在导出：已写入 [\\d,]+ / ${shown} 行…$`)).waitFor();
        await screenshot(page, '71-09-ledger-export-progress');
        await progress.waitFor({ state: 'hidden', timeout: 120_000 });
      }),
      page.getByText(new RegExp(`已导出“执法音像记录台账_.*\\.xlsx”（${footage.total.toLocaleString('zh-CN')} 行，`)).waitFor({ timeout: 120_000 }),
    ]);
    const longWb = new ExcelJS.Workbook();
    await longWb.xlsx.readFile(long.file);
    assert.equal(longWb.worksheets[0].actualRowCount - 1, footage.total, 'every row exported');

    await page.getByRole('button', { name: /导出/ }).click();
    await page.getByText('保存到本机指定位置…').click();
    const saveLong = page.getByRole('dialog', { name: '保存到本机指定位置' });
    const longTarget = join(scratch, '音像台账.xlsx');
    await saveLong.getByLabel('保存为（完整路径）').fill(longTarget);
    await saveLong.getByRole('button', { name: '保存' }).click();
    await saveLong.getByText(new RegExp(`^正在导出：已写入 [\\d,]+ / ${shown} 行…$`)).waitFor();
    // At once: the export takes a few seconds.
    await saveLong.getByRole('button', { name: '取消' }).click();
    await saveLong.getByText('已取消导出，没有生成新文件。').waitFor({ timeout: 60_000 });
    await screenshot(page, '71-10-ledger-export-cancelled');
    assert.ok(!existsSync(longTarget), 'no file');
    assert.deepEqual(readdirSync(scratch).filter((n) => n.endsWith('.partial')), [], 'no partial file');
    await saveLong.getByRole('button', { name: '取消' }).click();
    await saveLong.waitFor({ state: 'hidden' });
    assert.deepEqual(s.errors, [], 'no console errors');
  } finally {
    await s.close();
  }
});

test('归档：从预警进入已结案案件，生成案卷包并校验；改动一个字节后校验失败；案卷封面打印', { timeout: 240_000 }, async () => {
  const alerts = (await api<AlertsResult>('dashboard.alerts', {}, scene.head)).alerts;
  const unarchived = alerts.find((a) => a.id === 'cases.unarchived')!;
  const s = await signIn('juzhang', scene.password);
  const { page } = s;
  try {
    await followAlert(s, unarchived, () => true);
    await page.getByRole('cell', { name: scene.closedCase.caseNo }).click();
    await page.waitForURL(new RegExp(`#/cases/${scene.closedCase.id}$`));
    await page.getByRole('heading', { name: scene.closedCase.caseNo }).waitFor();
    assert.equal(await page.getByRole('button', { name: '推进环节' }).count(), 0, 'after 结案 the next step is 归档');
    await screenshot(page, '72-01-case-closed');

    await page.getByRole('button', { name: /^(inbox )?归档$/ }).click();
    const dialog = page.getByRole('dialog', { name: `归档 — ${scene.closedCase.caseNo}` });
    await dialog.getByText('将生成案卷包').waitFor();
    await screenshot(page, '72-02-archive-dialog');
    await dialog.getByRole('button', { name: '生成案卷包并归档' }).click();
    await dialog.getByText('已归档：案卷包已生成并校验通过').waitFor({ timeout: 60_000 });
    const pkg = (await api<{ archive: ArchiveCreateResult }>('archive.get', { caseId: scene.closedCase.id }, scene.head)).archive;
    await dialog.getByText(pkg.manifestSha256).waitFor();
    await dialog.getByRole('button', { name: '校验压缩包' }).click();
    await dialog.getByText(/压缩包：校验通过，\d+ 个文件/).waitFor();
    await screenshot(page, '72-03-archive-done');
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Read-only now, with the package and 校验 on the page.
    await page.getByText(/本案件已于 .* 归档，案卷只读。/).waitFor();
    assert.equal(await page.getByRole('button', { name: /^(inbox )?归档$/ }).count(), 0);
    assert.equal((await api<{ stage: string }>('cases.get', { id: scene.closedCase.id }, scene.head)).stage, 'archived');
    await page.getByText(/^案卷包：\d+ 个文件/).click();
    await page.getByRole('button', { name: '校验文件夹' }).click();
    await page.getByText(/文件夹：校验通过/).waitFor();
    const victim = join(pkg.folder, '02_案件记录', '001_现场检查笔录.txt');
    const original = readFileSync(victim);
    const changed = Buffer.from(original);
    changed[3] ^= 1;
    writeFileSync(victim, changed);
    await page.getByRole('button', { name: '校验文件夹' }).click();
    await page.getByText('文件夹：校验未通过，发现 1 处问题。').waitFor();
    await page.getByText('02_案件记录/001_现场检查笔录.txt').waitFor();
    await screenshot(page, '72-04-archived-tampered');
    writeFileSync(victim, original);

    // A lost or damaged copy is written again from the vault, identical to the original.
    const copyDir = mkdtempSync(join(tmpdir(), 'sanxiang-e2e-export-'));
    await page.getByLabel('导出位置').fill(copyDir);
    await page.getByRole('button', { name: /重新导出案卷包/ }).click();
    await page.getByText('已重新导出并校验通过').waitFor({ timeout: 60_000 });
    await screenshot(page, '72-04b-archive-exported');
    const again = (await api<{ archive: ArchiveCreateResult }>('archive.get', { caseId: scene.closedCase.id }, scene.head)).archive;
    assert.ok(again.folder.startsWith(copyDir));
    const v = await verifyArchive(again.zip!);
    assert.equal(v.ok, true, v.message);
    assert.equal(v.manifestSha256, pkg.manifestSha256);

    // 案卷封面 and 卷内目录, on screen and printed.
    await page.getByRole('button', { name: '案卷封面' }).click();
    await page.waitForURL(new RegExp(`#/cases/${scene.closedCase.id}/cover$`));
    await page.getByText('行政执法案卷').waitFor();
    await page.getByRole('region', { name: '卷内目录' }).getByText('现场检查笔录').waitFor();
    await screenshot(page, '72-05-case-cover');
    const pngs = await printToPng(page, '72-06-case-cover-print');
    assert.equal(pngs.length, 2, 'the cover and the index, one A4 page each');
    assert.deepEqual(s.errors, [], 'no console errors');
  } finally {
    await s.close();
  }
});

test('年度统计：复议诉讼填报（合计校验）、导出 Excel、生成网站公示稿', { timeout: 180_000 }, async () => {
  const year = Number(today.slice(0, 4));
  const s = await signIn('juzhang', scene.password);
  const { page } = s;
  try {
    await page.getByRole('menuitem', { name: '年度数据' }).click();
    await page.getByRole('heading', { name: '年度行政执法数据' }).waitFor();
    await screenshot(page, '73-01-annual-last-year');
    await page.getByLabel('统计年度').click();
    await pickOption(page, `${year} 年度`);
    await page.waitForURL(new RegExp(`year=${year}`));
    await page.getByText(`${year} 年尚未结束`).waitFor();
    const report = await api<{ byType: { caseType: string; opened: number }[] }>('report.annual', { year }, scene.head);
    const total = report.byType.find((r) => r.caseType === 'total')!;
    await page.locator('.sx-total-row td').nth(1).getByText(String(total.opened), { exact: true }).waitFor();

    await page.getByLabel('行政复议收到').fill('1');
    await page.getByLabel('行政复议维持').fill('2');
    await page.getByRole('button', { name: '保存复议诉讼数据' }).click();
    await page.getByText(/合计不能超过收到的件数/).first().waitFor();
    await screenshot(page, '73-02-annual-manual-error');
    await page.getByLabel('行政复议收到').fill('3');
    await page.getByLabel('复议诉讼说明').fill('1 件复议维持原决定。');
    await page.getByRole('button', { name: '保存复议诉讼数据' }).click();
    await page.getByText(/最后由 刘局长 于/).waitFor();

    const xlsx = await download(page, async () => {
      await page.getByRole('button', { name: /导出 Excel/ }).click();
      await page.getByText('下载 Excel 文件（.xlsx）').click();
    });
    assert.match(xlsx.name, new RegExp(`${year}年度行政执法数据\\.xlsx$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.file);
    const text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    assert.match(text, /行政处罚/);
    assert.match(text, /行政复议/);
    await page.getByText(/由 刘局长 导出报送/).waitFor();
    await screenshot(page, '73-03-annual-exported');

    assert.equal(await page.getByRole('button', { name: /生成网站公示稿/ }).count(), 0, 'the website draft is the publisher’s');
    assert.deepEqual(s.errors, [], 'no console errors');
  } finally {
    await s.close();
  }

  // The publisher reads the figures and drafts the website item; it then goes through 公示 review.
  const p = await signIn('gongkai', scene.password);
  try {
    await p.page.getByRole('menuitem', { name: '年度数据' }).click();
    await p.page.getByLabel('统计年度').click();
    await pickOption(p.page, `${year} 年度`);
    await p.page.waitForURL(new RegExp(`year=${year}`));
    assert.equal(await p.page.getByRole('button', { name: /导出 Excel/ }).count(), 0);
    assert.equal(await p.page.getByRole('button', { name: '保存复议诉讼数据' }).count(), 0, 'read-only for the publisher');
    await p.page.getByRole('button', { name: /生成网站公示稿/ }).click();
    const dialog = p.page.getByRole('dialog', { name: `${year} 年度行政执法数据 — 网站公示稿` });
    await dialog.getByText('一、总体情况').waitFor();
    await screenshot(p.page, '73-04-annual-notice-preview');
    await dialog.getByRole('button', { name: '生成公示稿' }).click();
    await dialog.getByText('公示稿已生成（草稿）').waitFor();
    await dialog.getByRole('button', { name: '打开公示稿' }).click();
    await p.page.waitForURL(/#\/disclosure\/\d+$/);
    await p.page.getByText(`${year}年度行政执法数据`).first().waitFor();
    await screenshot(p.page, '73-05-annual-notice-draft');
    assert.deepEqual(p.errors, [], 'no console errors');
  } finally {
    await p.close();
  }
});

test('备份与恢复：备份位置不存在的中文提示；设置后立即备份，列表和校验；恢复到新的空文件夹', { timeout: 180_000 }, async () => {
  const s = await signIn(ADMIN.username, ADMIN.password);
  const { page } = s;
  try {
    await s.go('/settings?tab=backup');
    await page.getByText('备份设置', { exact: true }).waitFor();
    await closeNotifications(page);
    await screenshot(page, '74-01-backup-empty');
    const target = page.getByLabel('备份位置');

    const missing = join(scratch, '未插入的移动硬盘');
    await target.fill(missing);
    await page.getByRole('button', { name: '保存备份设置' }).click();
    await page.getByText('备份设置已保存').waitFor();
    await page.getByText('无法读取该位置').waitFor();
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByText(/不存在或无法访问（移动硬盘未插入，或网络共享未连接）/).first().waitFor();
    await screenshot(page, '74-02-backup-target-missing');

    const disk = join(scratch, 'E盘');
    mkdirSync(disk);
    await target.fill(join(disk, '执法备份'));
    mkdirSync(join(disk, '执法备份'));
    await page.getByRole('button', { name: '保存备份设置' }).click();
    await page.getByText(/该位置所在磁盘剩余/).waitFor();
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByText(/备份已完成并校验/).waitFor({ timeout: 60_000 });
    const row = page.locator('.ant-table-row').first();
    await row.getByText('写入时已校验').waitFor();
    assert.equal(await page.locator('.ant-table-row').count(), 1);
    await row.getByRole('button', { name: /校验备份/ }).click();
    const dialog = page.getByRole('dialog', { name: /校验备份/ });
    await dialog.getByText(/完好：数据库和 \d+ 个证据文件全部与哈希一致，审计链完整/).waitFor();
    await screenshot(page, '74-03-backup-checked');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await row.getByText(/校验完好/).waitFor();
    await screenshot(page, '74-04-backup-done');

    // 恢复… into a new empty folder: never inside the data folder; checked, with the way to open it.
    await row.getByRole('button', { name: /恢复备份/ }).click();
    const restore = page.getByRole('dialog', { name: /从备份恢复/ });
    const into = restore.getByLabel('恢复到的文件夹');
    await into.fill(join(t.dataDir, '恢复'));
    await restore.getByRole('button', { name: '开始恢复' }).click();
    await restore.getByText(/不能在数据文件夹内/).waitFor();
    await screenshot(page, '74-05-restore-refused');
    const restoredDir = join(scratch, 'D盘', '执法数据-恢复');
    await into.fill(restoredDir);
    await restore.getByRole('button', { name: '开始恢复' }).click();
    await restore.getByText('恢复完成').waitFor({ timeout: 60_000 });
    await restore.getByText(`npm start -- --data "${restoredDir}"`).waitFor();
    await screenshot(page, '74-06-restore-done');
    assert.ok(existsSync(join(restoredDir, 'sanxiang.db')), 'the restored database');
    await restore.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await restore.waitFor({ state: 'hidden' });

    // The 工作台 no longer asks for a backup target.
    await s.go('/');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByText('各环节案件数').waitFor();
    assert.equal(await page.getByRole('button', { name: /尚未设置备份位置/ }).count(), 0);
    assert.deepEqual(s.errors, [], 'no console errors');
  } finally {
    await s.close();
  }
});
