// Foundation e2e: first run, sign-in, officers, a new case found by search, its detail and
// timeline, the audit trail; inline ID checks; role-based navigation and FORBIDDEN.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '../../shared/logic/check-digits.js';
import { collectPageErrors, launchBrowser, newPage, openUi, screenshot, startTestApp, type PageWindow } from '../helpers/browser.js';
import { ADMIN, BUREAU, call, fillDate, inDays, login, pickOption, seedBureau, seedOfficer } from './support.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const PARTY_NAME = '王建国';
const PARTY_ID = makeIdNumber('510903', '19800512', '123');

async function addOfficerViaUi(page: Page, o: { name: string; certNo: string; until: string; category: string; region: string }) {
  await page.getByRole('button', { name: '新增执法人员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增执法人员' });
  await dialog.getByLabel('姓名').fill(o.name);
  await dialog.getByLabel('执法证号').fill(o.certNo);
  await fillDate(page, '执法证有效期至', o.until);
  await dialog.getByLabel('执法类别').fill(o.category);
  await dialog.getByLabel('执法区域').fill(o.region);
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('cell', { name: o.certNo }).waitFor();
}

test('first run, officers, a case found by search, its timeline and the audit trail', async () => {
  const t = await startTestApp();
  const { context, page } = await newPage(browser);
  const errors = collectPageErrors(page);
  page.setDefaultTimeout(20_000);
  try {
    await openUi(page, t);

    // First run: the bureau and its administrator.
    await page.getByText('首次使用：登记本单位').waitFor();
    await page.getByLabel('单位名称').fill(BUREAU.name);
    await page.getByLabel('单位简称（用于案件编号）').fill(BUREAU.unitAbbr);
    await page.getByLabel('统一社会信用代码').fill(BUREAU.creditCode);
    await page.getByLabel('网站名称').fill(BUREAU.websiteName);
    await page.getByLabel('地址').fill(BUREAU.address);
    await page.getByLabel('联系电话').fill(BUREAU.phone);
    await page.getByLabel('账号').fill(ADMIN.username);
    await page.getByLabel('姓名').fill(ADMIN.displayName);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('确认密码').fill(ADMIN.password);
    await screenshot(page, '01-setup');
    await page.getByRole('button', { name: '完成初始化' }).click();

    // Sign in.
    await page.getByText('初始化完成，请使用刚才创建的管理员账号登录。').waitFor();
    await page.getByRole('heading', { name: BUREAU.name }).waitFor();
    await screenshot(page, '02-login');
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await screenshot(page, '03-dashboard-empty');

    // 设置 / 执法人员: two officers through the form.
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '执法人员' }).click();
    await addOfficerViaUi(page, { name: '张明', certNo: 'SN-LY-2021-0007', until: inDays(900), category: '林业行政执法', region: '船山区' });
    await addOfficerViaUi(page, { name: '李华', certNo: 'SN-LY-2022-0015', until: inDays(30), category: '林业行政执法', region: '安居区' });
    await page.getByText('即将到期（30天）').waitFor();
    await screenshot(page, '10-settings-officers');
    const [roster] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出公示名单' }).click()]);
    assert.equal(roster.suggestedFilename(), '执法人员公示名单.csv');

    // A sign-in for 张明 with the officer role.
    await page.getByRole('tab', { name: '用户与角色' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const userDialog = page.getByRole('dialog', { name: '新建用户' });
    await userDialog.getByLabel('账号').fill('zhangming');
    await userDialog.getByLabel('姓名').fill('张明');
    await userDialog.getByLabel('关联执法人员').click();
    await pickOption(page, '张明');
    await userDialog.getByLabel('初始密码', { exact: true }).fill('Zhang@2026');
    await userDialog.getByLabel('确认初始密码').fill('Zhang@2026');
    await userDialog.getByRole('button', { name: '保存' }).click();
    await userDialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'zhangming' }).waitFor();
    await screenshot(page, '11-settings-users');

    for (const [tab, name] of [
      ['单位信息', '12-settings-bureau'],
      ['执法记录仪', '13-settings-devices'],
      ['办案设置', '14-settings-case'],
      ['节假日', '15-settings-holidays'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel', { name: tab }).waitFor();
      if (tab === '办案设置') {
        await page.getByText('编号示例').waitFor();
        const timeout = page.getByLabel('会话超时（分钟）');
        await timeout.fill('45');
        await page.getByRole('button', { name: '保存办案设置' }).click();
        await page.getByText('办案设置已保存').waitFor();
      }
      if (tab === '节假日') await page.getByLabel(/年1月$/).first().waitFor();
      if (tab === '单位信息') await page.getByRole('button', { name: '保存单位信息' }).waitFor();
      if (tab === '执法记录仪') {
        await page.getByRole('button', { name: '登记记录仪' }).click();
        const dev = page.getByRole('dialog', { name: '登记执法记录仪' });
        await dev.getByLabel('设备编号').fill('DSJ-A8-20230917');
        await dev.getByLabel('型号').fill('DSJ-A8');
        await dev.getByLabel('使用人').click();
        await pickOption(page, '张明');
        await dev.getByRole('button', { name: '保存' }).click();
        await dev.waitFor({ state: 'hidden' });
        await page.getByRole('cell', { name: 'DSJ-A8-20230917' }).waitFor();
      }
      await screenshot(page, name);
    }

    // 新建案件 (Alt+N): ordinary procedure, two handlers, a person with a valid ID number.
    await page.keyboard.press('Alt+n');
    const drawer = page.getByRole('dialog', { name: '新建案件（立案登记）' });
    await drawer.waitFor();
    await drawer.getByLabel('案由').fill('涉嫌擅自改变林地用途案');
    await drawer.getByLabel('地点').fill('船山区龙凤镇金桥村三组');
    await drawer.getByLabel('基本事实').fill('经群众举报，当事人未经批准在集体林地内修建简易厂房，占用林地约 0.3 亩。');
    await drawer.getByLabel('承办人（第一位为主办）').click();
    await pickOption(page, '张明');
    await pickOption(page, '李华');
    await page.keyboard.press('Escape');
    await drawer.getByLabel('姓名').fill(PARTY_NAME);
    await drawer.getByLabel('身份证号码').fill(PARTY_ID);
    await drawer.getByLabel('联系电话').fill('13808251234');
    await drawer.getByLabel('住址').fill('遂宁市船山区龙凤镇金桥村三组 12 号');
    await screenshot(page, '20-new-case-form');
    await drawer.getByRole('button', { name: '立案登记' }).click();

    // The new case opens; its number follows the bureau's pattern.
    const heading = page.getByRole('heading', { name: /^遂林罚〔\d{4}〕1号$/ });
    await heading.waitFor();
    const caseNo = (await heading.textContent())!;
    await page.getByText('已立案，案件编号').first().waitFor();

    // 案件 list: search by a two-character fragment of the party's name.
    await page.getByRole('menuitem', { name: '案件' }).click();
    await page.getByRole('heading', { name: '案件' }).waitFor();
    const search = page.getByLabel('搜索案件');
    await page.keyboard.press('Control+k');
    assert.equal(await search.evaluate((el) => el === (globalThis as unknown as PageWindow).document.activeElement), true, 'Ctrl+K focuses the case search');
    await search.fill('建国');
    await search.press('Enter');
    const row = page.getByRole('row', { name: new RegExp(caseNo.replace(/[〔〕]/g, '.')) });
    await row.waitFor();
    await row.locator('mark', { hasText: '建国' }).first().waitFor();
    await screenshot(page, '21-case-list-search');

    // Open it: tabs 基本信息, 记录与附件, 时间线.
    await row.getByRole('link', { name: caseNo }).click();
    await page.getByRole('heading', { name: caseNo }).waitFor();
    await page.getByRole('cell', { name: PARTY_ID }).waitFor();
    await screenshot(page, '22-case-detail-info');

    // 推进环节 to 调查取证.
    await page.getByRole('button', { name: '推进环节' }).click();
    const adv = page.getByRole('dialog', { name: /^推进环节/ });
    await adv.getByLabel('说明').fill('已完成现场勘验');
    await adv.getByRole('button', { name: '确认推进' }).click();
    await adv.waitFor({ state: 'hidden' });
    await page.getByText('已进入“调查取证”环节').first().waitFor();

    // 记录与附件: a text record, an attachment (downloaded back), and a new version.
    await page.getByRole('tab', { name: /记录与附件/ }).click();
    await page.getByRole('button', { name: '添加记录' }).click();
    let recDialog = page.getByRole('dialog', { name: '添加记录' });
    await recDialog.getByLabel('标题').fill('现场检查笔录');
    await recDialog.getByLabel('内容').fill('执法人员张明、李华到达现场，出示执法证件，进行现场检查。');
    await recDialog.getByRole('button', { name: '保存' }).click();
    await recDialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '现场检查笔录' }).waitFor();

    await page.getByRole('button', { name: '添加记录' }).click();
    recDialog = page.getByRole('dialog', { name: '添加记录' });
    await recDialog.getByText('上传附件').click();
    await recDialog.getByLabel('标题').fill('现场照片');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await recDialog.locator('input[type=file]').setInputFiles({ name: '现场照片.pdf', mimeType: 'application/pdf', buffer: pdf });
    await recDialog.getByRole('button', { name: '保存' }).click();
    await recDialog.waitFor({ state: 'hidden' });
    const attachmentRow = page.getByRole('row', { name: /现场照片\.pdf/ });
    const [download] = await Promise.all([page.waitForEvent('download'), attachmentRow.getByRole('button', { name: '下载' }).click()]);
    assert.equal(download.suggestedFilename(), '现场照片.pdf');

    await page.getByRole('row', { name: /现场检查笔录/ }).getByRole('button', { name: '新版本' }).click();
    recDialog = page.getByRole('dialog', { name: /^新版本/ });
    await recDialog.getByLabel('内容').fill('执法人员张明、李华到达现场，出示执法证件，进行现场检查。当事人王建国在场。');
    await recDialog.getByRole('button', { name: '保存' }).click();
    await recDialog.waitFor({ state: 'hidden' });
    await page.getByText('已有新版本').waitFor();
    await page.getByText('第 2 版', { exact: true }).waitFor();
    await screenshot(page, '23-case-detail-records');

    await page.getByRole('tab', { name: '时间线' }).click();
    const panel = page.getByRole('tabpanel', { name: '时间线' });
    await panel.getByText('立案登记').first().waitFor();
    await panel.getByText('进入“立案”环节', { exact: false }).first().waitFor();
    await panel.getByText('进入“调查取证”环节', { exact: false }).first().waitFor();
    await screenshot(page, '24-case-detail-timeline');

    // Dashboard with a case.
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByRole('cell', { name: '涉嫌擅自改变林地用途案' }).waitFor();
    await screenshot(page, '04-dashboard');

    // 审计: the case creation is there, and the chain verifies.
    await page.getByRole('menuitem', { name: '审计' }).click();
    await page.getByRole('heading', { name: '审计' }).waitFor();
    await page.getByRole('row', { name: /立案登记/ }).first().waitFor();
    const caseRow = page.getByRole('row', { name: /立案登记/ }).first();
    assert.match((await caseRow.textContent()) ?? '', new RegExp(caseNo.replace(/[〔〕]/g, '.')));
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText(/审计链完整：共 \d+ 条记录/).waitFor();
    await screenshot(page, '30-audit');
    const [auditCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    assert.match(auditCsv.suggestedFilename(), /^审计记录_.*\.csv$/);

    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
    await t.close();
  }
});

