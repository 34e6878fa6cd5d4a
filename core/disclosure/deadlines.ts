import type { DeadlineEntry, DisclosureDeadlines } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';
import { ITEM_COLUMNS, parseItem, type Item } from './repo.js';
import { loadDisclosureSettings } from './settings.js';

/**
 * What is late or about to be, in Chinese working days (DOMAIN.md §1): results not published
 * within N working days of the decision, take-downs not done within N working days of a
 * revocation, and published results past their optional take-down date.
 */
export function deadlines(app: AppContext, today: string): DisclosureDeadlines {
  const cal = app.calendar();
  const warn = loadDisclosureSettings(app).warnWorkdays;
  const q = (sql: string) => (app.db.prepare(`SELECT ${ITEM_COLUMNS} FROM disclosure_items WHERE ${sql}`).all({ today }) as Parameters<typeof parseItem>[0][]).map(parseItem);
  const entry = (i: Item, dueOn: string): DeadlineEntry => ({
    id: i.id,
    kind: i.kind,
    title: i.title,
    state: i.state,
    dueOn,
    workdaysLeft: cal.workdaysBetween(today, dueOn),
  });
  const byDue = (a: DeadlineEntry, b: DeadlineEntry) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id - b.id);

  const toPublish = q(`state IN ('draft','pending','approved') AND publish_due_on IS NOT NULL`).map((i) => entry(i, i.publishDueOn!));
  const seen = new Set<number>();
  const toTakeDown = q(`state = 'withdrawn' AND taken_down_at IS NULL AND withdraw_due_on IS NOT NULL ORDER BY series_id, version DESC`)
    .filter((i) => !seen.has(i.seriesId) && seen.add(i.seriesId))
    .map((i) => entry(i, i.withdrawDueOn!));
  const expiring = q(`state = 'published' AND takedown_due_on IS NOT NULL AND takedown_due_on <= @today`).map((i) => entry(i, i.takedownDueOn!));
  const late = (e: DeadlineEntry) => e.dueOn < today;
  const atRisk = (e: DeadlineEntry) => !late(e) && e.workdaysLeft <= warn;
  return {
    today,
    publishOverdue: toPublish.filter(late).sort(byDue),
    publishAtRisk: toPublish.filter(atRisk).sort(byDue),
    withdrawOverdue: toTakeDown.filter(late).sort(byDue),
    withdrawAtRisk: toTakeDown.filter(atRisk).sort(byDue),
    takedownDue: expiring.sort(byDue),
  };
}
