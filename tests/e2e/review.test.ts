// Legal review e2e: handler submits (missing materials first shown), reviewer returns it, handler
// supplements and resubmits, reviewer agrees (opinion PDF downloaded), head records the decision.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHarness } from '../../core/harness/server.js';
import { USER_PASSWORD } from '../helpers/app.js';
import { launchBrowser, PROJECT_ROOT, screenshot } from '../helpers/browser.js';
import { reviewWorld } from '../helpers/review.js';
import { signInFresh } from './support.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const NEW_PASSWORD = 'Review#2026x';

/** Signs `username` in (changing the admin-set password the first time). */
const signIn = (openUrl: string, username: string, first: boolean) =>
  signInFresh(browser, openUrl, username, { password: NEW_PASSWORD, firstPassword: first ? USER_PASSWORD : undefined });

async function pickMaterials(page: Page, picks: [string, string][]) {
  const drawer = page.locator('.ant-drawer');
  for (const [label, title] of picks) {
    const input = drawer.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(title);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: title }).waitFor();
    await input.press('Enter');
    await drawer.locator('.ant-drawer-title').click();
  }
}

test('submit, return, resubmit, agree, decide', async () => {
  const w = await reviewWorld();
  const k = await w.newCase();
  // One reviewer handles both rounds: leave new rounds unassigned (shared queue) rather than balanced.
  await w.t.call('review.settings.update', { autoAssign: false });
  const harness = await startHarness(w.t.app, { staticDir: join(PROJECT_ROOT, 'dist-renderer') });
  const base = harness.openUrl.split('?')[0].replace(/\/$/, '');
  const allErrors: string[] = [];
  try {
    // Handler: submit with no materials → the server's list of what is missing; then complete it.
    const h = await signIn(harness.openUrl, 'handler', true);
    await h.page.goto(`${base}/#/cases/${k.caseId}?tab=review`);
    await h.page.getByText('本案件尚未提交法制审核').waitFor();
    await h.page.getByRole('button', { name: '提交法制审核' }).click();
    const drawer = h.page.locator('.ant-drawer');
    await drawer.getByLabel('罚款金额（张喆，元）').fill('3000');
    await drawer.getByLabel('法律依据').fill('《森林法》第七十三条');
    await drawer.getByLabel('拟处理意见').fill('拟对当事人处以罚款人民币 3,000 元，并责令限期恢复原状。');
    await drawer.getByLabel('承办人意见').fill('事实清楚，证据确凿，拟按一般档次处罚。');
    await drawer.getByRole('button', { name: '判断是否属于重大执法决定' }).click();
    await drawer.getByText('属于重大执法决定，须经法制审核').waitFor();
    await drawer.getByRole('button', { name: '提交送审' }).click();
    await drawer.getByText('未能提交，请补正以下内容：').waitFor();
    await screenshot(h.page, '40-01-submit-missing');
    await pickMaterials(h.page, [
      ['立案审批表', '立案审批表'],
      ['调查（询问、检查）笔录', '询问笔录'],
      ['证据材料', '现场勘验图及照片'],
      ['行政处罚事先告知书', '行政处罚事先告知书'],
      ['陈述申辩材料', '陈述申辩笔录'],
    ]);
    await screenshot(h.page, '40-02-submit-form');
    await drawer.getByRole('button', { name: '提交送审' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await h.page.getByRole('cell', { name: '第 1 轮' }).waitFor();
    await screenshot(h.page, '40-03-case-review-tab-submitted');

    // Reviewer: queue → workspace → claim → 退回补充.
    const r = await signIn(harness.openUrl, 'reviewer', true);
    await r.page.getByRole('menuitem', { name: '法制审核' }).click();
    await r.page.getByRole('cell', { name: k.caseNo }).waitFor();
    await screenshot(r.page, '40-04-reviewer-queue');
    await r.page.getByRole('cell', { name: k.caseNo }).click();
    await r.page.getByRole('button', { name: '开始审核' }).click();
    await r.page.getByText('记录审核意见').waitFor();
    const facts = r.page.getByRole('row', { name: /事实是否清楚/ });
    await facts.getByText('存在问题').click();
    await r.page.getByLabel('事实是否清楚、证据是否确凿充分说明').fill('询问笔录缺少当事人签名，请补正。');
    await r.page.getByText('退回补充', { exact: true }).click();
    await r.page.getByLabel('审核意见', { exact: true }).fill('经审核，本案证据尚不充分，请补充后重新送审。');
    await screenshot(r.page, '40-05-workspace-return');
    await r.page.getByRole('button', { name: '提交审核意见' }).click();
    await r.page.getByRole('button', { name: '下载审核意见书（PDF）' }).waitFor();

    // Handler supplements the file and resubmits with a changed amount.
    await w.t.call('cases.addRecord', { caseId: k.caseId, title: '询问笔录（补正签名）', body: '补正后的询问笔录' }, w.handler);
    await h.page.reload();
    await h.page.getByRole('button', { name: '补充后重新送审' }).click();
    await drawer.getByLabel('罚款金额（张喆，元）').fill('3500');
    await drawer.getByLabel('拟处理意见').fill('拟对当事人处以罚款人民币 3,500 元，并责令限期恢复原状。');
    await pickMaterials(h.page, [
      ['立案审批表', '立案审批表'],
      ['调查（询问、检查）笔录', '询问笔录（补正签名）'],
      ['证据材料', '现场勘验图及照片'],
      ['行政处罚事先告知书', '行政处罚事先告知书'],
      ['陈述申辩材料', '陈述申辩笔录'],
    ]);
    await drawer.getByRole('button', { name: '提交送审' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await h.page.getByRole('cell', { name: '第 2 轮' }).waitFor();
    await h.page.getByRole('menuitem', { name: '法制审核' }).click();
    await h.page.getByRole('tab', { name: '我的送审' }).waitFor();
    await h.page.getByRole('cell', { name: '第 2 轮' }).waitFor();
    await screenshot(h.page, '40-06-my-submissions');

    // Reviewer agrees and downloads the opinion PDF.
    await r.page.getByRole('menuitem', { name: '法制审核' }).click();
    await r.page.getByRole('cell', { name: '第 2 轮' }).click();
    await r.page.getByRole('button', { name: '开始审核' }).click();
    await r.page.getByText('与上一轮送审相比的变化').waitFor();
    await r.page.getByText('同意', { exact: true }).click();
    await r.page.getByLabel('审核意见', { exact: true }).fill('经审核，本案事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，同意承办人意见。');
    await r.page.getByRole('button', { name: '提交审核意见' }).click();
    const [pdf] = await Promise.all([r.page.waitForEvent('download'), r.page.getByRole('button', { name: '下载审核意见书（PDF）' }).click()]);
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    await screenshot(r.page, '40-07-workspace-agreed');

    // Head records the decision through the gate.
    const hd = await signIn(harness.openUrl, 'head', true);
    await hd.page.getByRole('menuitem', { name: '法制审核' }).click();
    await hd.page.getByRole('tab', { name: '超期审核事项' }).waitFor();
    await screenshot(hd.page, '40-08-head-overdue');
    await hd.page.goto(`${base}/#/cases/${k.caseId}?tab=review`);
    await hd.page.getByText('已满足作出决定的条件').waitFor();
    await screenshot(hd.page, '40-09-case-review-history');
    await hd.page.getByRole('button', { name: '记录决定' }).click();
    const modal = hd.page.getByRole('dialog', { name: '记录行政决定' });
    await modal.getByLabel('决定内容').waitFor();
    await screenshot(hd.page, '40-10-decision-form');
    await modal.getByRole('button', { name: '保存决定' }).click();
    await modal.waitFor({ state: 'hidden' });
    await hd.page.getByText(/已作出决定：/).waitFor();
    await screenshot(hd.page, '40-11-decided');
    const decision = await w.t.call('decisions.get', { caseId: k.caseId }, w.head);
    assert.equal(decision.decision?.basis, 'review');
    assert.equal(decision.decision?.amounts[0]?.fine, 3500);

    allErrors.push(...h.errors, ...r.errors, ...hd.errors);
    await h.close();
    await r.close();
    await hd.close();
    assert.deepEqual(allErrors, []);
  } finally {
    await harness.close();
    w.t.close();
  }
});