test('a wrong ID check digit is flagged while typing and blocks the case', async () => {
  const t = await startTestApp();
  const { context, page } = await newPage(browser);
  page.setDefaultTimeout(20_000);
  try {
    const session = await seedBureau(t.app);
    await seedOfficer(t.app, session, { name: '张明', certNo: 'SN-LY-2021-0007', validUntil: inDays(900) });
    await seedOfficer(t.app, session, { name: '赵刚', certNo: 'SN-LY-2019-0003', validUntil: inDays(-10) });
    await openUi(page, t);
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: '工作台' }).waitFor();

    await page.getByRole('button', { name: '新建案件' }).first().click();
    const drawer = page.getByRole('dialog', { name: '新建案件（立案登记）' });
    await drawer.getByText('简易程序', { exact: true }).click();
    await drawer.getByLabel('案由').fill('涉嫌滥伐林木案');
    await drawer.getByLabel('承办人（第一位为主办）').click();
    // The officer whose certificate expired is listed but cannot be chosen.
    const expired = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '赵刚' });
    await expired.getByText('不能承办').waitFor();
    assert.match((await expired.getAttribute('class')) ?? '', /ant-select-item-option-disabled/);
    await pickOption(page, '张明');
    await page.keyboard.press('Escape');

    const good = makeIdNumber('510903', '19750101', '456');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await drawer.getByLabel('姓名').fill('刘某某');
    await drawer.getByLabel('身份证号码').fill(bad);
    await drawer.getByText('身份证号码校验位不正确，请核对最后一位').waitFor();
    await screenshot(page, '25-new-case-invalid-id');
    await drawer.getByRole('button', { name: '立案登记' }).click();
    await drawer.getByText('请按红色提示修改后再提交。').waitFor();
    assert.equal(await drawer.isVisible(), true, 'the form stays open');
    const list = await call<{ total: number }>(t.app, 'cases.list', {}, session);
    assert.equal(list.total, 0, 'no case was created');

    // Correcting the check digit clears the error; an old 15-digit number is only a warning.
    await drawer.getByLabel('身份证号码').fill('510903750101123');
    await drawer.getByLabel('身份证号码').blur();
    await drawer.getByText('15位旧身份证号码，请核对后使用').waitFor();
    await drawer.getByText('身份证号码校验位不正确', { exact: false }).waitFor({ state: 'hidden' });
    await drawer.getByRole('button', { name: '立案登记' }).click();
    const heading = page.getByRole('heading', { name: /^遂林罚〔\d{4}〕1号$/ });
    await heading.waitFor();
    const caseNo = (await heading.textContent())!;

    // Opened in error: the admin voids the number; it stays visible, struck through, read-only.
    await page.getByRole('button', { name: '作废编号' }).click();
    const voidDialog = page.getByRole('dialog', { name: /^作废案件编号/ });
    await voidDialog.getByText('不会再分配给其他案件').waitFor();
    await voidDialog.getByLabel('作废原因').fill('重复立案');
    await voidDialog.getByRole('button', { name: '确认作废' }).click();
    await voidDialog.waitFor({ state: 'hidden' });
    await page.getByText('本案件编号已作废：重复立案').waitFor();
    assert.equal(await page.getByRole('button', { name: '推进环节' }).count(), 0, 'a voided case is read-only');
    assert.equal(await page.getByRole('button', { name: '编辑案由' }).count(), 0, 'a voided case is read-only');
    await screenshot(page, '26-case-voided');
    await page.getByRole('menuitem', { name: '案件' }).click();
    const row = page.getByRole('row', { name: new RegExp(caseNo.replace(/[〔〕]/g, '.')) });
    await row.getByText('已作废').first().waitFor();
    assert.match((await row.locator('.sx-voided-no').first().getAttribute('class')) ?? '', /sx-voided-no/);
  } finally {
    await context.close();
    await t.close();
  }
});

