// Body-cam e2e: a recorder folder made with real ffmpeg is dropped into a watched mount root → the
// device appears → 导入 with progress and a summary naming the bad files → bulk annotate → annotate one
// clip (prefilled) and link it to the case → play it in the case's 音视频 tab; HEVC plays through its
// proxy; the erase flow names the count; a reviewer sees the library but no device panel.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHarness } from '../../core/harness/server.js';
import { stopDeviceDetector } from '../../core/ingest/ingest-jobs.js';
import { deriveQueueFor } from '../../core/media/proxy-queue.js';
import { makeRecorder, OFFICER_NO, SERIAL } from '../fixtures/recorder.js';
import { makeTestApp, officerInput, USER_PASSWORD } from '../helpers/app.js';
import { collectPageErrors, launchBrowser, newPage, PROJECT_ROOT, screenshot } from '../helpers/browser.js';
import { login, pickOption } from './support.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const NEW_PASSWORD = 'Media#2026x';

/** Opens a fresh browser context and signs `username` in, changing the admin-set password. */
async function signIn(openUrl: string, username: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser);
  const errors = collectPageErrors(page);
  page.setDefaultTimeout(20_000);
  await page.goto(openUrl);
  await login(page, username, USER_PASSWORD);
  const pw = page.getByRole('dialog', { name: '修改密码' });
  await pw.getByLabel('当前密码（管理员告知的密码）').fill(USER_PASSWORD);
  await pw.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await pw.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await pw.getByRole('button', { name: '确认修改' }).click();
  await pw.waitFor({ state: 'hidden' });
  await page.getByRole('menu', { name: '主导航' }).waitFor();
  return { page, errors, close: () => context.close() };
}

/** The video element of the page has loaded its metadata (it can play). */
async function videoPlays(page: Page, src?: string): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const v = (globalThis as unknown as { document: { querySelector(s: string): { readyState: number; duration: number; currentSrc: string } | null } }).document.querySelector(
        '[data-testid=clip-video]',
      );
      return !!v && v.readyState >= 1 && v.duration > 0 && (!want || v.currentSrc.endsWith(want));
    },
    src,
    { timeout: 60_000 },
  );
}

