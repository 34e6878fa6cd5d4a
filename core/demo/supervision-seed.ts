import type { AppContext } from '../app.js';
import { saveSupervisionSettings } from '../supervision/settings.js';

/**
 * Demo data for supervision (issue 7): the alert thresholds as a visible settings document. The
 * backup target is left unset on purpose (the demo shows the "尚未设置备份位置" alert). Last year's
 * hand-entered reconsideration and litigation figures come with its annual report (past-year-report.ts).
 */
export function seedSupervision(app: AppContext): void {
  saveSupervisionSettings(app, {});
}
