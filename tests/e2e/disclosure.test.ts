// Disclosure (公示) e2e over the demo data: an officer's draft with its findings highlighted is
// submitted, another user (the publisher) approves it; an author cannot approve their own item;
// the tabs, preview and publish dialog are captured as screenshots.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runDemo, DEMO_PASSWORD } from '../../core/demo/index.js';
import type { DisclosureDetail, DisclosureList } from '../../shared/disclosure-types.js';
import { collectPageErrors, launchBrowser, newPage, openUi, screenshot, startTestApp, type TestApp } from '../helpers/browser.js';
import { call, login } from './support.js';
import { dispatch } from '../../core/dispatch.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const session = async (t: TestApp, username: string, password = DEMO_PASSWORD) =>
  (await call<{ sessionId: string }>(t.app, 'auth.login', { username, password })).sessionId;

async function signedIn(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const { context, page } = await newPage(browser);
  page.setDefaultTimeout(20_000);
  const errors = collectPageErrors(page);
  await openUi(page, t);
  await login(page, username, password);
  await page.getByRole('menuitem', { name: '公示' }).click();
  await page.getByRole('heading', { name: '公示' }).waitFor();
  return { page, errors, close: () => context.close() };
}

async function openTab(page: Page, label: string) {
  await page.getByRole('tab', { name: label, exact: true }).click();
  await page.locator('.ant-tabs-tab-active', { hasText: label }).waitFor();
  await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined);
}