test('plug a recorder, import, annotate, link to a case, play in the case', async () => {
  const mounts = mkdtempSync(join(tmpdir(), 'sanxiang-e2e-mounts-'));
  process.env.SANXIANG_MOUNT_ROOTS = mounts;
  const t = await makeTestApp();
  const zhangId = (await t.call('officers.create', { ...officerInput('张执法'), officerNo: OFFICER_NO })).id;
  const liId = (await t.call('officers.create', officerInput('李协查'))).id;
  const zhang = await t.user('zhang', ['officer'], { officerId: zhangId });
  await t.user('shenhe', ['reviewer'], { reviewerQualified: true });
  const kase = await t.call(
    'cases.create',
    {
      caseType: 'inspection', procedure: 'ordinary', title: '擅自采伐林木', place: '船山区永兴镇', openedOn: '2026-03-05',
      handlerIds: [zhangId, liId], parties: [{ kind: 'person', name: '王五' }],
    },
    zhang,
  );
  const harness = await startHarness(t.app, { staticDir: join(PROJECT_ROOT, 'dist-renderer') });
  const base = harness.openUrl.split('?')[0].replace(/\/$/, '');
  const errors: string[] = [];
  try {
    const o = await signIn(harness.openUrl, 'zhang');
    const page = o.page;

    // Nothing plugged in yet: the empty state explains what to do.
    await page.getByRole('menuitem', { name: '音视频' }).click();
    await page.getByText('未检测到执法记录仪').waitFor();
    // A folder typed by hand that does not exist: the reason is shown at the field.
    await page.getByLabel('文件夹').fill('/nowhere/记录仪');
    await page.getByRole('button', { name: '导入此文件夹' }).click();
    await page.getByText('找不到文件夹').waitFor();
    await screenshot(page, '35-01-devices-empty');

    // Plug: the recorder folder appears under the watched mount root.
    const rec = makeRecorder({ parent: mounts, volumeName: 'ZFY' });
    const card = page.getByTestId('device-card');
    await card.getByText(SERIAL).waitFor();
    await card.getByText(`张执法（警号 ${OFFICER_NO}）`).waitFor();
    await card.getByText(`${rec.importable.length} 个`, { exact: false }).waitFor();
    await screenshot(page, '35-02-device-plugged');

    // 导入 → progress → summary with the zero-byte and truncated files and their reasons.
    await card.getByRole('button', { name: '导入', exact: true }).click();
    const job = page.getByTestId('ingest-job');
    await job.getByText('导入完成：').waitFor({ timeout: 60_000 });
    await job.getByText('文件为空（0 字节），可能录制未完成，未导入').waitFor();
    await job.getByRole('cell', { name: rec.files.truncated.split('/').pop()! }).waitFor();
    await card.getByText('已全部导入').waitFor();
    await screenshot(page, '35-03-import-done');

    // Library (unannotated), thumbnails made in the background.
    await job.getByRole('button', { name: '标注导入的音像记录' }).click();
    await page.getByRole('tab', { name: '音像记录', selected: true }).waitFor();
    await page.getByText('共 8 个').waitFor();
    await page.getByText('生成中').first().waitFor({ state: 'detached', timeout: 60_000 });
    await screenshot(page, '35-04-library');

    // Bulk annotate two clips.
    const plainName = rec.files.plain.split('/').pop()!;
    const impName = rec.files.important.split('/').pop()!;
    await page.getByRole('row', { name: new RegExp(plainName) }).getByRole('checkbox').check();
    await page.getByRole('row', { name: new RegExp(impName) }).getByRole('checkbox').check();
    await page.getByRole('button', { name: '批量标注（2）' }).click();
    const bulk = page.getByRole('dialog', { name: '批量标注（已选 2 个）' });
    await bulk.getByLabel('采集人').click();
    await pickOption(page, '张执法');
    await bulk.getByLabel('证明对象').fill('巡查途中发现林地内有采伐痕迹');
    await screenshot(page, '35-05-bulk-annotate');
    await bulk.getByRole('button', { name: '保存标注' }).click();
    await bulk.waitFor({ state: 'hidden' });
    await page.getByText('共 6 个').waitFor();

    // One clip: prefilled matter (folder 现场检查) and the day's case; the officer adds what it proves.
    const inspectName = rec.files.chinese.split('/').pop()!;
    await page.getByRole('row', { name: new RegExp(inspectName) }).getByText(inspectName).click();
    await page.getByText('已根据文件名、记录仪使用人、定位和当天在办案件预填，请核对后保存').waitFor();
    await videoPlays(page);
    const form = page.locator('form');
    await form.getByText('现场检查', { exact: true }).waitFor();
    await form.getByText(kase.caseNo, { exact: true }).waitFor();
    await form.getByLabel('证明对象').fill('现场检查时当事人采伐林木的现场情况');
    await form.getByLabel('拍摄地点').fill('船山区永兴镇石洞村三组');
    await screenshot(page, '35-06-clip-annotate');
    await form.getByRole('button', { name: '保存标注' }).click();
    await page.getByText('已关联案件（1）').waitFor();
    // A still from the video is saved as a new derived file; the original is untouched.
    await page.getByRole('button', { name: '截图' }).click();
    await page.getByText('截图（1）').waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, '35-07-clip-saved');

    // The case's 音视频 tab: the implied 现场检查 is covered, the clip plays in place.
    await page.getByRole('button', { name: kase.caseNo }).click();
    await page.getByRole('tab', { name: '音视频', selected: true }).waitFor();
    await page.getByText('须音像记录的环节均已有音像记录或无法记录说明').waitFor();
    await videoPlays(page);
    await screenshot(page, '35-08-case-media');

    // HEVC original: played through its H.264 proxy once the background queue has made it.
    if (rec.files.hevc) {
      const hevcName = rec.files.hevc.split('/').pop()!;
      const row = (await t.call('media.list', { q: hevcName.replace('.mp4', '') }, zhang)).rows[0];
      await page.goto(`${base}/#/media/${row.id}`);
      await page.getByText('播放的是自动生成的播放副本（H.264）', { exact: false }).waitFor({ timeout: 90_000 });
      const d = await t.call('media.get', { id: row.id }, zhang);
      assert.notEqual(d.playbackSha256, d.sha256, 'the proxy is played, not the original');
      await videoPlays(page, d.playbackSha256);
      await screenshot(page, '35-09-hevc-proxy');
    }

    // Erasing the device: never automatic, names the count, only verified copies.
    await page.getByRole('menuitem', { name: '音视频' }).click();
    await page.getByRole('tab', { name: '设备与导入' }).click();
    await card.getByRole('button', { name: '清除设备上已导入的文件…' }).click();
    const erase = page.getByRole('dialog', { name: '清除设备上已导入的文件' });
    const count = rec.importable.length;
    await erase.getByText(`将从记录仪上删除 ${count} 个文件`, { exact: false }).waitFor({ timeout: 60_000 });
    await erase.getByText(`我确认从记录仪上删除以上 ${count} 个文件`).click();
    await screenshot(page, '35-10-erase-confirm');
    await erase.getByRole('button', { name: `清除 ${count} 个文件` }).click();
    await erase.getByText(`已清除 ${count} 个文件`).waitFor();
    await erase.getByRole('button', { name: '完成' }).click();
    errors.push(...o.errors);
    await o.close();

    // A reviewer watches footage but has no device panel.
    const r = await signIn(harness.openUrl, 'shenhe');
    await r.page.getByRole('menuitem', { name: '音视频' }).click();
    await r.page.getByText('共 8 个').waitFor();
    assert.equal(await r.page.getByRole('tab', { name: '设备与导入' }).count(), 0);
    assert.equal(await r.page.getByRole('button', { name: /批量标注/ }).count(), 0);
    await screenshot(r.page, '35-11-reviewer-library');
    errors.push(...r.errors);
    await r.close();
    assert.deepEqual(errors, []);
  } finally {
    await harness.close();
    stopDeviceDetector(t.app);
    await deriveQueueFor(t.app).stop();
    t.close();
    rmSync(mounts, { recursive: true, force: true });
  }
});
