import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayLocal } from '../../shared/logic/calendar.js';
import { authenticate } from '../accounts/login.js';
import { openApp } from '../app.js';
import { dispatch } from '../dispatch.js';
import { runBackup } from '../supervision/backup/run.js';
import { BENCH_PASSWORD, FULL_SIZE, type RegisterSize } from './register-fixture.js';
import { reportsFixture } from './reports-fixture.js';
import { summarise, timeMany } from './stats.js';

/** Targets from issue 7. */
export const REPORTS_TARGETS = { dashboardP95Ms: 150, annualMs: 3000, exportMs: 10_000, exportRssMb: 300, backupNothingNewMs: 2000 };

const here = dirname(fileURLToPath(import.meta.url));
const ACTOR = { id: null, username: '(bench)', displayName: 'bench' };

function exportInChild(dir: string, out: string, format: 'xlsx' | 'csv') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'ledger-export-child.ts'), dir, out, format], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`ledger export child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { rows: number; bytes: number; ms: number; maxRssMb: number };
}

/**
 * `sanxiang bench reports`: with the 100,000-case register (plus decisions, disclosures and footage),
 * the 工作台 load (summary + alerts + to-do + trends), the annual statistics, the case ledger exported
 * to .xlsx and .csv in a child process (time and peak RSS), and backups: full, then with nothing new.
 */
export async function benchReports(cacheDir: string, size: RegisterSize = FULL_SIZE, log: (s: string) => void = () => {}) {
  const tBuild = performance.now();
  const dir = await reportsFixture(cacheDir, size, log);
  const buildMs = Math.round(performance.now() - tBuild);
  const scratch = mkdtempSync(join(tmpdir(), 'sanxiang-bench-reports-'));
  const app = openApp({ dataDir: dir });
  try {
    const { user } = authenticate(app, 'admin', BENCH_PASSWORD);
    const head = { ...user, roles: ['head' as const, 'admin' as const] };
    const call = async (op: string, input: unknown) => {
      const r = await dispatch(app, op, input, { user: head });
      if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
      return r.value;
    };
    const counts = app.db
      .prepare(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM decisions) AS decisions, (SELECT count(*) FROM disclosure_items) AS disclosures, (SELECT count(*) FROM media_items) AS footage`)
      .get();
    log('dashboard');
    const tFirst = performance.now();
    await call('dashboard.alerts', {});
    const firstAlertsMs = Math.round(performance.now() - tFirst);
    const page = async () => {
      await call('dashboard.summary', {});
      await call('dashboard.alerts', {});
      await call('dashboard.todo', {});
      await call('dashboard.trends', { months: 12 });
    };
    // A write (any audited change) before each load: nothing is memoized.
    let flip = 30;
    const write = () => call('supervision.settings.update', { archiveAfterDays: (flip = flip === 30 ? 31 : 30) });
    const afterWrite = { summary: [] as number[], alerts: [] as number[], todo: [] as number[], trends: [] as number[], load: [] as number[] };
    for (let i = 0; i < 10; i++) {
      await write();
      const t0 = performance.now();
      for (const k of ['summary', 'alerts', 'todo', 'trends'] as const) {
        const t = performance.now();
        await call(`dashboard.${k}`, k === 'trends' ? { months: 12 } : {});
        afterWrite[k].push(performance.now() - t);
      }
      afterWrite.load.push(performance.now() - t0);
    }
    // Loads with no write in between (the head opening 工作台 again): alerts and trends come from the memo.
    const load = await timeMany(20, page);
    const year = Number(todayLocal().slice(0, 4)) - 1;
    log('annual report');
    const annual = await timeMany(3, () => call('report.annual', { year }));
    const tAnnualX = performance.now();
    await call('report.annualExport', { year, path: join(scratch, 'annual.xlsx') });
    const annualExportMs = Math.round(performance.now() - tAnnualX);

    log('ledger export (child process)');
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    const xlsx = exportInChild(dir, join(scratch, 'cases.xlsx'), 'xlsx');
    const csv = exportInChild(dir, join(scratch, 'cases.csv'), 'csv');

    log('backup');
    const target = join(scratch, 'target');
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target);
    const full = await runBackup(app, ACTOR, { target });
    const nothingNew = await runBackup(app, ACTOR, { target });
    await write();
    const changed = await runBackup(app, ACTOR, { target });

    const figures = {
      size,
      counts,
      fixtureBuildMs: buildMs,
      dashboardMs: {
        load: summarise(load),
        loadAfterWrite: summarise(afterWrite.load),
        afterWrite: { summary: summarise(afterWrite.summary), alerts: summarise(afterWrite.alerts), todo: summarise(afterWrite.todo), trends: summarise(afterWrite.trends) },
        firstAlertsAfterOpen: firstAlertsMs,
      },
      annualMs: summarise(annual),
      annualExportMs,
      ledgerExport: { xlsx, csv },
      backup: {
        fullMs: full.ms,
        dbMb: Math.round(full.dbSize / 1048576),
        nothingNewMs: nothingNew.ms,
        nothingNewUnchanged: nothingNew.unchanged,
        afterSmallChangeMs: changed.ms,
      },
    };
    const met = {
      dashboard: figures.dashboardMs.load.p95 < REPORTS_TARGETS.dashboardP95Ms,
      annual: figures.annualMs.max < REPORTS_TARGETS.annualMs,
      exportTime: xlsx.ms < REPORTS_TARGETS.exportMs && csv.ms < REPORTS_TARGETS.exportMs,
      exportRss: xlsx.maxRssMb < REPORTS_TARGETS.exportRssMb && csv.maxRssMb < REPORTS_TARGETS.exportRssMb,
      backupNothingNew: nothingNew.ms < REPORTS_TARGETS.backupNothingNewMs,
    };
    return { bench: 'reports', ...figures, targets: REPORTS_TARGETS, met };
  } finally {
    app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
