import type { AppContext } from '../app.js';
import type { MediaSettings, VaultVerifyJob, VaultVerifyLast, VaultVerifyStatus } from '../../shared/media-types.js';
import { getMediaSettings } from '../media/media-settings.js';
import { ingestJobsFor } from './ingest-jobs.js';
import { loadVerifyAttempt, type VerifyAttempt } from './verify-attempt.js';
import { verifyJobsFor } from './verify-jobs.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A failed check is tried again after an hour (the disk may have been busy or briefly gone). */
export const RETRY_AFTER_FAILURE_MS = HOUR;
/** A check someone cancelled (the computer was slow) is not started again for a day. */
export const PAUSE_AFTER_CANCEL_MS = DAY;

/** What decides an automatic check besides the setting and the last completed check. */
export interface VerifyCircumstances {
  /** Objects in the vault now (an empty vault has nothing to check). */
  objects: number;
  /** A check or an import is running now. */
  busy: boolean;
  /** The last check that failed or was cancelled, if it came after the last completed one. */
  attempt: VerifyAttempt | null;
}

/**
 * When the next automatic check is due: `verifyEveryDays` after the last completed check (at once
 * when there has been none), not before an hour after a failure or a day after a cancel. Null when
 * automatic checks are off or the vault is empty. A time already passed is returned as is.
 */
export function nextVerifyAt(
  s: Pick<MediaSettings, 'verifyEveryDays'>,
  last: VaultVerifyLast | null,
  now: Date,
  c: Omit<VerifyCircumstances, 'busy'>,
): Date | null {
  if (s.verifyEveryDays <= 0 || c.objects === 0) return null;
  let next = last ? Date.parse(last.at) + s.verifyEveryDays * DAY : now.getTime();
  const a = c.attempt;
  if (a && (!last || Date.parse(a.at) > Date.parse(last.at))) {
    next = Math.max(next, Date.parse(a.at) + (a.outcome === 'failed' ? RETRY_AFTER_FAILURE_MS : PAUSE_AFTER_CANCEL_MS));
  }
  return new Date(next);
}

/** Whether the schedule should start a check now (never while a check or an import runs). */
export function verifyDue(s: Pick<MediaSettings, 'verifyEveryDays'>, last: VaultVerifyLast | null, now: Date, c: VerifyCircumstances): boolean {
  if (c.busy) return false;
  const next = nextVerifyAt(s, last, now, c);
  return next !== null && next.getTime() <= now.getTime();
}

/** The check's progress and last result (`media.verifyStatus`) with the schedule: how often, and the next one. */
export function vaultVerifyStatus(app: AppContext): VaultVerifyStatus {
  const st = verifyJobsFor(app).status();
  const s = getMediaSettings(app);
  const now = app.now();
  const next = nextVerifyAt(s, st.last, now, { objects: st.objects, attempt: loadVerifyAttempt(app) });
  // A check due now starts within the minute; say so rather than name a past day.
  const nextAt = next && next.getTime() < now.getTime() ? now : next;
  return { ...st, schedule: { everyDays: s.verifyEveryDays, nextAt: nextAt?.toISOString() ?? null } };
}

/** Who a scheduled check is audited as (上次校验 shows 定时校验; the running job "由定时任务校验"). */
export const SYSTEM_VERIFY_STARTER = { id: null, username: '(定时校验)', displayName: '定时任务' };

/** The desktop notice of a scheduled check that ended (none when someone cancelled it). */
/** What a scheduled check ended with: passed, could not finish, or found problems (`problems`: the 工作台 alert names them). */
export interface ScheduledVerifyResult {
  ok: boolean;
  problems: boolean;
  message: string;
}

export function scheduledResultMessage(job: VaultVerifyJob): ScheduledVerifyResult | null {
  if (job.state === 'failed') return { ok: false, problems: false, message: `证据库定时校验未能完成（${job.error ?? '校验失败'}），1 小时后自动重试。` };
  const r = job.report;
  if (job.state !== 'done' || !r) return null;
  if (r.ok) return { ok: true, problems: false, message: `证据库定时校验完成：${r.checked} 个文件全部与导入时一致。` };
  const found = [
    r.mismatched.length ? `${r.mismatched.length} 个文件内容被改动或无法读取` : '',
    r.missing.length ? `${r.missing.length} 个文件缺失` : '',
  ].filter(Boolean);
  return { ok: false, problems: true, message: `证据库定时校验发现问题：${found.join('，')}，请到“音视频—证据库”查看。` };
}

/**
 * Checks every minute whether an automatic vault check is due (设置—音视频 证据库自动校验) and starts
 * it as the same job the 证据库 tab shows, so its progress and 取消 are there. The desktop shell (or
 * `sanxiang serve`) starts this once the data folder is open; `onResult` feeds a desktop notification.
 */
export function startVaultVerifyScheduler(app: AppContext, opts: { intervalMs?: number; onResult?: (r: ScheduledVerifyResult) => void } = {}): () => void {
  const jobs = verifyJobsFor(app);
  const tick = () => {
    try {
      const st = jobs.status();
      const busy = jobs.running() || ingestJobsFor(app).list().some((j) => j.state === 'running');
      if (!verifyDue(getMediaSettings(app), st.last, app.now(), { objects: st.objects, busy, attempt: loadVerifyAttempt(app) })) return;
      const job = jobs.start(SYSTEM_VERIFY_STARTER, { resumeWithinDays: getMediaSettings(app).verifyEveryDays });
      void jobs
        .wait(job.jobId)
        .catch(() => undefined)
        .then(() => {
          const m = scheduledResultMessage(job);
          if (m) opts.onResult?.(m);
        });
    } catch (e) {
      console.error('[sanxiang] vault check schedule failed:', e);
    }
  };
  const timer = setInterval(tick, opts.intervalMs ?? 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
