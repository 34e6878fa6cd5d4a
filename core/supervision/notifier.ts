import type { Alert, AlertLink } from '../../shared/supervision-types.js';
import type { AppContext } from '../app.js';
import { computeAlerts } from './alerts/index.js';

/** A desktop notification the shell shows (Electron `Notification`; the browser harness shows it in the page). */
export interface AlertNotification {
  id: string;
  level: 'danger' | 'warning';
  title: string;
  body: string;
  link: AlertLink;
}

/**
 * Turns the 工作台 alerts into desktop notifications: an alert (danger or warning) is announced when
 * it first appears or its count grows, not again while it stays the same. The core only emits; the
 * Electron main process (or the harness) passes `emit` and decides how to show it.
 */
export function createAlertNotifier(app: AppContext, emit: (n: AlertNotification) => void) {
  const seen = new Map<string, number>();
  function check(): AlertNotification[] {
    const out: AlertNotification[] = [];
    const current = computeAlerts(app).alerts.filter((a): a is Alert & { level: 'danger' | 'warning' } => a.level !== 'info');
    const ids = new Set(current.map((a) => a.id));
    for (const id of [...seen.keys()]) if (!ids.has(id)) seen.delete(id);
    for (const a of current) {
      const before = seen.get(a.id) ?? 0;
      seen.set(a.id, a.count);
      if (a.count <= before) continue;
      const n = { id: a.id, level: a.level, title: a.title, body: a.items.slice(0, 3).map((i) => `${i.label}：${i.detail}`).join('\n') + (a.count > 3 ? `\n等 ${a.count} 项` : ''), link: a.link };
      out.push(n);
      emit(n);
    }
    return out;
  }
  return {
    check,
    /** Checks now and then every `intervalMs` (default 10 minutes); returns a stop function. */
    start(intervalMs = 600_000): () => void {
      const run = () => {
        try {
          check();
        } catch (e) {
          console.error('[sanxiang] alert notifier failed:', e);
        }
      };
      run();
      const timer = setInterval(run, intervalMs);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}
