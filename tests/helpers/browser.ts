// Browser side of the e2e suite: Debian's Chromium driven by playwright-core, against the real
// renderer (dist-renderer/) served by the harness over real services in a temporary data folder.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openApp, type AppContext } from '../../core/app.js';
import { startHarness, type Harness } from '../../core/harness/server.js';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    // The app then opens dialogs without animation, so a click never lands on a dialog still
    // zooming in (a mousedown and mouseup on different elements make no click).
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { context, page };
}

export interface TestApp {
  app: AppContext;
  harness: Harness;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A fresh data folder, the services over it, and the harness serving dist-renderer/.
 * `now` replaces the services' clock (e.g. to let a session go idle).
 */
export async function startTestApp(opts: { now?: () => Date } = {}): Promise<TestApp> {
  const root = mkdtempSync(join(tmpdir(), 'sanxiang-e2e-'));
  const dataDir = join(root, 'data');
  const app = openApp({ dataDir, create: true, now: opts.now });
  const harness = await startHarness(app, { staticDir: join(PROJECT_ROOT, 'dist-renderer') });
  return {
    app,
    harness,
    dataDir,
    async close() {
      await harness.close();
      app.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Opens the app: the token URL sets the harness cookie and redirects to `/`. */
export async function openUi(page: Page, t: TestApp): Promise<void> {
  await page.goto(t.harness.openUrl);
}

/** Saves a full-page screenshot to test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Toasts are transient; leave them out so the picture shows the screen itself.
  await page.screenshot({ path, fullPage: true, style: '.ant-message { display: none !important; }' });
  return path;
}

/** Console errors and uncaught exceptions of the page, for asserting a clean run. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} ${m.location().url ?? ''}`.trim());
  });
  return errors;
}

/**
 * The few browser globals the tests touch inside `page.evaluate`, typed by hand because the
 * Node test tsconfig has no DOM lib. Use as `(globalThis as unknown as PageWindow)` in the callback.
 */
export interface PageWindow {
  document: { activeElement: unknown };
  sessionStorage: { getItem(key: string): string | null };
  fetch(url: string, init: { method: string; credentials: string; headers: Record<string, string>; body: string }): Promise<{ json(): Promise<unknown> }>;
}
