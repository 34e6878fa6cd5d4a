// Disclosure e2e, creating items from the UI: a decision recorded on the case page drafts the
// result (查看公示), its redaction findings are shown, it is submitted and a different user approves;
// after a withdrawal the case offers 起草公示 again. Before-the-fact notices (服务指南 with personal
// data in it, 执法人员名单, 权责清单 pasted from a spreadsheet, 流程图 with an image) are drafted
// and the annual statistics report through 新建公示, and the deadline settings are changed in 公示设置.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHarness } from '../../core/harness/server.js';
import { DEFAULT_CATALOGUE } from '../../shared/logic/review-catalogue.js';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../helpers/app.js';
import { launchBrowser, PROJECT_ROOT, screenshot } from '../helpers/browser.js';
import { disclosureWorld, PARTY_ID } from '../helpers/disclosure.js';
import { pickOption, signInFresh } from './support.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const PASSWORD = 'Gongshi#2026';
const idOf = (page: Page) => Number(/#\/disclosure\/(\d+)/.exec(page.url())?.[1]);

async function newNotice(page: Page, kind: string) {
  await page.getByRole('menuitem', { name: '公示' }).click();
  await page.getByRole('button', { name: '新建公示' }).click();
  const dialog = page.getByRole('dialog', { name: '新建公示' });
  await dialog.getByRole('button', { name: /^起\s*草$/ }).waitFor();
  // check() clicks and then confirms the radio took the choice (a click while the dialog is still
  // opening can be lost on a busy machine).
  await dialog.getByRole('radio', { name: kind }).check();
  return dialog;
}

async function draft(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByRole('button', { name: /^起\s*草$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(/脱敏审查（共 \d+ 处）/).waitFor();
}

test('result drafted by the decision, findings, submit, approval by another user; notices from 新建公示; settings', { timeout: 300_000 }, async () => {
  const w = await disclosureWorld();
  const { t } = w;
  // Small fines are not major in this bureau's catalogue, so the officer can record the decision directly.
  await t.call('review.catalogue.update', { ...DEFAULT_CATALOGUE, rules: DEFAULT_CATALOGUE.rules.filter((r) => r.id !== 'ordinary-penalty') });
  const k = await w.personCase();
  const harness = await startHarness(t.app, { staticDir: join(PROJECT_ROOT, 'dist-renderer') });
  const base = harness.openUrl.split('?')[0].replace(/\/$/, '');
  const signIn = (username: string) => signInFresh(browser, harness.openUrl, username, { password: PASSWORD, firstPassword: USER_PASSWORD });
  const tmp = mkdtempSync(join(tmpdir(), 'sanxiang-flowchart-'));
  const errors: string[] = [];
  try {
    // The officer records the decision on the case page; the draft appears as 查看公示（草稿）.
    const o = await signIn('zhifa');
    await o.page.goto(`${base}/#/cases/${k.caseId}?tab=review`);
    await o.page.getByRole('button', { name: '记录决定' }).click();
    const decide = o.page.getByRole('dialog', { name: '记录行政决定' });
    // Saving without the measure: the service's sentence is shown in the dialog.
    await decide.getByLabel('罚款金额（张三丰，元）').fill('1370');
    await decide.getByLabel('法律依据').fill('《中华人民共和国森林法》第七十六条第二款');
    await decide.getByLabel('决定内容').fill('处罚款人民币1370元，并责令补种滥伐株数五倍的树木。');
    await decide.getByRole('button', { name: '保存决定' }).click();
    await decide.getByText(/处理措施中没有选择“罚款”/).waitFor();
    await decide.getByLabel('处罚种类').click();
    await pickOption(o.page, '罚款');
    await decide.getByRole('button', { name: '保存决定' }).click();
    await decide.waitFor({ state: 'hidden' });
    await o.page.getByRole('button', { name: /查看公示\s*草稿/ }).waitFor();
    await screenshot(o.page, '55-01-case-decided-draft-link');
    await o.page.getByRole('button', { name: /查看公示/ }).click();
    await o.page.getByText(/脱敏审查（共 \d+ 处）/).waitFor();
    const resultId = idOf(o.page);
    const marks = o.page.locator('mark.sx-finding');
    assert.ok((await marks.count()) >= 4, 'name, ID number, phone and address are highlighted');
    for (const kind of ['person-name', 'id-number', 'mobile', 'address']) assert.ok((await o.page.locator(`mark.sx-finding[data-kind="${kind}"]`).count()) > 0, kind);
    assert.equal(await o.page.getByText(PARTY_ID).count(), 0, 'the ID number is not shown in the clear');
    await screenshot(o.page, '55-02-result-findings');
    await o.page.getByRole('button', { name: '提交审核' }).click();
    await o.page.getByTestId('state-tag').filter({ hasText: '待审核' }).waitFor();

    // A publisher (not the author) approves it.
    const p = await signIn('gongkai');
    await p.page.goto(`${base}/#/disclosure/${resultId}`);
    await p.page.getByRole('button', { name: '审核通过' }).click();
    await p.page.getByTestId('state-tag').filter({ hasText: '已审核待发布' }).waitFor();
    await screenshot(p.page, '55-03-result-approved');
    const approved = await t.call('disclosure.get', { id: resultId }, w.publisher);
    assert.equal(approved.approvedBy, 'gongkai');
    assert.equal(approved.check.ok, true);

    // Taken down in error: the case offers 起草公示 again, which opens a new draft.
    await t.call('disclosure.withdraw', { id: resultId, event: 'error', eventOn: approved.itemDate, reason: '当事人信息有误，重新起草' }, w.publisher);
    await o.page.goto(`${base}/#/cases/${k.caseId}?tab=review`);
    await o.page.getByRole('button', { name: '起草公示' }).click();
    await o.page.getByText(/脱敏审查（共 \d+ 处）/).waitFor();
    assert.notEqual(idOf(o.page), resultId);
    assert.equal((await t.call('disclosure.get', { id: idOf(o.page) }, w.officer)).caseId, k.caseId);

    // 服务指南 with personal data typed into it: highlighted, submitted, approved by the other publisher.
    let dialog = await newNotice(p.page, '服务指南');
    await dialog.getByLabel('标题', { exact: true }).fill('林木采伐许可证核发服务指南');
    await dialog.getByLabel('第 1 段正文').fill('《中华人民共和国森林法》第五十六条。');
    await dialog.getByLabel('第 2 段正文').fill('申请人持有林木所有权证明。受理窗口联系人王小明，手机13912345678。');
    await screenshot(p.page, '55-04-new-guide');
    await draft(p.page, dialog);
    const guideId = idOf(p.page);
    await p.page.locator('mark.sx-finding[data-kind="mobile"]').first().waitFor();
    await p.page.locator('mark.sx-finding[data-kind="person-name"]').first().waitFor();
    await p.page.getByText('0825-2222110').first().waitFor();
    assert.equal(await p.page.locator('mark.sx-finding', { hasText: '0825' }).count(), 0, "the bureau's own phone is published as is");
    await screenshot(p.page, '55-05-guide-findings');
    await p.page.getByRole('button', { name: '提交审核' }).click();
    await p.page.getByTestId('state-tag').filter({ hasText: '待审核' }).waitFor();
    // The author is not offered 审核通过 (the services refuse it too: tests/db/disclosure-workflow.test.ts).
    await p.page.getByText('您编写或修改过此版本').waitFor();
    assert.equal(await p.page.getByRole('button', { name: '审核通过' }).count(), 0, 'not offered to the author');
    const p2 = await signIn('gongkai2');
    await p2.page.goto(`${base}/#/disclosure/${guideId}`);
    await p2.page.getByRole('button', { name: '审核通过' }).click();
    await p2.page.getByTestId('state-tag').filter({ hasText: '已审核待发布' }).waitFor();

    // 执法人员名单 from the officers register, shown as a table.
    dialog = await newNotice(p.page, '执法人员名单');
    await dialog.getByText(/将生成 2 名执法人员的名单/).waitFor();
    await draft(p.page, dialog);
    await p.page.getByTestId('table-findings').getByText('王建国').waitFor();
    await screenshot(p.page, '55-06-roster');

    // 权责清单 pasted from a spreadsheet (first line the column names).
    dialog = await newNotice(p.page, '权责清单');
    await dialog.getByLabel('表格标题').fill('行政处罚事项');
    await dialog.getByLabel('粘贴表格').fill('序号\t事项名称\t职权类型\t实施依据\n1\t对滥伐林木的处罚\t行政处罚\t《森林法》第七十六条\n2\t林木采伐许可证核发\t行政许可\t《森林法》第五十六条');
    await dialog.getByText('共 4 列、2 行').waitFor();
    await screenshot(p.page, '55-07-new-powers');
    await draft(p.page, dialog);
    const powers = await t.call('disclosure.get', { id: idOf(p.page) }, w.publisher);
    assert.deepEqual(powers.notice?.table?.columns, ['序号', '事项名称', '职权类型', '实施依据']);
    assert.equal(powers.notice?.table?.caption, '行政处罚事项');
    assert.equal(powers.notice?.table?.rows.length, 2);
    // 修改内容 replaces the table with a newly pasted one.
    await p.page.getByRole('button', { name: '修改内容' }).click();
    const edit = p.page.getByRole('dialog', { name: '修改公示内容' });
    await edit.getByLabel('粘贴表格').fill('序号\t事项名称\t职权类型\n1\t对滥伐林木的处罚\t行政处罚\n2\t对盗伐林木的处罚\t行政处罚\n3\t林木采伐许可证核发\t行政许可');
    await edit.getByText('共 3 列、3 行').waitFor();
    await screenshot(p.page, '55-07b-edit-powers-table');
    await edit.getByRole('button', { name: /^保\s*存$/ }).click();
    await edit.waitFor({ state: 'hidden' });
    await p.page.getByTestId('table-findings').getByText('对盗伐林木的处罚').waitFor();
    const edited = await t.call('disclosure.get', { id: powers.id }, w.publisher);
    assert.deepEqual([edited.notice?.table?.columns.length, edited.notice?.table?.rows.length, edited.notice?.table?.caption], [3, 3, '行政处罚事项']);

    // 流程图: without the image the form says so; with a real PNG it is drafted.
    dialog = await newNotice(p.page, '执法流程图');
    await dialog.getByRole('button', { name: /^起\s*草$/ }).click();
    await dialog.getByText('请选择流程图图片（PNG 或 JPG）。').waitFor();
    const png = join(tmp, '执法流程图.png');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=white:s=480x270', '-frames:v', '1', '-y', png]);
    await dialog.locator('input[type=file]').setInputFiles(png);
    await dialog.getByAltText('流程图预览').waitFor();
    await dialog.getByLabel('图片文字说明').fill('立案、调查取证、告知、法制审核、决定、送达、执行、结案');
    await draft(p.page, dialog);
    const chart = await t.call('disclosure.get', { id: idOf(p.page) }, w.publisher);
    assert.equal(chart.image?.mime, 'image/png');

    // 年度统计报告 from the year's figures.
    dialog = await newNotice(p.page, '年度统计报告');
    await dialog.getByLabel('统计年度').fill('2026');
    await dialog.getByRole('button', { name: '生成公示稿' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await p.page.getByRole('heading', { name: '遂宁市林业局2026年度行政执法数据' }).waitFor();
    await p.page.getByText('一、总体情况').waitFor();
    await screenshot(p.page, '55-07c-annual');

    // 公示设置: the deadlines, one place.
    const a = await signInFresh(browser, harness.openUrl, 'admin', { password: ADMIN_PASSWORD });
    await a.page.goto(`${base}/#/settings?tab=disclosure`);
    await a.page.getByLabel('决定公示期限').fill('5');
    await a.page.getByLabel('撤下期限').fill('2');
    await screenshot(a.page, '55-08-settings');
    await a.page.getByRole('button', { name: '保存公示设置' }).click();
    await a.page.getByText('公示设置已保存').waitFor();
    const s = await t.call('disclosure.settings.get', {});
    assert.deepEqual([s.publishWorkdays, s.withdrawWorkdays, s.takedownYears, s.takedownYearsPersons], [5, 2, null, 2]);

    errors.push(...o.errors, ...p.errors, ...p2.errors, ...a.errors);
    for (const x of [o, p, p2, a]) await x.close();
    assert.deepEqual(errors, []);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await harness.close();
    t.close();
  }
});
