import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import { dataPaths, defaultDataDir } from '../../core/data-folder.js';
import { argsWithDataFolder, openDataFolder, type DataFolderUi, type OpenedData } from '../../electron/main/open-data.js';
import type { SettingsStore } from '../../electron/main/settings-store.js';

let work: string;
const saved = { XDG_DATA_HOME: process.env.XDG_DATA_HOME, APPDATA: process.env.APPDATA };
before(() => {
  work = mkdtempSync(join(tmpdir(), 'sanxiang-open-'));
  // defaultDataDir() must not point at the real user's data folder (Windows: APPDATA; elsewhere: XDG).
  process.env.XDG_DATA_HOME = join(work, 'xdg');
  process.env.APPDATA = join(work, 'AppData', 'Roaming');
});
after(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(work, { recursive: true, force: true });
});

function memoryStore(dataDir: string | null = null): SettingsStore & { saved: () => string | null } {
  let d = dataDir;
  return {
    dataDir: () => d,
    setDataDir: (x) => (d = x),
    windowState: () => undefined,
    setWindowState: () => {},
    saved: () => d,
  };
}

/** A UI that answers from a script and records what it was asked. */
function scriptedUi(answers: Partial<{ [K in keyof DataFolderUi]: Awaited<ReturnType<DataFolderUi[K]>>[] }>) {
  const asked: string[] = [];
  const next = <K extends keyof DataFolderUi>(k: K) => {
    const list = answers[k] as unknown[] | undefined;
    if (!list?.length) throw new Error(`unexpected question: ${k}`);
    return list.shift() as Awaited<ReturnType<DataFolderUi[K]>>;
  };
  const ui: DataFolderUi = {
    firstRun: async (d) => (asked.push(`firstRun ${d}`), next('firstRun')),
    pickFolder: async () => (asked.push('pickFolder'), next('pickFolder')),
    confirmNewData: async (d) => (asked.push(`confirmNewData ${d}`), next('confirmNewData')),
    failure: async (d, m) => (asked.push(`failure ${d} ${m}`), next('failure')),
  };
  return { ui, asked };
}

const close = (o: OpenedData | null) => {
  o?.app.close();
  o?.release();
};

describe('opening the data folder at start-up', () => {
  it('first run, default location: creates it and remembers it', async () => {
    const store = memoryStore();
    const { ui, asked } = scriptedUi({ firstRun: ['default'] });
    const o = await openDataFolder(store, null, ui);
    assert.ok(o);
    assert.equal(o.dataDir, defaultDataDir());
    assert.equal(store.saved(), defaultDataDir());
    assert.ok(existsSync(dataPaths(o.dataDir).db));
    assert.deepEqual(asked, [`firstRun ${defaultDataDir()}`]);
    close(o);
  });

  it('first run, another folder: asks before starting new data in an empty folder', async () => {
    const store = memoryStore();
    const empty = join(work, 'chosen-empty');
    mkdirSync(empty);
    const { ui, asked } = scriptedUi({ firstRun: ['choose'], pickFolder: [empty], confirmNewData: ['create'] });
    const o = await openDataFolder(store, null, ui);
    assert.equal(o?.dataDir, empty);
    assert.deepEqual(asked.slice(1), ['pickFolder', `confirmNewData ${empty}`]);
    close(o);
  });

  it('first run, quit: nothing is created or remembered', async () => {
    const store = memoryStore();
    const { ui } = scriptedUi({ firstRun: ['quit'] });
    assert.equal(await openDataFolder(store, null, ui), null);
    assert.equal(store.saved(), null);
  });

  it('a remembered folder that is gone (drive unplugged) is reported, not recreated; another can be chosen', async () => {
    const gone = join(work, 'usb-drive', 'sanxiang');
    const existing = join(work, 'existing');
    close(await openDataFolder(memoryStore(), existing, scriptedUi({}).ui)); // a folder that already has data
    const store = memoryStore(gone);
    const { ui, asked } = scriptedUi({ failure: ['retry', 'choose'], pickFolder: [existing] });
    const o = await openDataFolder(store, null, ui);
    assert.equal(o?.dataDir, existing);
    assert.equal(existsSync(gone), false, 'never silently recreated');
    assert.equal(asked.filter((a) => a.startsWith('failure')).length, 2);
    assert.match(asked[0], /找不到数据文件夹/);
    assert.ok(!asked.some((a) => a.startsWith('confirmNewData')), 'a folder with data needs no confirmation');
    assert.equal(store.saved(), existing);
    close(o);
  });

  it('a database from a newer version: Chinese message, file untouched, quit', async () => {
    const dir = join(work, 'too-new');
    mkdirSync(dir);
    const db = new Database(dataPaths(dir).db);
    db.pragma('user_version = 9999');
    db.close();
    const before = readFileSync(dataPaths(dir).db);
    const { ui, asked } = scriptedUi({ failure: ['quit'] });
    assert.equal(await openDataFolder(memoryStore(dir), null, ui), null);
    assert.match(asked[0], /更新版本/);
    assert.deepEqual(readFileSync(dataPaths(dir).db), before);
    assert.equal(existsSync(dataPaths(dir).lock), false, 'lock released after the failure');
  });

  it('a damaged database: Chinese message', async () => {
    const dir = join(work, 'corrupt');
    mkdirSync(dir);
    writeFileSync(dataPaths(dir).db, Buffer.alloc(8192, 0x5a));
    const { ui, asked } = scriptedUi({ failure: ['quit'] });
    assert.equal(await openDataFolder(memoryStore(dir), null, ui), null);
    assert.match(asked[0], /损坏/);
  });

  it('a folder in use by another running program: reported; retry works once it is free', async () => {
    const dir = join(work, 'in-use');
    close(await openDataFolder(memoryStore(), dir, scriptedUi({}).ui));
    writeFileSync(dataPaths(dir).lock, JSON.stringify({ pid: process.ppid, at: new Date().toISOString() }));
    const ui: DataFolderUi = {
      ...scriptedUi({}).ui,
      failure: async (_d, message) => {
        assert.match(message, /另一个正在运行的程序/);
        rmSync(dataPaths(dir).lock); // the other program quits
        return 'retry';
      },
    };
    const o = await openDataFolder(memoryStore(dir), null, ui);
    assert.equal(o?.dataDir, dir);
    close(o);
  });

  it('--data / SANXIANG_DATA is used as given (created if needed) and not remembered', async () => {
    const store = memoryStore(join(work, 'remembered'));
    const dir = join(work, 'override');
    const o = await openDataFolder(store, dir, scriptedUi({}).ui);
    assert.equal(o?.dataDir, dir);
    assert.equal(store.saved(), join(work, 'remembered'));
    close(o);
  });
});

describe('starting again with a restored data folder', () => {
  it('replaces any --data of this run and keeps the other arguments', () => {
    assert.deepEqual(argsWithDataFolder([], 'D:\\恢复'), ['--data=D:\\恢复']);
    assert.deepEqual(argsWithDataFolder(['app.asar', '--data', 'D:\\旧', '--lang=zh-CN'], 'E:\\新'), ['app.asar', '--lang=zh-CN', '--data=E:\\新']);
    assert.deepEqual(argsWithDataFolder(['--data=D:\\旧'], 'E:\\新'), ['--data=E:\\新']);
  });
});
