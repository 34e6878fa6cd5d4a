import shippedHolidays from '../resources/calendar/cn-holidays.json' with { type: 'json' };
import { createWorkdayCalendar, parseHolidayData, type HolidayData } from '../shared/logic/calendar.js';
import { SessionStore } from './accounts/sessions.js';
import { createAuditLog, type AuditLog } from './audit/audit-log.js';
import { openDatabase, type Db } from './db/connection.js';
import { dataPaths, ensureDataDir } from './data-folder.js';
import { createRepos, type Repos } from './repos.js';
import { createSettingsRepo, type SettingsRepo } from './settings/settings-repo.js';
import { Vault } from './vault/vault.js';

export const CALENDAR_DOCUMENT = 'calendar';

/** Everything a service needs, created once per data folder. No Electron in here. */
/** What the desktop shell lets the services ask of it (absent in the browser harness and the CLI). */
export interface ShellHooks {
  /** Remembers `dataDir` as the data folder and restarts the program with it. */
  restartWith(dataDir: string): void;
}

export interface AppContext {
  dataDir: string;
  /** Set by the desktop shell once the data folder is open. */
  shell?: ShellHooks;
  db: Db;
  vault: Vault;
  settings: SettingsRepo;
  audit: AuditLog;
  sessions: SessionStore;
  repos: Repos;
  /** The working-day calendar in force (bureau-edited data, else the shipped schedule). */
  calendar(): ReturnType<typeof createWorkdayCalendar>;
  holidayData(): HolidayData;
  /** Invalidates the cached calendar after an edit. */
  calendarChanged(): void;
  now(): Date;
  close(): void;
}

export interface OpenAppOptions {
  dataDir: string;
  /** Create the folder and database when missing (init, demo, tests). */
  create?: boolean;
  /** Clock override for tests. */
  now?: () => Date;
}

/** The shipped holiday schedule (resources/calendar/cn-holidays.json). */
export const shippedHolidayData = (): HolidayData => parseHolidayData(shippedHolidays);

export function openApp(opts: OpenAppOptions): AppContext {
  ensureDataDir(opts.dataDir, opts.create ?? false);
  const paths = dataPaths(opts.dataDir);
  const db = openDatabase(paths.db, { create: opts.create ?? false });
  const now = opts.now ?? (() => new Date());
  const settings = createSettingsRepo(db);
  const vault = new Vault(paths.vault);
  vault.cleanTemp();
  let calendar: ReturnType<typeof createWorkdayCalendar> | null = null;
  const holidayData = () => settings.getDocument<HolidayData>(CALENDAR_DOCUMENT) ?? shippedHolidayData();
  const app: AppContext = {
    dataDir: opts.dataDir,
    db,
    vault,
    settings,
    audit: createAuditLog(db, now),
    sessions: new SessionStore(() => settings.get().sessionIdleMinutes * 60_000, () => now().getTime()),
    repos: createRepos(db),
    calendar: () => (calendar ??= createWorkdayCalendar(holidayData())),
    holidayData,
    calendarChanged: () => {
      calendar = null;
    },
    now,
    close: () => {
      if (db.open) db.close();
    },
  };
  return app;
}
