// The automatic vault check (issue 4, item 8): when it is due, the scheduler starting it as the
// same job the 证据库 tab shows, holding off after a cancel or a failure, and the 工作台 alerts for a
// check that found problems and for a vault not checked for too long.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { lastVerify, verifyVault } from '../../core/ingest/vault-verify.js';
import { loadVerifyCheckpoint, saveVerifyCheckpoint, type VerifyCheckpoint } from '../../core/ingest/verify-checkpoint.js';
import { loadVerifyAttempt, saveVerifyAttempt } from '../../core/ingest/verify-attempt.js';
import { verifyJobsFor } from '../../core/ingest/verify-jobs.js';
import { nextVerifyAt, startVaultVerifyScheduler, SYSTEM_VERIFY_STARTER, verifyDue, type ScheduledVerifyResult } from '../../core/ingest/verify-scheduler.js';
import { computeAlerts } from '../../core/supervision/alerts/index.js';
import { startDesktopNotices } from '../../core/supervision/desktop-notices.js';
import type { VaultVerifyLast } from '../../shared/media-types.js';
import { supervisionWorld, type SupervisionWorld } from '../helpers/supervision.js';
import { flipByte } from '../helpers/tamper.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = new Date('2026-03-10T10:00:00+08:00');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const lastAt = (at: string, ok = true): VaultVerifyLast => ({ at, by: '系统管理员', ok, checked: 3, bytes: 100, mismatched: ok ? 0 : 1, missing: 0, unregistered: 0 });
const on = { verifyEveryDays: 30 };
const idle = { objects: 3, busy: false, attempt: null };

test('verifyDue: never checked, empty vault, recent, old, off, busy', () => {
  assert.equal(verifyDue(on, null, NOW, idle), true, 'never checked, the vault has files: at once');
  assert.equal(verifyDue(on, null, NOW, { ...idle, objects: 0 }), false, 'an empty vault has nothing to check');
  assert.equal(verifyDue(on, lastAt(ago(10 * DAY)), NOW, idle), false, 'checked 10 days ago');
  assert.equal(verifyDue(on, lastAt(ago(30 * DAY - 60_000)), NOW, idle), false, 'a minute short of 30 days');
  assert.equal(verifyDue(on, lastAt(ago(30 * DAY)), NOW, idle), true, '30 days ago');
  assert.equal(verifyDue(on, lastAt(ago(90 * DAY), false), NOW, idle), true, 'an old check that found problems');
  assert.equal(verifyDue({ verifyEveryDays: 0 }, null, NOW, idle), false, 'off');
  assert.equal(verifyDue({ verifyEveryDays: 0 }, lastAt(ago(400 * DAY)), NOW, idle), false, 'off, however old');
  assert.equal(verifyDue(on, null, NOW, { ...idle, busy: true }), false, 'not while a check or an import runs');
  assert.equal(nextVerifyAt(on, lastAt('2026-03-01T02:00:00.000Z'), NOW, idle)?.toISOString(), '2026-03-31T02:00:00.000Z');
  assert.equal(nextVerifyAt({ verifyEveryDays: 0 }, null, NOW, idle), null);
});

test('verifyDue: an hour after a failure, a day after a cancel; an attempt before the last check does not count', () => {
  const failed = (ms: number) => ({ ...idle, attempt: { at: ago(ms), outcome: 'failed' as const } });
  const cancelled = (ms: number) => ({ ...idle, attempt: { at: ago(ms), outcome: 'cancelled' as const } });
  assert.equal(verifyDue(on, null, NOW, failed(30 * 60_000)), false, 'failed half an hour ago');
  assert.equal(verifyDue(on, null, NOW, failed(HOUR)), true, 'failed an hour ago: retry');
  assert.equal(verifyDue(on, lastAt(ago(40 * DAY)), NOW, cancelled(23 * HOUR)), false, 'cancelled 23 hours ago');
  assert.equal(verifyDue(on, lastAt(ago(40 * DAY)), NOW, cancelled(24 * HOUR)), true, 'cancelled a day ago');
  assert.equal(verifyDue(on, lastAt(ago(40 * DAY)), NOW, cancelled(41 * DAY)), true, 'cancelled before the last check');
  assert.equal(nextVerifyAt(on, null, NOW, cancelled(2 * HOUR))?.getTime(), NOW.getTime() + 22 * HOUR);
});


