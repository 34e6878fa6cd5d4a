// Builds the real Electron bundles with scripts/build-electron.mjs and runs them against a fake
// `electron` module: the preload in a bare VM context (as sandboxed), the main process in-process
// against a temporary data folder. The Electron binary cannot be downloaded here, so this is how
// the shell's wiring (schemes before ready, window options, IPC → dispatch, security hooks,
// protocol handlers, data-folder lock) is exercised.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { CSP } from '../../core/harness/server.js';
import { dataPaths } from '../../core/data-folder.js';
import { OP_NAMES } from '../../shared/contract/index.js';
import type { Result } from '../../shared/result.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Inside the project (git-ignored .tmp/) so that main.cjs resolves better-sqlite3 from node_modules.
const outdir = join(root, '.tmp', `electron-bundle-${process.pid}`);
const work = mkdtempSync(join(tmpdir(), 'sanxiang-shell-'));
const appRoot = join(work, 'app');
const dataDir = join(work, 'data');
const appData = join(work, 'AppData');

type Listener = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

class FakeContents extends EventEmitter {
  windowOpenHandler: Listener | null = null;
  constructor(readonly id: number) {
    super();
  }
  setWindowOpenHandler(fn: Listener) {
    this.windowOpenHandler = fn;
  }
  reload() {}
}

const log: string[] = [];
const appListeners = new Map<string, Listener[]>();
const protocolHandlers = new Map<string, (r: Request) => Promise<Response>>();
const ipcHandlers = new Map<string, Listener>();
const windows: FakeWindow[] = [];
let schemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
let headersHook: Listener | null = null;
let permissionRequest: Listener | null = null;
let permissionCheck: Listener | null = null;
let markReady: () => void = () => {};
const ready = new Promise<void>((r) => (markReady = r));

class FakeWindow extends EventEmitter {
  webContents = new FakeContents(7);
  loaded: string | null = null;
  constructor(readonly options: Record<string, any>) {
    super();
    windows.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
  isMaximized = () => false;
  isMinimized = () => false;
  isDestroyed = () => false;
  maximize() {}
  show() {}
  focus() {}
  restore() {}
}

const fakeElectron = {
  app: {
    isPackaged: false,
    setPath: (name: string, p: string) => log.push(`setPath ${name} ${p}`),
    enableSandbox: () => log.push('enableSandbox'),
    getPath: (name: string) => (name === 'appData' ? appData : join(appData, 'sanxiang-desktop')),
    requestSingleInstanceLock: () => (log.push('requestSingleInstanceLock'), true),
    on: (event: string, fn: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), fn]),
    quit: () => log.push('quit'),
    exit: (code: number) => log.push(`exit ${code}`),
    whenReady: () => (log.push('whenReady'), ready),
    setAppUserModelId: (id: string) => log.push(`appUserModelId ${id}`),
    getAppPath: () => appRoot,
    getVersion: () => '0.1.0',
    getName: () => 'sanxiang',
  },
  protocol: {
    registerSchemesAsPrivileged: (s: typeof schemes) => {
      log.push('registerSchemesAsPrivileged');
      schemes = s;
    },
    handle: (scheme: string, fn: (r: Request) => Promise<Response>) => protocolHandlers.set(scheme, fn),
  },
  ipcMain: { handle: (channel: string, fn: Listener) => ipcHandlers.set(channel, fn), on: () => {} },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: Listener) => (headersHook = fn) },
      setPermissionRequestHandler: (fn: Listener) => (permissionRequest = fn),
      setPermissionCheckHandler: (fn: Listener) => (permissionCheck = fn),
      setDevicePermissionHandler: () => {},
      on: () => {},
    },
  },
  dialog: {
    showErrorBox: (_t: string, m: string) => log.push(`showErrorBox ${m}`),
    showMessageBox: async (o: { message: string }) => (log.push(`showMessageBox ${o.message}`), { response: 2 }),
    showMessageBoxSync: () => 1,
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  Menu: { setApplicationMenu: () => {} },
  screen: {
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  },
  BrowserWindow: FakeWindow,
  Notification: class {
    static isSupported = () => false;
  },
  shell: { openExternal: async (url: string) => log.push(`openExternal ${url}`) },
};

