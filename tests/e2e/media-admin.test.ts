// Media administration e2e (issue 4): the admin edits the 音像记录事项清单 (the case's 音视频 tab
// follows) and a recorder model (the 试一试 preview reads a new file-name format, and an import by
// hand then takes the time and the important mark from it); a long clip shows its contact strip;
// 保全 on the clip page; 证据库: a flipped byte in the vault is named with its clip and case, and the
// purge of old unlinked footage leaves the linked and the held clip in place; the automatic check is
// set in 设置 (下次自动校验 on the tab) and a finding shows on the 工作台.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHarness } from '../../core/harness/server.js';
import { ingestJobsFor, stopDeviceDetector } from '../../core/ingest/ingest-jobs.js';
import { deriveQueueFor } from '../../core/media/proxy-queue.js';
import { formatDate } from '../../shared/logic/text.js';
import { ffmpegBin, makeRecorder, OFFICER_NO, SERIAL } from '../fixtures/recorder.js';
import { ADMIN_PASSWORD, makeTestApp, officerInput, USER_PASSWORD } from '../helpers/app.js';
import { collectPageErrors, launchBrowser, newPage, PROJECT_ROOT, screenshot } from '../helpers/browser.js';
import { login } from './support.js';
import { flipByte } from '../helpers/tamper.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The player element as the page sees it (the test tsconfig has no DOM lib). */
type PlayerDoc = { document: { querySelector(s: string): { readyState: number; currentTime: number } | null } };

const CLIP_CACHE = join(tmpdir(), 'sanxiang-media-admin-clips-v1');

/** A small H.264 clip made once with real ffmpeg (a long one gets a contact strip). */
function cachedClip(name: string, secs: number, freq: number): string {
  const out = join(CLIP_CACHE, name);
  if (existsSync(out)) return out;
  mkdirSync(CLIP_CACHE, { recursive: true });
  const tmp = `${out}.${process.pid}.mp4`;
  execFileSync(ffmpegBin(), [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=5:duration=${secs}`,
    '-f', 'lavfi', '-i', `sine=frequency=${freq}:sample_rate=16000:duration=${secs}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k', '-shortest', tmp,
  ]);
  renameSync(tmp, out);
  return out;
}


async function signIn(openUrl: string, username: string, password: string, changeTo?: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser);
  const errors = collectPageErrors(page);
  page.setDefaultTimeout(20_000);
  await page.goto(openUrl);
  await login(page, username, password);
  if (changeTo) {
    const pw = page.getByRole('dialog', { name: '修改密码' });
    await pw.getByLabel('当前密码（管理员告知的密码）').fill(password);
    await pw.getByLabel('新密码', { exact: true }).fill(changeTo);
    await pw.getByLabel('确认新密码').fill(changeTo);
    await pw.getByRole('button', { name: '确认修改' }).click();
    await pw.waitFor({ state: 'hidden' });
  }
  await page.getByRole('menu', { name: '主导航' }).waitFor();
  return { page, errors, close: () => context.close() };
}