/** How many findings are highlighted is `n` (a function, not a string: the page's CSP forbids eval). */
const findingsAre = (n: number) =>
  (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('mark.sx-finding').length === n;

test('an officer drafts with highlighted findings, another user approves; no self-approval', { timeout: 240_000 }, async () => {
  const t = await startTestApp();
  try {
    await runDemo(t.app);
    const officer = await session(t, 'zhifa1');
    const drafts = await call<DisclosureList>(t.app, 'disclosure.list', { state: 'draft', pageSize: 200 }, officer);
    let item: DisclosureDetail | undefined;
    for (const r of drafts.rows) {
      const d = await call<DisclosureDetail>(t.app, 'disclosure.get', { id: r.id }, officer);
      if (d.check.ok && d.result && d.fields.some((f) => f.findings.some((x) => x.kind === 'person-name'))) {
        item = d;
        break;
      }
    }
    assert.ok(item, 'the demo has a draft with a person-name finding');

    // A user who both drafts and publishes: corrects a published item, so it is their own.
    const admin = await session(t, 'admin');
    await call(t.app, 'users.create', { username: 'liangren', displayName: '梁仁', roles: ['officer', 'publisher'], password: 'Liang@2026x' }, admin);
    const first = await session(t, 'liangren', 'Liang@2026x');
    await call(t.app, 'auth.changePassword', { oldPassword: 'Liang@2026x', newPassword: 'Liang@2026y' }, first);
    const both = await session(t, 'liangren', 'Liang@2026y');
    const published = await call<DisclosureList>(t.app, 'disclosure.list', { state: 'published', pageSize: 200 }, both);
    let own: DisclosureDetail | undefined;
    for (const r of published.rows) {
      const d = await call<DisclosureDetail>(t.app, 'disclosure.get', { id: r.id }, both);
      if (d.versions[d.versions.length - 1].id !== d.id || !d.check.ok) continue;
      own = await call<DisclosureDetail>(t.app, 'disclosure.correct', { id: d.id, note: '当事人名称有误，予以更正。' }, both);
      await call(t.app, 'disclosure.submit', { id: own.id }, both);
      break;
    }
    assert.ok(own, 'a published item to correct');

    // The officer: the draft with its findings highlighted, undo one and restore it, submit.
    const o = await signedIn(t, 'zhifa1');
    await screenshot(o.page, '50-01-tab-draft');
    await o.page.goto(`${new URL(o.page.url()).origin}/#/disclosure/${item.id}`);
    await o.page.getByRole('heading', { name: item.title }).waitFor();
    const marks = o.page.locator('mark.sx-finding');
    const before = await marks.count();
    assert.ok(before > 0, 'findings are highlighted');
    await o.page.locator('mark.sx-finding[data-kind="person-name"] sup', { hasText: '自然人姓名' }).first().waitFor();
    await screenshot(o.page, '50-06-editor-highlights');
    await marks.first().click();
    await o.page.getByText('已决定原样公开：').waitFor();
    assert.ok((await marks.count()) < before, 'the undone value is shown plain');
    await o.page.locator('.ant-tag .ant-tag-close-icon').first().click();
    await o.page.getByText('已决定原样公开：').waitFor({ state: 'detached' });
    assert.equal(await marks.count(), before, 'restored');
    // Select plain text to add a mask by hand, then undo it by clicking it.
    await o.page.evaluate(`(() => {
      const span = document.querySelector('[data-testid="field-facts"] [data-plain-start]');
      const text = span.firstChild;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(2, text.length));
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    })()`);
    const addDialog = o.page.getByRole('dialog', { name: '添加脱敏标记' });
    await addDialog.waitFor();
    await addDialog.getByRole('button', { name: '添加' }).click();
    await addDialog.waitFor({ state: 'hidden' });
    await o.page.waitForFunction(findingsAre, before + 1);
    await o.page.locator('[data-testid="field-facts"] mark.sx-finding').first().click();
    await o.page.waitForFunction(findingsAre, before);
    await o.page.getByRole('button', { name: '提交审核' }).click();
    await o.page.getByTestId('state-tag').filter({ hasText: '待审核' }).waitFor();
    assert.equal(await o.page.getByRole('button', { name: '审核通过' }).count(), 0, 'an officer cannot approve');
    assert.deepEqual(o.errors, []);
    await o.close();

    // The publisher: every tab, then approves the officer's item.
    const p = await signedIn(t, 'gongkai');
    const tabs: [string, string][] = [['草稿', '01-tab-draft'], ['待审核', '02-tab-pending'], ['已审核待发布', '03-tab-approved'], ['已发布', '04-tab-published'], ['逾期', '05-tab-overdue'], ['已撤下', '05b-tab-withdrawn']];
    for (const [label, name] of tabs) {
      await openTab(p.page, label);
      if (label !== '草稿') await screenshot(p.page, `50-${name}`);
    }
    await openTab(p.page, '待审核');
    await p.page.getByRole('cell', { name: item.title }).first().click();
    await p.page.getByRole('heading', { name: item.title }).waitFor();
    await p.page.getByRole('button', { name: '审核通过' }).click();
    await p.page.getByTestId('state-tag').filter({ hasText: '已审核待发布' }).waitFor();
    await p.page.getByText(/已由 信息公开员 于 .* 审核通过/).waitFor();
    await p.page.getByRole('button', { name: '网站预览' }).click();
    const frame = p.page.locator('iframe[title="公示网站预览"]');
    await frame.waitFor();
    assert.equal(await frame.getAttribute('sandbox'), '', 'no scripts in the preview');
    await p.page.frameLocator('iframe[title="公示网站预览"]').locator('body').waitFor();
    await screenshot(p.page, '50-07-preview');
    await p.page.keyboard.press('Escape');
    await p.page.getByRole('link', { name: '公示' }).first().click();
    await p.page.getByRole('button', { name: '发布网站' }).click();
    const dialog = p.page.getByRole('dialog', { name: '发布公示网站' });
    await dialog.getByText('本机预览文件夹').waitFor();
    await screenshot(p.page, '50-08-publish-dialog');
    await dialog.getByRole('button', { name: '开始发布' }).click();
    await dialog.getByText('上传数据量').waitFor({ timeout: 60_000 });
    await screenshot(p.page, '50-09-publish-result');
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();
    await p.page.getByRole('button', { name: '发布记录' }).click();
    await p.page.getByRole('heading', { name: '发布记录' }).waitFor();
    await p.page.getByRole('cell', { name: '成功' }).first().waitFor();
    await screenshot(p.page, '50-10-publish-log');
    assert.deepEqual(p.errors, []);
    await p.close();

    // The author who is also a publisher is not offered 审核通过 on their own item, and the
    // services refuse it if called anyway.
    const b = await signedIn(t, 'liangren', 'Liang@2026y');
    await b.page.goto(`${new URL(b.page.url()).origin}/#/disclosure/${own.id}`);
    await b.page.getByText('您编写或修改过此版本').waitFor();
    assert.equal(await b.page.getByRole('button', { name: '审核通过' }).count(), 0);
    await screenshot(b.page, '50-11-self-approval-refused');
    const refused = await dispatch(t.app, 'disclosure.approve', { id: own.id, note: '' }, { sessionToken: both });
    assert.ok(!refused.ok && /另一位信息公开员/.test(refused.error.message));
    const still = await call<DisclosureDetail>(t.app, 'disclosure.get', { id: own.id }, both);
    assert.equal(still.state, 'pending');
    await b.close();

    // The administrator: publish targets (no 发布网站 button: publishing is the publisher's job).
    const a = await signedIn(t, 'admin');
    assert.equal(await a.page.getByRole('button', { name: '发布网站' }).count(), 0);
    await a.page.getByRole('button', { name: '发布目标' }).click();
    await a.page.getByRole('cell', { name: '本机预览文件夹' }).waitFor();
    await a.page.getByRole('button', { name: '新增发布目标' }).click();
    await a.page.getByRole('dialog', { name: '新增发布目标' }).getByRole('button', { name: '读取并核对' }).waitFor();
    await screenshot(a.page, '50-12-targets-new');
    assert.deepEqual(a.errors, []);
    await a.close();
  } finally {
    await t.close();
  }
});
