// Legal review e2e, the head's side: two reviewers open the same pool item (the second sees who
// holds it); the head assigns it (only qualified non-handlers can be picked) and extends the due
// date once with a reason; the reviewer suggests a change; the handler's disagreement goes to the
// head's collective discussion, recorded in the UI, which opens the gate; the decision follows.
// The auditor reads the workspace without a link to the case page they may not open.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startHarness } from '../../core/harness/server.js';
import { todayLocal } from '../../shared/logic/calendar.js';
import { USER_PASSWORD } from '../helpers/app.js';
import { launchBrowser, PROJECT_ROOT, screenshot } from '../helpers/browser.js';
import { reviewWorld, submitInput } from '../helpers/review.js';
import { signInFresh } from './support.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const PASSWORD = 'Review#2026y';

test('hold, assign, extend, collective discussion, decision; auditor without the case link', { timeout: 300_000 }, async () => {
  const w = await reviewWorld();
  const { t } = w;
  // Chinese display names, as a bureau would have them.
  const names: [typeof w.reviewer, string][] = [
    [w.handler, '王建国'], [w.handler2, '李秀英'], [w.reviewer, '赵法审'], [w.reviewer2, '钱复核'],
    [w.unqualified, '孙未审'], [w.handlerReviewer, '李秀英（审核）'], [w.head, '周局长'],
  ];
  for (const [u, displayName] of names) await t.call('users.update', { id: u.id, displayName });
  const auditor = await t.user('auditor', ['auditor']);
  await t.call('users.update', { id: auditor.id, displayName: '吴审计' });
  await t.call('review.settings.update', { autoAssign: false });
  const k = await w.newCase();
  const sub = await t.call('review.submit', submitInput(k), w.handler);
  const harness = await startHarness(t.app, { staticDir: join(PROJECT_ROOT, 'dist-renderer') });
  const base = harness.openUrl.split('?')[0].replace(/\/$/, '');
  const signIn = (username: string) => signInFresh(browser, harness.openUrl, username, { password: PASSWORD, firstPassword: USER_PASSWORD });
  const workspace = `${base}/#/review/${sub.submissionId}`;
  const errors: string[] = [];
  try {
    // Two reviewers open the same pool item: the second sees who holds it and cannot start.
    const r1 = await signIn('reviewer');
    await r1.page.goto(workspace);
    await r1.page.getByRole('button', { name: '开始审核' }).click();
    await r1.page.getByText('记录审核意见').waitFor();
    const r2 = await signIn('reviewer2');
    await r2.page.goto(workspace);
    await r2.page.getByText(/由赵法审审核中（自 .* 起）/).first().waitFor();
    assert.equal(await r2.page.getByRole('button', { name: '开始审核' }).count(), 0, 'no second start while held');
    await screenshot(r2.page, '45-01-held-by-other');

    // The head: open items, assignment with only eligible reviewers selectable.
    const hd = await signIn('head');
    await hd.page.getByRole('menuitem', { name: '法制审核' }).click();
    await hd.page.getByRole('tab', { name: '在审事项' }).waitFor();
    await hd.page.getByRole('cell', { name: k.caseNo }).waitFor();
    await hd.page.getByText('由赵法审审核中').waitFor();
    await screenshot(hd.page, '45-02-head-open-items');
    await hd.page.getByRole('cell', { name: k.caseNo }).click();
    await hd.page.getByRole('button', { name: '分配审核人员' }).click();
    const assign = hd.page.getByRole('dialog', { name: '分配审核人员' });
    await assign.getByRole('combobox', { name: '审核人员' }).click();
    const option = (name: string) => hd.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name });
    await option('孙未审').waitFor();
    assert.match((await option('孙未审').getAttribute('class')) ?? '', /disabled/, 'an unqualified reviewer cannot be picked');
    assert.match(await option('孙未审').innerText(), /未登记法制审核资格/);
    assert.match((await option('李秀英（审核）').getAttribute('class')) ?? '', /disabled/, 'a handler of the case cannot be picked');
    assert.match(await option('李秀英（审核）').innerText(), /本案承办人/);
    await screenshot(hd.page, '45-03-assign-choices');
    await option('赵法审').click();
    await assign.getByRole('button', { name: '确定分配' }).click();
    await assign.waitFor({ state: 'hidden' });
    assert.equal((await t.call('review.get', { submissionId: sub.submissionId }, w.head)).assignee?.name, '赵法审');

    // …and extends the due date once, with a reason.
    await hd.page.getByRole('button', { name: '延长审核期限' }).click();
    const extend = hd.page.getByRole('dialog', { name: '延长审核期限' });
    await extend.getByLabel('延长工作日数').fill('3');
    await extend.getByLabel('延期理由').fill('需向外地林业部门调取林地权属证明');
    await screenshot(hd.page, '45-04-extend-form');
    await extend.getByRole('button', { name: '确定延期' }).click();
    await extend.waitFor({ state: 'hidden' });
    await hd.page.getByText(`已延期（原期限 ${sub.due.dueOn}）`).waitFor();
    await hd.page.getByText('需向外地林业部门调取林地权属证明').waitFor();
    assert.equal(await hd.page.getByRole('button', { name: '延长审核期限' }).count(), 0, 'extended once only');
    await screenshot(hd.page, '45-05-workspace-extended');
    await hd.page.getByRole('menuitem', { name: '法制审核' }).click();
    await hd.page.getByRole('row', { name: new RegExp(k.caseNo) }).getByText('已延期').waitFor();

    // The reviewer suggests a change.
    await r1.page.reload();
    await r1.page.getByText('记录审核意见').waitFor();
    await r1.page.getByText('建议变更', { exact: true }).click();
    await r1.page.getByLabel('审核意见', { exact: true }).fill('经审核，拟处罚款数额偏高，与本局裁量基准一般档次不符，建议变更为从轻档次。');
    await r1.page.getByRole('button', { name: '提交审核意见' }).click();
    await r1.page.getByRole('button', { name: '下载审核意见书（PDF）' }).waitFor();

    // The handler disagrees: the head records the collective discussion, which opens the gate.
    await hd.page.goto(`${base}/#/cases/${k.caseId}?tab=review`);
    await hd.page.getByText('须经负责人集体讨论').waitFor();
    await hd.page.getByRole('button', { name: '记录决定' }).click();
    const decide = hd.page.getByRole('dialog', { name: '记录行政决定' });
    await decide.getByText('目前不能作出决定').waitFor();
    await decide.getByRole('button', { name: '取消' }).click();
    await decide.waitFor({ state: 'hidden' });
    await screenshot(hd.page, '45-06-case-needs-discussion');

    await hd.page.getByRole('button', { name: '记录集体讨论' }).click();
    const disc = hd.page.getByRole('dialog', { name: '记录集体讨论' });
    // Save with one participant: the form says two are needed.
    await disc.getByRole('button', { name: '保存讨论记录' }).click();
    await disc.getByText('集体讨论应有两名以上人员参加').waitFor();
    const people = disc.getByRole('combobox', { name: '参加人员' });
    await people.click();
    await hd.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '李秀英' }).first().click();
    await people.fill('法规科科长');
    await people.press('Enter');
    await disc.getByLabel('讨论记录').fill('承办机构认为当事人系再次违法，应按一般档次处罚；法制审核机构建议从轻。经讨论，多数意见同意按承办机构意见处理。');
    await disc.getByText('同意按拟处理意见作出决定').click();
    await disc.getByLabel('结论说明').fill('当事人系再次违法，不适用从轻情节。');
    await screenshot(hd.page, '45-07-discussion-form');
    await disc.getByRole('button', { name: '保存讨论记录' }).click();
    await disc.waitFor({ state: 'hidden' });
    await hd.page.getByText('已满足作出决定的条件（集体讨论决定）').waitFor();
    await hd.page.getByText(/集体讨论（\d{4}-\d{2}-\d{2}）\s*针对第 1 轮审核意见/).waitFor();
    await hd.page.getByText('周局长、李秀英、法规科科长').waitFor();
    await screenshot(hd.page, '45-08-case-discussed');

    await hd.page.getByRole('button', { name: '记录决定' }).click();
    await decide.getByLabel('决定内容').waitFor();
    await decide.getByRole('button', { name: '保存决定' }).click();
    await decide.waitFor({ state: 'hidden' });
    await hd.page.getByText(/已作出决定：.*集体讨论决定/).waitFor();
    const decision = (await t.call('decisions.get', { caseId: k.caseId }, w.head)).decision;
    assert.equal(decision?.basis, 'discussion');
    const history = await t.call('review.history', { caseId: k.caseId }, w.head);
    assert.deepEqual(history.discussions.map((d) => [d.participants, d.conclusion]), [[['周局长', '李秀英', '法规科科长'], 'approve']]);
    // The minutes are filed in the case (and so archived with it).
    const records = (await t.call('cases.get', { id: k.caseId }, w.head)).records;
    const minutes = records.find((r) => r.id === history.discussions[0].recordId);
    assert.equal(minutes?.title, `集体讨论记录（${todayLocal()}）`);

    // The workspace shows the round's history with the discussion.
    await hd.page.goto(workspace);
    await hd.page.getByText('本案审核与讨论记录').waitFor();
    await hd.page.getByText('同意按拟处理意见作出决定').waitFor();
    await screenshot(hd.page, '45-09-workspace-history');

    // Statistics for the head.
    await hd.page.getByRole('menuitem', { name: '法制审核' }).click();
    await hd.page.getByRole('button', { name: '审核统计' }).click();
    await hd.page.getByText('按审核人员').waitFor();
    await hd.page.getByRole('row', { name: /赵法审/ }).waitFor();
    await screenshot(hd.page, '45-10-stats');

    // The auditor reads the workspace; the case page is not theirs to open, so no link to it.
    const au = await signIn('auditor');
    await au.page.goto(workspace);
    await au.page.getByText('本案审核与讨论记录').waitFor();
    assert.equal(await au.page.getByRole('button', { name: '查看案件' }).count(), 0);
    assert.equal(await au.page.getByRole('button', { name: '分配审核人员' }).count(), 0);
    await screenshot(au.page, '45-11-auditor-workspace');

    errors.push(...r1.errors, ...r2.errors, ...hd.errors, ...au.errors);
    for (const s of [r1, r2, hd, au]) await s.close();
    assert.deepEqual(errors, []);
  } finally {
    await harness.close();
    t.close();
  }
});