let w: SupervisionWorld;
let clip: { id: number; sha256: string };
let caseNo: string;
const results: ScheduledVerifyResult[] = [];
let stop: () => void = () => undefined;

/** Waits for the scheduler's next notice (it ticks every 20 ms). */
async function nextResult(): Promise<ScheduledVerifyResult> {
  const before = results.length;
  while (results.length === before) await new Promise((r) => setTimeout(r, 20));
  return results[results.length - 1];
}

before(async () => {
  w = await supervisionWorld('2026-01-05T10:00:00+08:00');
  const c = await w.newCase({ title: '擅自采伐林木案' });
  caseNo = c.caseNo;
  const ingestedAt = w.clock.now().toISOString();
  const id = w.media({ fileName: 'DCAM_DSJ001_0101_20260105_093000.mp4', ingestedAt, bytes: Buffer.from('录像内容'.repeat(200)), caseId: c.id });
  w.media({ fileName: 'DCAM_DSJ001_0101_20260105_094500.mp4', ingestedAt, bytes: Buffer.from('另一段录像'.repeat(300)) });
  const sha256 = (w.t.app.db.prepare(`SELECT sha256 FROM media_items WHERE id = ?`).get(id) as { sha256: string }).sha256;
  clip = { id, sha256 };
  w.clock.set('2026-01-05T10:05:00+08:00');
});
after(() => {
  stop();
  w.t.close();
});

const alert = (id: string) => computeAlerts(w.t.app).alerts.find((a) => a.id === id);

test('never checked: the scheduler runs the check as the 证据库 job, audited as 定时校验', async () => {
  stop = startVaultVerifyScheduler(w.t.app, { intervalMs: 20, onResult: (r) => results.push(r) });
  const r = await nextResult();
  assert.deepEqual(r, { ok: true, problems: false, message: '证据库定时校验完成：2 个文件全部与导入时一致。' });
  const st = await w.t.call('media.verifyStatus', {});
  assert.equal(st.job?.state, 'done');
  assert.equal(st.job?.startedBy, '定时任务');
  assert.equal(st.last?.by, '定时校验');
  assert.equal(st.last?.at, w.clock.now().toISOString());
  assert.deepEqual(st.schedule, { everyDays: 30, nextAt: '2026-02-04T02:05:00.000Z' }, '30 days on');
  assert.equal(alert('vault.problems'), undefined);
  assert.equal(alert('vault.unverified'), undefined);
});

test('a changed file: the next scheduled check reports it, the 工作台 shows it as danger until a check finds none', async () => {
  flipByte(w.t.app.vault.pathOf(clip.sha256), 10);
  w.clock.set('2026-02-04T10:05:00+08:00');
  const r = await nextResult();
  assert.deepEqual([r.ok, r.problems], [false, true]);
  assert.equal(r.message, '证据库定时校验发现问题：1 个文件内容被改动或无法读取，请到“音视频—证据库”查看。');
  const a = alert('vault.problems');
  assert.ok(a, 'the danger alert');
  assert.equal(a.level, 'danger');
  assert.equal(a.title, '证据库校验发现问题');
  assert.equal(a.count, 1);
  assert.deepEqual(a.link, { page: 'media', filter: { tab: 'vault' } });
  assert.equal(a.items[0].label, 'DCAM_DSJ001_0101_20260105_093000.mp4');
  assert.equal(a.items[0].detail, `内容与导入时不一致，案件证据 ${caseNo}；上次校验 2026-02-04 10:05（定时校验）`);
  assert.deepEqual(a.items[0].link, { page: 'media', filter: { id: clip.id } });

  // Put right (restored from a backup) and checked by hand: the alert goes.
  flipByte(w.t.app.vault.pathOf(clip.sha256), 10);
  w.clock.set('2026-02-04T11:00:00+08:00');
  assert.equal((await w.t.call('media.verify', {})).ok, true);
  assert.equal(alert('vault.problems'), undefined);
  assert.equal(lastVerify(w.t.app)?.by, '系统管理员');
});

