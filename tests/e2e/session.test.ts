// Sign-in safeguards in the browser: wrong passwords count down to a lock-out, and a session left
// idle past the bureau's limit brings the user back to the login screen with the reason.
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, openUi, screenshot, startTestApp } from '../helpers/browser.js';
import { ADMIN, login, seedBureau } from './support.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('wrong passwords count down, and an idle session returns to the login screen', async () => {
  let offset = 0;
  const t = await startTestApp({ now: () => new Date(Date.now() + offset) });
  const { context, page } = await newPage(browser);
  page.setDefaultTimeout(20_000);
  try {
    await seedBureau(t.app);
    await openUi(page, t);
    await login(page, ADMIN.username, 'wrong-password-1');
    await page.getByText('账号或密码不正确。再输错 4 次账号将被锁定 15 分钟。').waitFor();
    await screenshot(page, '07-login-wrong-password');

    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByRole('menuitem', { name: '统计' }).click();
    await page.getByText('在办案件（按执法类型）').waitFor();
    await screenshot(page, '08-stats');

    // 31 minutes without a call (the default limit is 30): the next call is refused.
    offset = 31 * 60_000;
    await page.getByRole('menuitem', { name: '案件' }).click();
    await page.getByText('长时间未操作，已自动退出登录', { exact: false }).waitFor();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await screenshot(page, '09-login-after-idle');
    // Signing in again works and the session id was replaced.
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: '案件' }).waitFor();
  } finally {
    await context.close();
    await t.close();
  }
});