before(async () => {
  const { buildElectron } = await import(pathToFileURL(join(root, 'scripts', 'build-electron.mjs')).href);
  await buildElectron({ root, outdir, logLevel: 'silent' });
  mkdirSync(join(appRoot, 'dist-renderer'), { recursive: true });
  writeFileSync(join(appRoot, 'dist-renderer', 'index.html'), '<!doctype html><title>工作站</title>');
});
after(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('preload.cjs (sandboxed)', () => {
  it('exposes exactly window.api with one forwarding function per operation', async () => {
    const exposed: [string, Record<string, (i: unknown) => Promise<unknown>>][] = [];
    const invoked: unknown[][] = [];
    const sandboxRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return {
        contextBridge: { exposeInMainWorld: (key: string, value: Record<string, (i: unknown) => Promise<unknown>>) => exposed.push([key, value]) },
        ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: 1 })) },
      };
    };
    const code = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });

    assert.equal(exposed.length, 1);
    const [key, api] = exposed[0];
    assert.equal(key, 'api');
    assert.deepEqual(Object.keys(api), OP_NAMES);
    assert.deepEqual(await api['auth.me']({ x: 1 }), { ok: true, value: 1 });
    assert.deepEqual(invoked, [['api', 'auth.me', { x: 1 }]]);
    assert.ok(code.length < 20_000, 'the preload carries the name list, not zod and the schemas');
  });
});