test('a cancelled check holds the schedule off for a day, a failed one for an hour', async () => {
  stop();
  const jobs = verifyJobsFor(w.t.app);
  w.clock.set('2026-03-08T09:00:00+08:00'); // 32 days after the last check: due
  const job = jobs.start({ id: null, username: 'admin', displayName: '系统管理员' });
  jobs.cancel(job.jobId);
  await assert.rejects(jobs.wait(job.jobId), /校验已取消/);
  assert.deepEqual(loadVerifyAttempt(w.t.app), { at: '2026-03-08T01:00:00.000Z', outcome: 'cancelled' });
  const st = await w.t.call('media.verifyStatus', {});
  assert.equal(st.schedule.nextAt, '2026-03-09T01:00:00.000Z', 'a day after the cancel');
  assert.equal(st.last?.at, '2026-02-04T03:00:00.000Z', 'a cancelled check is not a check');

  // The scheduler waits out the day, then checks.
  w.clock.set('2026-03-09T09:01:00+08:00');
  stop = startVaultVerifyScheduler(w.t.app, { intervalMs: 20, onResult: (r) => results.push(r) });
  assert.equal((await nextResult()).ok, true);
  assert.equal(lastVerify(w.t.app)?.at, '2026-03-09T01:01:00.000Z');
  assert.equal(loadVerifyAttempt(w.t.app), null, 'a completed check clears the attempt');

  // A failure (the disk was gone) is retried after an hour.
  saveVerifyAttempt(w.t.app, { at: '2026-04-10T01:00:00.000Z', outcome: 'failed' });
  w.clock.set('2026-04-10T09:30:00+08:00');
  assert.equal((await w.t.call('media.verifyStatus', {})).schedule.nextAt, '2026-04-10T02:00:00.000Z');
  w.clock.set('2026-04-10T10:00:00+08:00');
  assert.equal((await nextResult()).ok, true);
  assert.equal(lastVerify(w.t.app)?.at, '2026-04-10T02:00:00.000Z');
  stop();
});

test('not checked for the interval plus a week: the warning; off: none', async () => {
  // Last check 2026-04-10; 30 + 7 days later the warning appears.
  w.clock.set('2026-05-17T09:00:00+08:00');
  assert.equal(alert('vault.unverified'), undefined, '37 days minus an hour');
  w.clock.set('2026-05-17T11:00:00+08:00');
  const a = alert('vault.unverified');
  assert.ok(a, 'the warning');
  assert.equal(a.level, 'warning');
  assert.equal(a.title, '证据库超过 30 天未校验');
  assert.equal(a.count, 1);
  assert.deepEqual(a.link, { page: 'media', filter: { tab: 'vault' } });
  assert.match(a.items[0].detail, /^上次校验 2026-04-10 10:00（定时校验），已 37 天。/);

  await w.t.call('media.settings.update', { verifyEveryDays: 90 });
  assert.equal(alert('vault.unverified'), undefined, 'a longer interval');
  await w.t.call('media.settings.update', { verifyEveryDays: 0 });
  assert.equal(alert('vault.unverified'), undefined, 'automatic checks off');
  assert.deepEqual((await w.t.call('media.verifyStatus', {})).schedule, { everyDays: 0, nextAt: null });
  const bad = await w.t.fails('media.settings.update', { verifyEveryDays: 366 });
  assert.match(bad.message, /最多 365 天/);
  await w.t.call('media.settings.update', { verifyEveryDays: 30 });
});

test('desktop notices: a scheduled check that finds a changed file is announced once, by the alert naming the clip', async () => {
  // 2026-05-17, 37 days after the last check: due, and the 未校验 warning stands.
  flipByte(w.t.app.vault.pathOf(clip.sha256), 10);
  const notices: { title: string; body: string }[] = [];
  const stopNotices = startDesktopNotices(w.t.app, (title, body) => notices.push({ title, body }), { verifyIntervalMs: 20 });
  try {
    assert.ok(notices.some((n) => n.title === '证据库超过 30 天未校验'), 'the alerts standing at start');
    assert.equal(notices.filter((n) => n.title === '证据库校验发现问题').length, 0, 'no check has found anything yet');
    while (!notices.some((n) => n.title === '证据库校验发现问题')) await new Promise((r) => setTimeout(r, 20));
    const found = notices.filter((n) => n.title === '证据库校验发现问题');
    assert.equal(found.length, 1);
    assert.match(found[0].body, /^DCAM_DSJ001_0101_20260105_093000\.mp4：内容与导入时不一致，案件证据 /);
    assert.equal(notices.filter((n) => n.title === '证据库定时校验').length, 0, 'not announced a second time by the scheduler');
  } finally {
    stopNotices();
    flipByte(w.t.app.vault.pathOf(clip.sha256), 10);
  }
});

