import { todayLocal } from '../../../shared/logic/calendar.js';
import type { Alert, AlertsResult } from '../../../shared/supervision-types.js';
import type { AppContext } from '../../app.js';
import { disclosureSource } from '../disclosure-source.js';
import { loadSupervisionSettings } from '../settings.js';
import { memoized } from '../memo.js';
import { sources } from '../tables.js';
import { caseAlerts } from './cases.js';
import { certificateAlerts } from './certificates.js';
import { annualReportAlerts, backupAlerts } from './deadlines.js';
import { disclosureAlerts } from './disclosures.js';
import { deviceAlerts, footageAlerts } from './footage.js';
import { reviewAlerts } from './reviews.js';
import { storageAlerts } from './storage.js';
import { vaultAlerts } from './vault.js';
import type { AlertEnv, AlertRule } from './types.js';

/** Rules that read only the database (and the date): memoized until the next write. */
const DATA_RULES: AlertRule[] = [disclosureAlerts, reviewAlerts, certificateAlerts, caseAlerts, footageAlerts, deviceAlerts, vaultAlerts, annualReportAlerts];
/** Rules that read the disk or the backup state file: computed every time. */
const LIVE_RULES: AlertRule[] = [storageAlerts, backupAlerts];
export const ALERT_RULES: AlertRule[] = [...DATA_RULES, ...LIVE_RULES];

const LEVEL_ORDER = { danger: 0, warning: 1, info: 2 } as const;

export function alertEnv(app: AppContext): AlertEnv {
  const now = app.now();
  return { app, now, today: todayLocal(now), settings: loadSupervisionSettings(app), calendar: app.calendar() };
}

/** The 工作台 alerts: every rule's alerts with a count above 0, danger first. A failing rule is reported, not fatal. */
export function computeAlerts(app: AppContext, env: AlertEnv = alertEnv(app)): AlertsResult {
  const run = (rules: AlertRule[]) => rules.flatMap((rule) => safely(rule, env));
  const minute = Math.floor(env.now.getTime() / 60_000);
  const alerts = [...memoized(app, 'alerts', `${env.today}|${minute}`, () => run(DATA_RULES)), ...run(LIVE_RULES)];
  alerts.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return { alerts, generatedAt: env.now.toISOString(), today: env.today, sources: sources(app.db, disclosureSource(app) != null) };
}

function safely(rule: AlertRule, env: AlertEnv): Alert[] {
  try {
    return rule(env);
  } catch (e) {
    console.error('[sanxiang] alert rule failed:', e);
    return [
      {
        id: `error.${rule.name || 'rule'}`,
        level: 'info',
        title: '部分预警暂时无法计算',
        count: 1,
        link: { page: 'settings', filter: {} },
        items: [{ id: rule.name, label: '预警计算出错', detail: (e as Error).message }],
      },
    ];
  }
}
