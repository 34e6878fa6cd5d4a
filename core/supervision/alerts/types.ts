import type { AppContext } from '../../app.js';
import type { WorkdayCalendar } from '../../../shared/logic/calendar.js';
import type { Alert, AlertItem, AlertLevel, AlertLink } from '../../../shared/supervision-types.js';
import type { SupervisionSettings } from '../../../shared/supervision-settings.js';

/** What every alert rule gets: the app, the local date, the clock, the thresholds and the calendar. */
export interface AlertEnv {
  app: AppContext;
  today: string;
  now: Date;
  settings: SupervisionSettings;
  calendar: WorkdayCalendar;
}

/** A rule returns its alerts (possibly none); a domain whose tables are absent returns []. */
export type AlertRule = (env: AlertEnv) => Alert[];

export const ITEM_LIMIT = 20;

/** An alert, or nothing when the count is 0. */
export function alertIf(id: string, level: AlertLevel, title: string, count: number, link: AlertLink, items: AlertItem[]): Alert[] {
  return count > 0 ? [{ id, level, title, count, link, items: items.slice(0, ITEM_LIMIT) }] : [];
}

export const caseLink = (id: number): AlertLink => ({ page: 'case', filter: { id } });

/** "3月5日" from YYYY-MM-DD. */
export const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export const count = (row: unknown): number => (row as { n: number } | undefined)?.n ?? 0;
