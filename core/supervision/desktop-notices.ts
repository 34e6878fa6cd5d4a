import type { AppContext } from '../app.js';
import { startVaultVerifyScheduler } from '../ingest/verify-scheduler.js';
import { createAlertNotifier } from './notifier.js';

/** Shows one desktop notice (Electron `Notification` in the shell). */
export type ShowNotice = (title: string, body: string) => void;

/**
 * The desktop notices of a running app, started together so none is announced twice: the 工作台
 * alerts (`createAlertNotifier`) and the scheduled vault check. A scheduled check that finds damaged
 * or missing files raises the 证据库校验发现问题 alert; the alerts are then checked at once, so that
 * notice, which names the clips and their cases, comes now and only once. A check that passed or
 * could not finish has no alert and is announced by itself. Returns a stop function.
 */
export function startDesktopNotices(app: AppContext, show: ShowNotice, opts: { alertIntervalMs?: number; verifyIntervalMs?: number } = {}): () => void {
  const alerts = createAlertNotifier(app, (n) => show(n.title, n.body));
  const stopAlerts = alerts.start(opts.alertIntervalMs);
  const stopVerify = startVaultVerifyScheduler(app, {
    intervalMs: opts.verifyIntervalMs,
    onResult: (r) => {
      if (!r.problems) return show('证据库定时校验', r.message);
      try {
        alerts.check();
      } catch (e) {
        console.error('[sanxiang] alert notifier failed:', e);
        show('证据库定时校验', r.message);
      }
    },
  });
  return () => {
    stopVerify();
    stopAlerts();
  };
}
