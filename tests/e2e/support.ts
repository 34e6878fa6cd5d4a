// Seeding helpers for the e2e tests: call the same dispatcher the UI reaches over HTTP, so a
// test can prepare a bureau, officers and users without clicking through every form.
import { dispatch } from '../../core/dispatch.js';
import type { AppContext } from '../../core/app.js';
import { makeCreditCode } from '../../shared/logic/check-digits.js';
import { addDays, todayLocal } from '../../shared/logic/calendar.js';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, newPage } from '../helpers/browser.js';

export const ADMIN = { username: 'admin', password: 'Admin@2026', displayName: '周建华' };
export const BUREAU = {
  name: '遂宁市林业局',
  unitAbbr: '遂林',
  creditCode: makeCreditCode('11510900MB0214535'),
  websiteName: '遂宁市林业局门户网站',
  address: '遂宁市船山区遂州中路 88 号',
  phone: '0825-2345678',
};

export async function call<T = unknown>(app: AppContext, op: string, input: unknown, sessionToken?: string): Promise<T> {
  const r = await dispatch(app, op, input, { sessionToken });
  if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Initialises the bureau and signs the admin in (server side); returns the admin's session. */
export async function seedBureau(app: AppContext): Promise<string> {
  await call(app, 'setup.initialize', { bureau: BUREAU, admin: ADMIN });
  const { sessionId } = await call<{ sessionId: string }>(app, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  return sessionId;
}

export const inDays = (n: number) => addDays(todayLocal(), n);

export async function seedOfficer(app: AppContext, session: string, o: { name: string; certNo: string; validUntil: string }): Promise<number> {
  const r = await call<{ id: number }>(
    app,
    'officers.create',
    { name: o.name, unit: BUREAU.name, certNo: o.certNo, certValidUntil: o.validUntil, category: '林业行政执法', region: '船山区' },
    session,
  );
  return r.id;
}

/** Signs in through the login screen. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Picks an option in an open antd Select dropdown by its text. */
export async function pickOption(page: Page, text: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** Types a date into an antd DatePicker (by its label) and confirms it. */
export async function fillDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/**
 * Opens a fresh browser context at `openUrl` and signs `username` in. With `firstPassword` the
 * account still has the admin-set password: it is changed to `password` in the dialog the app shows.
 */
export async function signInFresh(
  browser: Browser,
  openUrl: string,
  username: string,
  opts: { password: string; firstPassword?: string },
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser);
  const errors = collectPageErrors(page);
  page.setDefaultTimeout(20_000);
  await page.goto(openUrl);
  await login(page, username, opts.firstPassword ?? opts.password);
  if (opts.firstPassword) {
    const pw = page.getByRole('dialog', { name: '修改密码' });
    await pw.getByLabel('当前密码（管理员告知的密码）').fill(opts.firstPassword);
    await pw.getByLabel('新密码', { exact: true }).fill(opts.password);
    await pw.getByLabel('确认新密码').fill(opts.password);
    await pw.getByRole('button', { name: '确认修改' }).click();
    await pw.waitFor({ state: 'hidden' });
  }
  await page.getByRole('menu', { name: '主导航' }).waitFor();
  return { page, errors, close: () => context.close() };
}
