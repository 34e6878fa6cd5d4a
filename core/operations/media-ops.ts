import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { conflict, forbidden, invalid, notFound, UserError } from '../errors.js';
import { getProfiles, setProfiles } from '../ingest/device-profiles.js';
import { erasePreview, eraseDevice } from '../ingest/erase-device.js';
import { describeDevice, deviceDetectorFor, ingestJobsFor } from '../ingest/ingest-jobs.js';
import type { Actor } from '../ingest/register.js';
import { purgeFootage, retentionCandidates, retentionCutoff } from '../ingest/retention.js';
import { verifyJobsFor } from '../ingest/verify-jobs.js';
import { vaultVerifyStatus } from '../ingest/verify-scheduler.js';
import { annotateItem, requireOpenCase } from '../media/annotations.js';
import { caseGaps, getAvMatters, recordNoRecording, requireMatter, setAvMatters, setCaseMatters } from '../media/av-matters.js';
import { mediaRepo } from '../media/media-repo.js';
import { getMediaSettings, setMediaSettings } from '../media/media-settings.js';
import { listMedia, toDetail, toSummary } from '../media/media-view.js';
import { deriveQueueFor } from '../media/proxy-queue.js';
import { makeSnapshot } from '../media/thumbnails.js';
import { currentUser, type Handlers, type OpContext, type OpsWithPrefix } from './context.js';
import { assertMayChangeCase } from '../cases/case-guard.js';

const actorOf = (ctx: OpContext): Actor => {
  const u = currentUser(ctx);
  return { id: u.id, username: u.username, officerId: u.officerId };
};

const starterOf = (ctx: OpContext) => {
  const u = currentUser(ctx);
  return { id: u.id, username: u.username, displayName: u.displayName };
};

function itemOrThrow(ctx: OpContext, id: number) {
  const row = mediaRepo(ctx.app.db).get(id);
  if (!row) throw notFound('该音像记录');
  return row;
}

function caseOrThrow(ctx: OpContext, caseId: number) {
  const c = ctx.app.repos.cases.get(caseId);
  if (!c) throw notFound('该案件');
  return c;
}