describe('main.cjs against a fake electron', () => {
  const sender = () => windows[0].webContents;
  const call = (op: string, input: unknown, contents: FakeContents = sender(), url = 'app://sanxiang/index.html') =>
    ipcHandlers.get('api')!({ sender: contents, senderFrame: { url } }, op, input) as Promise<Result<any>>;

  before(async () => {
    process.env.SANXIANG_DATA = dataDir;
    const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const fakePath = join(outdir, 'fake-electron.cjs');
    writeFileSync(fakePath, 'module.exports = globalThis.__fakeElectron;');
    (globalThis as Record<string, unknown>).__fakeElectron = fakeElectron;
    const original = M._resolveFilename;
    M._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
      return request === 'electron' ? fakePath : original.call(this, request, ...rest);
    };
    createRequire(import.meta.url)(join(outdir, 'main.cjs'));
  });
  after(() => {
    delete process.env.SANXIANG_DATA;
  });

  it('before ready: separate profile folder, sandbox for all, privileged schemes, single-instance lock', () => {
    assert.deepEqual(log.slice(0, 5), [
      `setPath userData ${join(appData, 'sanxiang-desktop')}`,
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
      'whenReady',
    ]);
    const app = schemes.find((s) => s.scheme === 'app')!;
    const media = schemes.find((s) => s.scheme === 'media')!;
    assert.deepEqual(app.privileges, { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true });
    assert.equal(media.privileges.stream, true);
    assert.equal(media.privileges.bypassCSP, false);
    for (const e of ['web-contents-created', 'second-instance', 'window-all-closed', 'will-quit']) assert.ok(appListeners.has(e), e);
  });

  it('when ready: opens the data folder and a locked-down window on app://sanxiang/index.html', async () => {
    markReady();
    for (let i = 0; i < 500 && windows.length === 0 && !log.some((l) => l.startsWith('showErrorBox') || l.startsWith('exit')); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.deepEqual(log.filter((l) => /^(showErrorBox|showMessageBox|exit|quit)/.test(l)), []);
    assert.equal(windows.length, 1);
    const w = windows[0];
    assert.equal(w.loaded, 'app://sanxiang/index.html');
    assert.equal(w.options.show, false);
    const wp = w.options.webPreferences;
    assert.equal(wp.contextIsolation, true);
    assert.equal(wp.sandbox, true);
    assert.equal(wp.nodeIntegration, false);
    assert.equal(wp.webviewTag, false);
    assert.equal(wp.spellcheck, false);
    assert.equal(wp.preload, join(appRoot, 'dist-electron', 'preload.cjs'));
    assert.ok(existsSync(dataPaths(dataDir).db), 'database created in SANXIANG_DATA');
    assert.ok(existsSync(dataPaths(dataDir).lock), 'data folder locked');
  });

  it('app:// and media:// handlers are installed', async () => {
    const page = await protocolHandlers.get('app')!(new Request('app://sanxiang/index.html'));
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-security-policy'), CSP);
    assert.match(await page.text(), /工作站/);
    assert.equal((await protocolHandlers.get('app')!(new Request('app://sanxiang/%2e%2e/data/sanxiang.db'))).status, 404);
    assert.equal((await protocolHandlers.get('media')!(new Request(`media://vault/${'a'.repeat(64)}`))).status, 404);
  });

  it('IPC: one channel to dispatch, token kept in main, foreign senders refused', async () => {
    const status = await call('setup.status', {});
    assert.deepEqual(status, { ok: true, value: { initialized: false, bureauName: null } });

    const init = await call('setup.initialize', {
      bureau: { name: '测试县林业局', unitAbbr: '测林', websiteName: '测试县林业局行政执法公示' },
      admin: { username: 'admin', displayName: '管理员', password: 'Admin@2026' },
    });
    assert.ok(init.ok, JSON.stringify(init));
    const login = await call('auth.login', { username: 'admin', password: 'Admin@2026' });
    assert.ok(login.ok);
    assert.equal(login.value.sessionId, '');
    assert.ok((await call('auth.me', {})).ok);

    const stranger = new FakeContents(99);
    assert.equal((await call('auth.me', {}, stranger)).ok, false, 'not one of our windows');
    const r = await call('auth.me', {}, sender(), 'https://evil.example/');
    assert.equal(!r.ok && r.error.code, 'FORBIDDEN');
  });

  it('every webContents gets the navigation, window-open and webview rules', () => {
    const contents = new FakeContents(8);
    for (const fn of appListeners.get('web-contents-created')!) fn({}, contents);
    const nav = (event: string, url: string, isMainFrame = true) => {
      let prevented = false;
      contents.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    assert.equal(nav('will-navigate', 'https://evil.example/'), true);
    assert.equal(nav('will-navigate', 'file:///C:/Windows/win.ini'), true);
    assert.equal(nav('will-navigate', 'app://sanxiang/cases'), false);
    assert.equal(nav('will-redirect', 'http://127.0.0.1:9/'), true);
    assert.equal(nav('will-frame-navigate', 'https://evil.example/', false), true);
    assert.equal(nav('will-frame-navigate', 'about:blank', false), false);

    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    assert.equal(webviewPrevented, true);

    assert.deepEqual(contents.windowOpenHandler!({ url: 'https://www.gov.cn/' }), { action: 'deny' });
    assert.deepEqual(contents.windowOpenHandler!({ url: 'file:///C:/x.exe' }), { action: 'deny' });
    assert.ok(log.includes('openExternal https://www.gov.cn/'));
    assert.ok(!log.some((l) => l.includes('file:///C:/x.exe')));
  });

  it('session: CSP replaces any other policy; permissions denied except two for our page', () => {
    let out: any;
    headersHook!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, (r: unknown) => (out = r));
    assert.deepEqual(out.responseHeaders, { 'X-Other': ['1'], 'Content-Security-Policy': [CSP] });

    const ask = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      permissionRequest!(null, permission, (g: boolean) => (granted = g), { requestingUrl });
      return granted;
    };
    assert.equal(ask('media', 'app://sanxiang/index.html'), false);
    assert.equal(ask('geolocation', 'app://sanxiang/index.html'), false);
    assert.equal(ask('fullscreen', 'app://sanxiang/index.html'), true);
    assert.equal(ask('fullscreen', 'https://evil.example/'), false);
    assert.equal(permissionCheck!(null, 'clipboard-sanitized-write', 'app://sanxiang'), true);
    assert.equal(permissionCheck!(null, 'notifications', 'app://sanxiang'), false);
  });

  it('closing saves the window state; quitting closes the database and releases the lock', () => {
    windows[0].emit('close');
    const settings = JSON.parse(readFileSync(join(appData, 'sanxiang-desktop', 'shell-settings.json'), 'utf8'));
    assert.deepEqual(settings.window, { x: 10, y: 20, width: 1200, height: 800, maximized: false });
    assert.equal(settings.dataDir, undefined, 'SANXIANG_DATA is used as given, not remembered');

    for (const fn of appListeners.get('will-quit')!) fn();
    assert.equal(existsSync(dataPaths(dataDir).lock), false);
  });
});
