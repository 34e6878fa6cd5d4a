// The Electron main process: a thin shell around the core. It opens the data folder, wires the
// single `api` IPC channel to `dispatch`, serves the renderer over app:// and vault files over
// media://, and enforces the security rules. No business logic lives here.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, session } from 'electron';
import { registerIpc, setNotificationClickHandler, showNotification } from './ipc.js';
import { dataFolderDialogs } from './data-folder-dialogs.js';
import { argsWithDataFolder, openDataFolder, type OpenedData } from './open-data.js';
import { handleProtocols, registerPrivilegedSchemes } from './protocol.js';
import { deviceDetectorFor, stopDeviceDetector } from '../../core/ingest/ingest-jobs.js';
import type { RecorderVolume } from '../../core/ingest/device-detect.js';
import { deriveQueueFor } from '../../core/media/proxy-queue.js';
import { startBackupScheduler } from '../../core/supervision/backup/scheduler.js';
import { startDesktopNotices } from '../../core/supervision/desktop-notices.js';
import { hardenSession, installSecurity } from './security.js';
import { openSettingsStore, type SettingsStore } from './settings-store.js';
import { APP_ENTRY_URL } from './urls.js';
import { MIN_HEIGHT, MIN_WIDTH, restoreWindowState } from './window-state.js';

/** Stop functions of the background work started with the data folder. */
const stopBackground: (() => void)[] = [];

const PRODUCT_NAME = '执法三项制度工作站';
/** Same as `appId` in electron-builder.yml: Windows groups the taskbar and toasts by it. */
const APP_USER_MODEL_ID = 'cn.gov.sanxiang.workstation';

let opened: OpenedData | null = null;
let mainWindow: BrowserWindow | null = null;
const ourWebContents = new Set<number>();

// Chromium's profile (caches, local storage) and the shell settings live apart from the bureau's
// data folder: by default both would be %APPDATA%\sanxiang. Must precede the single-instance lock,
// which is keyed on this folder.
app.setPath('userData', join(app.getPath('appData'), 'sanxiang-desktop'));
// Every renderer sandboxed, even one created by mistake without `sandbox: true`.
app.enableSandbox();
registerPrivilegedSchemes();
installSecurity();

if (!app.requestSingleInstanceLock()) {
  // Another window of this program is running for this Windows user: it comes forward instead.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', closeData);
  app.whenReady().then(start, fatal);
}

async function start(): Promise<void> {
  try {
    app.setAppUserModelId(APP_USER_MODEL_ID);
    if (app.isPackaged) Menu.setApplicationMenu(null);

    const appPath = app.getAppPath();
    const rendererDir = join(appPath, 'dist-renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      dialog.showErrorBox(PRODUCT_NAME, `界面文件缺失（${rendererDir}）。\n请重新安装本程序；开发环境请先运行 npm run build:renderer。`);
      app.quit();
      return;
    }

    hardenSession(session.defaultSession);
    handleProtocols({ rendererDir, vault: () => opened?.app.vault ?? null });
    registerIpc({ getApp: () => opened?.app ?? null, isOurs: (contents) => ourWebContents.has(contents.id) });
    setNotificationClickHandler(focusMainWindow);

    const store = openSettingsStore();
    opened = await openDataFolder(store, dataFolderOverride(), dataFolderDialogs);
    if (!opened) {
      app.quit();
      return;
    }
    // 备份与恢复 → 改用恢复的数据: remember the restored folder and start again with it.
    opened.app.shell = {
      restartWith(dataDir) {
        store.setDataDir(dataDir);
        app.relaunch({ args: argsWithDataFolder(process.argv.slice(1), dataDir) });
        app.quit();
      },
    };
    mainWindow = createMainWindow(store, join(appPath, 'dist-electron', 'preload.cjs'));
    // Background work: thumbnails and playback proxies; scheduled backups and vault checks; recorder
    // detection with a desktop notice.
    deriveQueueFor(opened.app).start();
    stopBackground.push(startBackupScheduler(opened.app));
    stopBackground.push(startDesktopNotices(opened.app, showNotification));
    const detector = await deviceDetectorFor(opened.app);
    detector.on('attached', (v: RecorderVolume) =>
      showNotification('检测到执法记录仪', `${v.identity?.serial ?? v.volume} 已连接，可在“音视频”中导入。`),
    );
  } catch (e) {
    fatal(e);
  }
}

function createMainWindow(store: SettingsStore, preload: string): BrowserWindow {
  const primary = screen.getPrimaryDisplay().workArea;
  const state = restoreWindowState(store.windowState(), [primary, ...screen.getAllDisplays().map((d) => d.workArea)]);
  const icon = join(app.getAppPath(), 'resources', 'icons', 'icon.png');
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: true,
    // Packaged on Windows the window takes the .exe's icon.
    ...(!app.isPackaged && existsSync(icon) ? { icon } : {}),
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  const contentsId = win.webContents.id;
  ourWebContents.add(contentsId);
  win.webContents.once('destroyed', () => ourWebContents.delete(contentsId));

  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => store.setWindowState({ ...win.getNormalBounds(), maximized: win.isMaximized() }));
  // Windows log-off or shutdown may end the process without 'will-quit'.
  win.on('session-end', closeData);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
    if (!isMainFrame || code === -3 /* ERR_ABORTED */) return;
    win.show();
    dialog.showErrorBox(PRODUCT_NAME, `界面加载失败（${description}，${url}）。请重新启动本程序；如仍失败请重新安装。`);
  });
  win.webContents.on('render-process-gone', (_e, details) => {
    if (details.reason === 'clean-exit') return;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'error',
      title: PRODUCT_NAME,
      message: `界面意外退出（${details.reason}）。`,
      detail: '已保存的数据不受影响；正在填写而未保存的内容可能丢失。',
      buttons: ['重新加载', '退出'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) win.webContents.reload();
    else app.quit();
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function focusMainWindow(): void {
  const win = mainWindow;
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** `--data DIR` / `--data=DIR` on the command line, else SANXIANG_DATA; used as given, not remembered. */
function dataFolderOverride(): string | null {
  const argv = process.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data' && argv[i + 1]) return resolve(argv[i + 1]);
    if (a.startsWith('--data=') && a.length > '--data='.length) return resolve(a.slice('--data='.length));
  }
  return process.env.SANXIANG_DATA ? resolve(process.env.SANXIANG_DATA) : null;
}

function closeData(): void {
  const o = opened;
  opened = null;
  if (!o) return;
  try {
    for (const stop of stopBackground.splice(0)) stop();
    stopDeviceDetector(o.app);
    void deriveQueueFor(o.app).stop();
    o.app.close();
  } finally {
    o.release();
  }
}

function fatal(e: unknown): void {
  console.error('[sanxiang] fatal:', e);
  dialog.showErrorBox(PRODUCT_NAME, `程序启动失败：${(e as Error)?.message ?? String(e)}\n\n请把这条信息告诉管理员。`);
  closeData();
  app.exit(1);
}