test('never checked: the warning counts from the oldest file in the vault', async () => {
  const v = await supervisionWorld('2026-01-05T10:00:00+08:00');
  try {
    v.media({ fileName: 'DCAM_DSJ001_0101_20260105_093000.mp4', ingestedAt: v.clock.now().toISOString(), bytes: Buffer.from('旧录像') });
    v.clock.set('2026-02-11T09:00:00+08:00');
    assert.equal(computeAlerts(v.t.app).alerts.find((x) => x.id === 'vault.unverified'), undefined, '37 days minus an hour');
    v.clock.set('2026-02-11T11:00:00+08:00');
    const a = computeAlerts(v.t.app).alerts.find((x) => x.id === 'vault.unverified');
    assert.equal(a?.items[0].detail, '从未校验过；最早的文件于 2026-01-05 存入，已 37 天。请管理员在“音视频—证据库”中校验一次。');
  } finally {
    v.t.close();
  }
});

test('an interrupted scheduled check goes on from where it stopped; a check started by a person checks everything', async () => {
  const v = await supervisionWorld('2026-06-01T10:00:00+08:00');
  try {
    const at = v.clock.now().toISOString();
    for (let i = 0; i < 4; i++) v.media({ fileName: `DCAM_DSJ001_0101_20260601_09${i}000.mp4`, ingestedAt: at, bytes: Buffer.from(`录像${i}`.repeat(500)) });
    const shas = v.t.app.db.prepare(`SELECT sha256 FROM vault_objects ORDER BY sha256`).pluck().all() as string[];

    // The program closes after two objects: the last checkpoint names the second.
    const stop = new AbortController();
    let saved: VerifyCheckpoint | null = null;
    await assert.rejects(
      verifyVault(v.t.app, { signal: stop.signal, onProgress: (n) => n === 2 && stop.abort(), onCheckpoint: (c) => (saved = c) }),
      (e: Error) => e.name === 'AbortError',
    );
    const c = saved as VerifyCheckpoint | null;
    assert.deepEqual([c?.after, c?.checked], [shas[1], 2]);
    saveVerifyCheckpoint(v.t.app, c);

    // Damage to an object already checked is not seen by the rest of that check …
    flipByte(v.t.app.vault.pathOf(shas[0]), 10);
    v.clock.set('2026-06-02T10:00:00+08:00');
    const jobs = verifyJobsFor(v.t.app);
    const resumed = await jobs.wait(jobs.start(SYSTEM_VERIFY_STARTER, { resumeWithinDays: 30 }).jobId);
    assert.equal(resumed.ok, true);
    assert.equal(resumed.checked, shas.length);
    assert.equal(resumed.resumedFrom, c!.startedAt);
    assert.equal(loadVerifyCheckpoint(v.t.app, 30), null, 'a completed check removes its checkpoint');

    // … and is found by the next full one, as by a check a person starts.
    const full = await jobs.wait(jobs.start({ id: null, username: 'admin', displayName: '系统管理员' }).jobId);
    assert.deepEqual(full.mismatched.map((m) => m.sha256), [shas[0]]);
    assert.equal(full.resumedFrom, null);

    // A checkpoint older than the interval is not gone on from.
    saveVerifyCheckpoint(v.t.app, { ...c!, startedAt: '2026-04-01T02:00:00.000Z' });
    assert.equal(loadVerifyCheckpoint(v.t.app, 30), null);
    flipByte(v.t.app.vault.pathOf(shas[0]), 10);
  } finally {
    v.t.close();
  }
});