export const mediaHandlers: Handlers<OpsWithPrefix<'media.'>> = {
  'media.devices': async (ctx) => {
    const detector = await deviceDetectorFor(ctx.app);
    return Promise.all(detector.devices().map((v) => describeDevice(ctx.app, v, actorOf(ctx))));
  },

  'media.ingest': (ctx, { folder, deviceSerial, profileId }) => {
    const dir = resolve(folder);
    if (!existsSync(dir)) throw new UserError('FOLDER_NOT_FOUND', `找不到文件夹 ${dir}。如果是执法记录仪，请检查是否已连接并解锁。`);
    return ingestJobsFor(ctx.app).start({ folder: dir, deviceSerial, profileId, actor: actorOf(ctx) });
  },

  'media.ingestStatus': (ctx, { jobId }) => (jobId ? [ingestJobsFor(ctx.app).get(jobId)] : ingestJobsFor(ctx.app).list()),

  'media.cancelIngest': (ctx, { jobId }) => ingestJobsFor(ctx.app).cancel(jobId),

  'media.list': (ctx, input) => listMedia(ctx.app, input),

  'media.get': (ctx, { id }) => toDetail(ctx.app, itemOrThrow(ctx, id), ctx.user?.officerId ?? null),

  'media.annotate': (ctx, { id, ...patch }) => {
    if (patch.caseId) assertMayChangeCase(ctx.app, currentUser(ctx), patch.caseId);
    const row = annotateItem(ctx.app, id, patch, { id: currentUser(ctx).id }, (s) => ctx.audit('media', id, s));
    return toDetail(ctx.app, row, ctx.user?.officerId ?? null);
  },

  'media.bulkAnnotate': (ctx, { ids, patch }) => {
    if (patch.caseId) assertMayChangeCase(ctx.app, currentUser(ctx), patch.caseId);
    for (const id of ids) annotateItem(ctx.app, id, patch, { id: currentUser(ctx).id }, (s) => ctx.audit('media', id, s));
    return { updated: ids.length };
  },

  'media.linkToCase': (ctx, { ids, caseId }) => {
    const c = requireOpenCase(ctx.app, caseId);
    assertMayChangeCase(ctx.app, currentUser(ctx), caseId);
    const repo = mediaRepo(ctx.app.db);
    let linked = 0;
    for (const id of ids) {
      const row = itemOrThrow(ctx, id);
      if (row.purgedAt) throw conflict(`${row.fileName} 已按保存期限清理，不能关联。`);
      if (repo.link(id, caseId, ctx.nowIso(), currentUser(ctx).id)) {
        linked++;
        ctx.audit('media', id, { linkedCase: c.caseNo, caseId });
      }
    }
    return { linked, caseNo: c.caseNo };
  },

  'media.unlinkFromCase': (ctx, { id, caseId, reason }) => {
    const c = caseOrThrow(ctx, caseId);
    assertMayChangeCase(ctx.app, currentUser(ctx), caseId);
    itemOrThrow(ctx, id);
    if (!mediaRepo(ctx.app.db).unlink(id, caseId)) throw notFound('该关联');
    ctx.audit('media', id, { unlinkedCase: c.caseNo, caseId, reason });
    return { ok: true as const };
  },

  'media.caseFootage': (ctx, { caseId }) => {
    caseOrThrow(ctx, caseId);
    return mediaRepo(ctx.app.db).caseMedia(caseId).map(toSummary);
  },

  'media.caseGaps': (ctx, { caseId }) => caseGaps(ctx.app, caseId),

  'media.setCaseMatters': (ctx, { caseId, matters }) => {
    const c = caseOrThrow(ctx, caseId);
    assertMayChangeCase(ctx.app, currentUser(ctx), caseId);
    const change = setCaseMatters(ctx.app, caseId, matters, currentUser(ctx).id);
    ctx.audit('case', caseId, { caseNo: c.caseNo, avMatters: change });
    return caseGaps(ctx.app, caseId);
  },

  'media.recordNoRecordingReason': (ctx, { caseId, matter, reason }) => {
    const user = currentUser(ctx);
    if (!user.officerId) throw forbidden('无法记录说明须由执法人员本人签署：您的账号没有关联执法人员。');
    const c = caseOrThrow(ctx, caseId);
    assertMayChangeCase(ctx.app, currentUser(ctx), caseId);
    const m = requireMatter(ctx.app, matter);
    const sid = recordNoRecording(ctx.app, caseId, matter, user.officerId, reason, user.id);
    ctx.audit('case', caseId, { caseNo: c.caseNo, noRecordingStatement: sid, matter: m.label, reason });
    return caseGaps(ctx.app, caseId);
  },

  // The synchronous form (scripts, tests): the same check as the UI's, waited for.
  'media.verify': async (ctx) => {
    const jobs = verifyJobsFor(ctx.app);
    const job = jobs.start(starterOf(ctx));
    return jobs.wait(job.jobId).catch((e: Error) => {
      throw new UserError('VERIFY_STOPPED', e.message);
    });
  },

  'media.verifyStart': (ctx) => verifyJobsFor(ctx.app).start(starterOf(ctx)),

  'media.verifyStatus': (ctx) => vaultVerifyStatus(ctx.app),

  'media.verifyCancel': (ctx, { jobId }) => verifyJobsFor(ctx.app).cancel(jobId),

  'media.retentionCandidates': (ctx) => {
    const rows = retentionCandidates(ctx.app);
    return {
      cutoff: retentionCutoff(ctx.app),
      retentionMonths: getMediaSettings(ctx.app).retentionMonths,
      rows,
      bytes: rows.reduce((s, r) => s + r.size, 0),
    };
  },

  'media.purge': (ctx, { ids, confirmCount }) => purgeFootage(ctx.app, ids, confirmCount, actorOf(ctx)),

  'media.setHold': (ctx, { ids, hold, reason }) => {
    const repo = mediaRepo(ctx.app.db);
    for (const id of ids) {
      const row = itemOrThrow(ctx, id);
      if (row.purgedAt) throw conflict(`${row.fileName} 已清理。`);
      repo.setHold(id, hold, hold ? reason : '');
      ctx.audit('media', id, { hold, reason });
    }
    return { updated: ids.length };
  },

  'media.erasePreview': (ctx, { folder, deviceSerial }) => erasePreview(ctx.app, folder, deviceSerial, actorOf(ctx)),

  'media.eraseDevice': (ctx, { folder, deviceSerial, confirmCount }) => eraseDevice(ctx.app, folder, deviceSerial, confirmCount, actorOf(ctx)),

  'media.avMatters.get': (ctx) => getAvMatters(ctx.app),

  'media.avMatters.update': (ctx, { matters }) => {
    const before = getAvMatters(ctx.app);
    const after = setAvMatters(ctx.app, matters);
    ctx.audit('settings', 'avMatters', { before, after });
    return after;
  },

  'media.profiles.get': (ctx) => getProfiles(ctx.app),

  'media.profiles.update': (ctx, { profiles }) => {
    const before = getProfiles(ctx.app);
    const after = setProfiles(ctx.app, profiles);
    ctx.audit('settings', 'deviceProfiles', { before, after });
    return after;
  },

  'media.settings.get': (ctx) => getMediaSettings(ctx.app),

  'media.settings.update': (ctx, patch) => {
    const before = getMediaSettings(ctx.app);
    const after = setMediaSettings(ctx.app, patch);
    ctx.audit('settings', 'mediaSettings', { before, after });
    return after;
  },

  'media.snapshot': async (ctx, { id, atMs }) => {
    const row = itemOrThrow(ctx, id);
    if (row.kind !== 'video' || row.purgedAt) throw invalid('只能对未清理的视频截图。');
    if (row.durationMs !== null && atMs > row.durationMs) throw invalid('截图时间超出了视频长度。');
    const still = await makeSnapshot(ctx.app.vault, row.sha256, atMs).catch((e: Error) => {
      throw new UserError('SNAPSHOT_FAILED', `截图失败：${e.message}`);
    });
    const repo = mediaRepo(ctx.app.db);
    const at = ctx.nowIso();
    const derivedId = ctx.app.db.transaction(() => {
      repo.putObject(still.sha256, still.size, at);
      const did = repo.addDerived(id, 'snapshot', still.sha256, still.size, atMs, at, currentUser(ctx).id);
      ctx.audit('media', id, { snapshot: still.sha256, atMs, original: row.sha256 });
      return did;
    })();
    return { id: derivedId, kind: 'snapshot' as const, sha256: still.sha256, size: still.size, atMs, createdAt: at };
  },

  'media.queue': (ctx) => {
    const q = deriveQueueFor(ctx.app);
    return { pending: q.pending(), current: q.current };
  },
};