test('an officer sees no 设置 or 审计, and the services refuse settings.update', async () => {
  const t = await startTestApp();
  const { context, page } = await newPage(browser);
  page.setDefaultTimeout(20_000);
  try {
    const session = await seedBureau(t.app);
    const officerId = await seedOfficer(t.app, session, { name: '张明', certNo: 'SN-LY-2021-0007', validUntil: inDays(900) });
    await call(t.app, 'users.create', { username: 'zhangming', displayName: '张明', roles: ['officer'], password: 'Init@2026', officerId }, session);

    await openUi(page, t);
    await login(page, 'zhangming', 'Init@2026');
    // The admin set the password: it must be changed first.
    const pw = page.getByRole('dialog', { name: '修改密码' });
    await pw.getByText('请先修改为只有您知道的密码').waitFor();
    await pw.getByLabel('当前密码（管理员告知的密码）').fill('Init@2026');
    await pw.getByLabel('新密码', { exact: true }).fill('Zhang#2026x');
    await pw.getByLabel('确认新密码').fill('Zhang#2026x');
    await pw.getByRole('button', { name: '确认修改' }).click();
    await pw.waitFor({ state: 'hidden' });

    const nav = page.getByRole('menu', { name: '主导航' });
    await nav.getByRole('menuitem', { name: '工作台' }).waitFor();
    const items = await nav.getByRole('menuitem').allTextContents();
    // Later features (法制审核, 公示 …) add their own entries; the admin-only ones never show.
    assert.deepEqual(items.filter((i) => ['工作台', '案件', '公示', '统计', '设置', '审计'].includes(i)), ['工作台', '案件', '公示', '统计']);
    await page.getByText('张明（执法人员）').waitFor();
    await screenshot(page, '05-officer-dashboard');

    // Straight to the service, bypassing the UI: refused by role.
    const answer = (await page.evaluate(async () => {
      const w = globalThis as unknown as PageWindow;
      const res = await w.fetch('/api/settings.update', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-sanxiang-session': w.sessionStorage.getItem('sanxiang.session') ?? '' },
        body: JSON.stringify({ sessionIdleMinutes: 600 }),
      });
      return res.json();
    })) as { ok: boolean; error: { code: string; message: string } };
    assert.equal(answer.ok, false);
    assert.equal(answer.error.code, 'FORBIDDEN');
    assert.match(answer.error.message, /没有执行此操作的权限/);

    // A typed address of an admin screen is refused too.
    await page.goto(`${t.harness.url}#/settings`);
    await page.getByText('页面不存在或无权访问').waitFor();

    // The officer's new case defaults to themselves as handler.
    await page.getByRole('menuitem', { name: '案件' }).click();
    await page.getByText('暂无案件，点击“新建案件”开始登记').waitFor();
    await screenshot(page, '06-case-list-empty');

    // A case two colleagues handle: the officer reads it, and cannot change it.
    const colleagues = [
      await seedOfficer(t.app, session, { name: '李华', certNo: 'SN-LY-2021-0008', validUntil: inDays(900) }),
      await seedOfficer(t.app, session, { name: '王强', certNo: 'SN-LY-2021-0009', validUntil: inDays(900) }),
    ];
    const theirs = await call<{ id: number; caseNo: string }>(
      t.app,
      'cases.create',
      { caseType: 'penalty', procedure: 'ordinary', title: '滥伐林木案', openedOn: inDays(-3), handlerIds: colleagues, parties: [{ kind: 'person', name: '赵六' }] },
      session,
    );
    await page.goto(`${t.harness.url}#/cases/${theirs.id}?tab=records`);
    await page.getByRole('heading', { name: theirs.caseNo }).waitFor();
    await page.getByText('您不是本案承办人，只能查看本案').waitFor();
    assert.equal(await page.getByRole('button', { name: '推进环节' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: '添加记录' }).count(), 0);
    await screenshot(page, '06b-case-not-handler');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    const me = await page.evaluate(() => (globalThis as unknown as PageWindow).sessionStorage.getItem('sanxiang.session'));
    assert.equal(me, null, 'signing out forgets the session');
  } finally {
    await context.close();
    await t.close();
  }
});