test('matters, recorder models, contact strip, hold, vault check and purge', { timeout: 10 * 60_000 }, async () => {
  const t = await makeTestApp();
  const zhangId = (await t.call('officers.create', { ...officerInput('张执法'), officerNo: OFFICER_NO })).id;
  const liId = (await t.call('officers.create', officerInput('李协查'))).id;
  const zhang = await t.user('zhang', ['officer'], { officerId: zhangId });
  const kase = await t.call(
    'cases.create',
    {
      caseType: 'penalty', procedure: 'ordinary', title: '擅自采伐林木', place: '船山区永兴镇', openedOn: '2026-03-05',
      handlerIds: [zhangId, liId], parties: [{ kind: 'person', name: '王五' }],
    },
    zhang,
  );

  // A recorder's worth of footage from March (past the 6-month retention), plus a 61-second clip.
  const rec = makeRecorder();
  const longRel = `DCIM/100MEDIA/DCAM_${SERIAL}_${OFFICER_NO}_20260305_190000.mp4`;
  copyFileSync(cachedClip('long-61s.mp4', 61, 330), join(rec.root, longRel));
  const job = await t.call('media.ingest', { folder: rec.root }, zhang);
  await ingestJobsFor(t.app).wait(job.jobId);
  const rows = (await t.call('media.list', { pageSize: 100 }, zhang)).rows;
  const byName = (rel: string) => rows.find((r) => r.fileName === rel.split('/').pop())!;
  const linked = byName(rec.files.plain);
  const held = byName(rec.files.important);
  const long = byName(longRel);
  await t.call('media.annotate', { id: linked.id, proof: '采伐现场', matter: 'inspection', caseId: kase.id }, zhang);

  // A second card, named the way another recorder model writes names (for the profile edit).
  const other = mkdtempSync(join(tmpdir(), 'sanxiang-e2e-zfy-'));
  const zfyName = `ZFY-${SERIAL}-${OFFICER_NO}-20260307-101500-LOCK.mp4`;
  mkdirSync(join(other, 'DCIM'), { recursive: true });
  copyFileSync(cachedClip('short-2s.mp4', 2, 620), join(other, 'DCIM', zfyName));

  const harness = await startHarness(t.app, { staticDir: join(PROJECT_ROOT, 'dist-renderer') });
  const base = harness.openUrl.split('?')[0].replace(/\/$/, '');
  const errors: string[] = [];
  try {
    const a = await signIn(harness.openUrl, 'admin', ADMIN_PASSWORD);
    const page = a.page;

    // ---- 设置—音视频—音像记录事项清单
    await page.goto(`${base}/#/settings?tab=media`);
    await page.getByRole('tab', { name: '音像记录事项清单', selected: true }).waitFor();
    const matters = page.getByRole('tabpanel', { name: '音像记录事项清单' });
    await matters.getByRole('row', { name: /查封扣押/ }).getByText('全程音像记录').waitFor();
    await screenshot(page, '36-01-settings-matters');
    // 听证 becomes 听证会 and is assumed in every 行政处罚 case.
    await matters.getByRole('row', { name: /听证/ }).getByRole('button', { name: '修改' }).click();
    const mm = page.getByRole('dialog', { name: '修改事项 — 听证' });
    await mm.getByLabel('事项名称').fill('听证会');
    await mm.getByLabel('行政处罚').check();
    await screenshot(page, '36-02-matter-edit');
    await mm.getByRole('button', { name: '保存' }).click();
    await mm.waitFor({ state: 'hidden' });
    await matters.getByRole('row', { name: /听证会/ }).getByText('行政处罚').waitFor();
    // A new matter; its name may not repeat an existing one.
    await matters.getByRole('button', { name: '添加事项' }).click();
    const add = page.getByRole('dialog', { name: '添加音像记录事项' });
    await add.getByLabel('事项名称').fill('现场检查');
    await add.getByRole('button', { name: '保存' }).click();
    await add.getByText('清单中已有同名事项').waitFor();
    await add.getByLabel('事项名称').fill('先行登记保存');
    await add.getByLabel('全程音像记录').check();
    await add.getByRole('button', { name: '保存' }).click();
    await add.waitFor({ state: 'hidden' });
    await matters.getByRole('row', { name: /先行登记保存/ }).getByText('全程音像记录').waitFor();
    // A matter footage is tagged with cannot be deleted; the reason says so.
    await matters.getByRole('row', { name: /现场检查/ }).getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByText('「现场检查」已被 1 个音像记录使用，不能删除').waitFor();
    assert.equal(await matters.getByRole('row', { name: /现场检查/ }).count(), 1);
    await screenshot(page, '36-03-matters-edited');

    // The case's 音视频 tab follows: 听证会 is now required in this 行政处罚 case and missing.
    await page.goto(`${base}/#/cases/${kase.id}?tab=media`);
    await page.getByRole('row', { name: /听证会/ }).getByText('缺少音像记录').waitFor();
    await screenshot(page, '36-04-case-gap-follows');

    // ---- 设置—音视频—记录仪型号: a second file-name format for the DCAM model, tried before saving.
    await page.goto(`${base}/#/settings?tab=media`);
    await page.getByRole('tab', { name: '记录仪型号' }).click();
    const profiles = page.getByRole('tabpanel', { name: '记录仪型号' });
    await profiles.getByRole('row', { name: /DCAM 命名/ }).getByRole('button', { name: '修改' }).click();
    const pm = page.getByRole('dialog', { name: /修改记录仪型号/ });
    const tryBox = pm.getByTestId('filename-try');
    // The box starts with a sample of the first format, read back.
    await tryBox.getByText('DSJ2026A001', { exact: true }).waitFor();
    await tryBox.getByLabel('示例文件名').fill(zfyName);
    await tryBox.getByText('不符合任何文件名格式').waitFor();
    await pm.getByRole('button', { name: '添加一种文件名格式' }).click();
    const formats = pm.getByLabel('文件名格式');
    await formats.nth(1).fill('ZFY-<device>-<officer>-<YYYYMMDD>-<HHMMSS>[-LOCK');
    await pm.getByText('缺少“]”').waitFor();
    await formats.nth(1).fill('ZFY-<device>-<officer>-<YYYYMMDD>-<HHMMSS>[-LOCK].<ext>');
    await tryBox.getByText('2026年3月7日 10:15:00').waitFor();
    await tryBox.getByText('重要', { exact: true }).waitFor();
    await tryBox.getByText(OFFICER_NO, { exact: true }).waitFor();
    await tryBox.scrollIntoViewIfNeeded();
    await screenshot(page, '36-05-profile-try');
    await pm.getByRole('button', { name: '保存' }).click();
    await pm.waitFor({ state: 'hidden' });
    await profiles.getByText('ZFY-<device>-<officer>-<YYYYMMDD>-<HHMMSS>[-LOCK].<ext>').waitFor();
    await screenshot(page, '36-06-profiles');

    // ---- 保存期限、播放与校验
    await page.getByRole('tab', { name: '保存期限、播放与校验' }).click();
    const opts = page.getByRole('tabpanel', { name: '保存期限、播放与校验' });
    await opts.getByLabel('未标注提醒').fill('5');
    await opts.getByLabel('证据库自动校验').fill('14');
    await opts.getByRole('button', { name: '保存' }).click();
    await page.getByText('音视频设置已保存').waitFor();
    const saved = await t.call('media.settings.get', {});
    assert.equal(saved.unannotatedAlertDays, 5);
    assert.equal(saved.verifyEveryDays, 14);
    await screenshot(page, '36-07-media-options');

    // The new format at work: the card imported by hand takes its time and mark from the name.
    await page.getByRole('menuitem', { name: '音视频' }).click();
    await page.getByRole('tab', { name: '设备与导入' }).click();
    await page.getByLabel('文件夹').fill(other);
    await page.getByRole('button', { name: '导入此文件夹' }).click();
    await page.getByTestId('ingest-job').getByText('导入完成：1 个文件').waitFor({ timeout: 60_000 }); // the earlier job's card may still show
    const zfy = (await t.call('media.list', { q: 'ZFY-' })).rows[0];
    assert.equal(zfy.timeSource, 'filename');
    assert.equal(zfy.important, true);
    await page.goto(`${base}/#/media/${zfy.id}`);
    await page.getByText('2026-03-07 10:15').waitFor();
    await page.getByText('（取自文件名）').waitFor();

    // ---- The long clip: its contact strip, and a click on a frame moves the player there.
    await page.goto(`${base}/#/media/${long.id}`);
    const strip = page.getByTestId('contact-strip');
    await strip.waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => {
      const v = (globalThis as unknown as PlayerDoc).document.querySelector('[data-testid=clip-video]');
      return !!v && v.readyState >= 1;
    });
    await page.waitForFunction(() => {
      const img = (globalThis as unknown as { document: { querySelector(s: string): { complete: boolean; naturalWidth: number } | null } }).document.querySelector(
        '[data-testid=contact-strip] img',
      );
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await strip.getByRole('button', { name: '跳到 0:48' }).click();
    await page.waitForFunction(() => {
      const v = (globalThis as unknown as PlayerDoc).document.querySelector('[data-testid=clip-video]');
      return !!v && Math.abs(v.currentTime - 48.3) < 1.5;
    });
    await page.mouse.move(0, 0);
    await screenshot(page, '36-08-contact-strip');

    // ---- 保全 on the clip page.
    await page.goto(`${base}/#/media/${held.id}`);
    await page.getByText('未关联案件，超过保存期限（6 个月）后可被清理').waitFor();
    await page.getByRole('button', { name: '设置保全' }).click();
    const hm = page.getByRole('dialog', { name: /^保全 — / });
    await hm.getByRole('button', { name: '保全' }).click();
    await hm.getByText('请填写保全原因').waitFor();
    await hm.getByLabel('保全原因').fill('当事人申请行政复议，复议结束前保留');
    await screenshot(page, '36-09-hold-modal');
    await hm.getByRole('button', { name: '保全' }).click();
    await hm.waitFor({ state: 'hidden' });
    await page.getByText('已保全：当事人申请行政复议，复议结束前保留').waitFor();
    await page.getByRole('button', { name: '解除保全' }).waitFor();
    await screenshot(page, '36-10-clip-held');

    // ---- 证据库: a flipped byte in the linked clip is named, with its case and what to do.
    flipByte(t.app.vault.pathOf(linked.sha256), 200);
    await page.getByRole('menuitem', { name: '音视频' }).click();
    await page.getByRole('tab', { name: '证据库' }).click();
    await page.getByText('证据库尚未校验过').waitFor();
    // Never checked: the schedule would start one now.
    await page.getByText('下次自动校验：今天（每 14 天一次，在本程序运行时进行）。').waitFor();
    await screenshot(page, '36-11-vault-never-checked');
    await page.getByRole('button', { name: '开始校验' }).click();
    await page.getByText('校验发现问题：1 个文件内容被改动或无法读取，0 个文件缺失', { exact: false }).waitFor({ timeout: 60_000 });
    const issue = page.getByRole('row', { name: /内容被改动/ });
    await issue.getByText(linked.fileName).waitFor();
    await issue.getByText(`案件证据：${kase.caseNo}`).waitFor();
    await page.getByText('用最近一次备份恢复', { exact: false }).waitFor();
    await page.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 由系统管理员校验$/).waitFor();
    await screenshot(page, '36-12-vault-mismatch');
    // The 工作台 shows the finding (until a check finds none); its card opens the 证据库 tab.
    await page.goto(`${base}/#/`);
    const vaultCard = page.getByRole('button', { name: '证据库校验发现问题，1 项' });
    await vaultCard.getByText(`${linked.fileName}：内容与导入时不一致，案件证据 ${kase.caseNo}`, { exact: false }).waitFor();
    await page.evaluate(() => {
      for (const b of (globalThis as unknown as { document: { querySelectorAll(s: string): { click(): void }[] } }).document.querySelectorAll('.ant-notification-notice-close')) b.click();
    });
    await page.locator('.ant-notification-notice').first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
    await screenshot(page, '36-12b-dashboard-vault-alert');
    await vaultCard.getByText('明细', { exact: true }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '证据库校验发现问题' });
    await drawer.getByText(linked.fileName, { exact: true }).waitFor();
    await screenshot(page, '36-12c-dashboard-vault-alert-items');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await vaultCard.click();
    await page.waitForURL(/#\/media\?tab=vault$/);
    flipByte(t.app.vault.pathOf(linked.sha256), 200);
    await page.getByRole('button', { name: '重新校验' }).click();
    await page.getByText(/^校验完成：\d+ 个文件/).waitFor({ timeout: 60_000 });
    const next = (await t.call('media.verifyStatus', {})).schedule.nextAt!;
    await page.getByText(`下次自动校验：约 ${formatDate(next)}（每 14 天一次`).waitFor();

    // ---- 到期清理: old unlinked footage is listed; the linked and the held clip are not.
    const retention = page.locator('.ant-card', { hasText: '到期清理' });
    await retention.getByText('保存期限为 6 个月').waitFor();
    const cand = await t.call('media.retentionCandidates', {});
    assert.ok(cand.rows.length >= 5);
    assert.ok(!cand.rows.some((r) => r.id === linked.id || r.id === held.id));
    for (const r of cand.rows) await retention.getByText(r.fileName, { exact: true }).waitFor();
    assert.equal(await retention.getByText(linked.fileName, { exact: true }).count(), 0);
    assert.equal(await retention.getByText(held.fileName, { exact: true }).count(), 0);
    await screenshot(page, '36-13-retention-list');
    const n = cand.rows.length;
    await retention.getByRole('button', { name: `清理选中的 ${n} 个音像记录…` }).click();
    const pm2 = page.getByRole('dialog', { name: '清理到期的音像记录' });
    await pm2.getByText(`将从证据库永久删除 ${n} 个音像记录`, { exact: false }).waitFor();
    assert.equal(await pm2.getByRole('button', { name: `永久删除 ${n} 个文件` }).isDisabled(), true);
    await pm2.getByText(`我确认永久删除以上 ${n} 个文件`).click();
    await screenshot(page, '36-14-purge-confirm');
    await pm2.getByRole('button', { name: `永久删除 ${n} 个文件` }).click();
    await pm2.waitFor({ state: 'hidden' });
    await retention.getByText('没有到期可以清理的音像记录').waitFor();
    // The check card counts what is left.
    const left = await t.call('media.verifyStatus', {});
    await page.getByText(`证据库共 ${left.objects} 个文件`, { exact: false }).waitFor();
    await screenshot(page, '36-15-retention-done');
    for (const r of cand.rows) assert.ok(!t.app.vault.has(r.sha256), `${r.fileName} removed from the vault`);
    assert.ok(t.app.vault.has(linked.sha256), 'the evidence stays');
    assert.ok(t.app.vault.has(held.sha256), 'the held clip stays');
    const audited = t.app.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = 'media.purge'`).get() as { n: number };
    assert.equal(audited.n, n, 'one audit row per purged clip');
    errors.push(...a.errors);
    await a.close();

    // An officer sees neither 证据库 nor the hold button.
    const o = await signIn(harness.openUrl, 'zhang', USER_PASSWORD, 'Media#2026x');
    await o.page.getByRole('menuitem', { name: '音视频' }).click();
    await o.page.getByRole('tab', { name: '音像记录' }).waitFor();
    assert.equal(await o.page.getByRole('tab', { name: '证据库' }).count(), 0);
    await o.page.goto(`${base}/#/media/${held.id}`);
    await o.page.getByText('已保全：当事人申请行政复议', { exact: false }).waitFor();
    assert.equal(await o.page.getByRole('button', { name: '解除保全' }).count(), 0);
    errors.push(...o.errors);
    await o.close();

    // An auditor proves the vault on the 审计 page: the damaged clip is named, without a link to a page they cannot open.
    await t.user('shenji', ['auditor']);
    flipByte(t.app.vault.pathOf(linked.sha256), 200);
    const au = await signIn(harness.openUrl, 'shenji', USER_PASSWORD, 'Audit#2026x');
    await au.page.getByRole('menuitem', { name: '审计' }).click();
    const check = au.page.locator('.ant-card', { hasText: '下次自动校验' });
    await check.getByRole('button', { name: '重新校验' }).click();
    await au.page.getByText('校验发现问题：1 个文件内容被改动或无法读取，0 个文件缺失', { exact: false }).waitFor({ timeout: 60_000 });
    const row = au.page.getByRole('row', { name: /内容被改动/ });
    await row.getByText(linked.fileName).waitFor();
    assert.equal(await row.getByRole('link').count(), 0, 'no link to the clip page');
    assert.equal(await row.locator('a').count(), 0, 'no link to the clip page');
    await au.page.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 由.+校验$/).waitFor();
    await screenshot(au.page, '36-16-auditor-vault-check');
    errors.push(...au.errors);
    await au.close();
    assert.deepEqual(errors, []);
  } finally {
    await harness.close();
    stopDeviceDetector(t.app);
    await deriveQueueFor(t.app).stop();
    t.close();
    rec.cleanup();
    rmSync(other, { recursive: true, force: true });
  }
});
