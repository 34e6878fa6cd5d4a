import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { PublishProgress, PublishResult } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';
import { UserError } from '../errors.js';
import { describeProblems, finalCheck } from '../disclosure/final-check.js';
import { makeManifest, manifestJson, type Manifest } from '../disclosure/manifest.js';
import { disclosureRepo } from '../disclosure/repo.js';
import { buildSiteWithIndex } from '../disclosure/site/build.js';
import type { BuiltSite } from '../disclosure/site/types.js';
import { siteCache } from '../disclosure/site-cache.js';
import { loadSiteContent, type LoadedSite } from '../disclosure/site-content.js';
import { buildCmsPackage, writeCmsPackage } from './cms-package.js';
import { publishFolder } from './folder-target.js';
import { publishSftp, type ReleaseReport } from './publisher.js';
import { ResumeLog } from './resume-log.js';
import type { PublishTarget } from './targets.js';

export interface Actor {
  id: number | null;
  username: string;
}

/** Builds what a target receives (the site, or the CMS package) and runs the final check on its exact bytes. */
export function prepare(app: AppContext, kind: PublishTarget['kind'], at: string): { loaded: LoadedSite; built: BuiltSite; manifest: Manifest } {
  const loaded = loadSiteContent(app);
  const withdrawn = (app.db.prepare(`SELECT DISTINCT series_id AS s FROM disclosure_items WHERE state = 'withdrawn'`).all() as { s: number }[]).map((r) => r.s);
  const cache = siteCache(app);
  const built = kind === 'cms' ? buildCmsPackage(loaded.content, withdrawn) : buildSiteWithIndex(loaded.content, cache.pages);
  // Attachments go into the manifest under the address recorded at approval (checked then);
  // their bytes are verified against it when they are sent.
  const manifest = makeManifest(built.files, built.attachments, cache.hashes);
  const items = new Map([...loaded.items].map(([s, v]) => [s, { options: v.options, title: v.title }]));
  const hashes = new Map([...manifest.files].map(([p, e]) => [p, e.sha256]));
  const check = finalCheck(app, { files: built.files, attachments: built.attachments, read: loaded.read, itemsOf: built.itemsOf, items, siteOptions: loaded.siteOptions, hashes, memo: cache.checked }, at);
  if (!check.ok) throw new UserError('PERSONAL_DATA_LEFT', describeProblems(check.problems), { problems: check.problems });
  return { loaded, built, manifest };
}

const resumeFile = (app: AppContext, t: PublishTarget) => {
  const key = t.id != null ? `target-${t.id}` : createHash('sha256').update(JSON.stringify(t.kind === 'sftp' ? [t.sftp.host, t.sftp.port, t.sftp.remoteDir] : [t.folderPath])).digest('hex').slice(0, 16);
  return join(app.dataDir, 'publish', `resume-${key}.jsonl`);
};

/**
 * One publish: build, final check, upload (or write the package), then record it — the run in
 * the publish log, the release manifest, items now live (`published`), corrected versions
 * superseded, withdrawn items taken down — in one transaction with its audit row. A failure is
 * logged and audited too; the live site is untouched.
 */
export async function runPublish(
  app: AppContext,
  target: PublishTarget,
  actor: Actor,
  o: { signal?: AbortSignal; onProgress?: (p: PublishProgress) => void } = {},
): Promise<PublishResult> {
  const startedAt = app.now().toISOString();
  const runId = Number(
    app.db
      .prepare(`INSERT INTO publish_runs (target_id, target_name, user_id, username, started_at, state) VALUES (?, ?, ?, ?, ?, 'running')`)
      .run(target.id, target.name, actor.id, actor.username, startedAt).lastInsertRowid,
  );
  const tell = (p: Partial<PublishProgress>) => o.onProgress?.({ phase: 'building', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, ...p });
  try {
    tell({ phase: 'building' });
    const { loaded, built, manifest } = prepare(app, target.kind, startedAt);
    tell({ phase: 'checking', filesTotal: built.files.size });
    if (o.signal?.aborted) throw new UserError('CANCELLED', '发布已取消，线上网站未受影响。');
    const meta = { publishedBy: actor.username, publishedAt: startedAt };
    let recorded = false;
    const items = loaded.content.items.length;
    const onLive = (r: ReleaseReport) => {
      record(app, runId, target, actor, loaded, manifest, { ...r, items, output: null });
      recorded = true;
    };
    const opts = { keepReleases: target.keepReleases, resumeLog: new ResumeLog(resumeFile(app, target)), signal: o.signal, onProgress: o.onProgress, onLive, meta };
    const src = { files: built.files, attachments: built.attachments, read: loaded.read };
    let report: ReleaseReport;
    let output: string | null = null;
    if (target.kind === 'sftp') report = await publishSftp(target.sftp, src, manifest, opts);
    else if (target.kind === 'folder') report = await publishFolder(target.folderPath, src, manifest, opts);
    else {
      const w = writeCmsPackage(target.folderPath, built, manifest, loaded.read);
      output = w.output;
      const n = manifest.files.size;
      report = { release: manifest.release, switched: !w.unchanged, files: n, uploaded: w.unchanged ? 0 : n, linked: 0, resumed: 0, deleted: 0, bytes: w.unchanged ? 0 : w.bytes, prunedReleases: 0 };
    }
    const result: PublishResult = { ...report, items, output };
    if (!recorded) record(app, runId, target, actor, loaded, manifest, result);
    tell({ phase: 'done', filesDone: report.files, filesTotal: report.files, bytesDone: report.bytes, bytesTotal: report.bytes });
    return result;
  } catch (e) {
    const err = e instanceof UserError ? e : new UserError('INTERNAL', `发布时程序出错：${(e as Error)?.message ?? e}。线上网站未受影响。`);
    const state = err.code === 'CANCELLED' ? 'cancelled' : 'failed';
    app.db.transaction(() => {
      app.db
        .prepare(`UPDATE publish_runs SET state = ?, finished_at = ?, error_code = ?, error_message = ? WHERE id = ?`)
        .run(state, app.now().toISOString(), err.code, err.message, runId);
      app.audit.append({ userId: actor.id, username: actor.username, operation: 'publish.run', objectType: 'publish', objectId: String(runId), summary: { target: target.name, state, error: err.code } });
    })();
    throw err;
  }
}

function record(app: AppContext, runId: number, target: PublishTarget, actor: Actor, loaded: LoadedSite, m: Manifest, r: PublishResult): void {
  const at = app.now().toISOString();
  const repo = disclosureRepo(app);
  app.db.transaction(() => {
    const live = [...loaded.items.values()].map((v) => v.item);
    for (const item of live) {
      if (item.state === 'approved' && repo.markPublished(item.id, item.contentHash!, r.release, at)) {
        repo.supersedeOthers(item.seriesId, item.id, at);
        repo.event({ itemId: item.id, action: 'publish', userId: actor.id, username: actor.username, at, note: `${target.name}：版本 ${r.release}`, hash: item.contentHash });
      }
    }
    const down = app.db.prepare(`SELECT id FROM disclosure_items WHERE state = 'withdrawn' AND taken_down_at IS NULL`).all() as { id: number }[];
    for (const { id } of down) {
      repo.markTakenDown(id, at);
      repo.event({ itemId: id, action: 'takedown', userId: actor.id, username: actor.username, at, note: `${target.name}：版本 ${r.release}` });
    }
    app.db
      .prepare(
        `UPDATE publish_runs SET state = ?, finished_at = ?, release_id = ?, items = ?, files = ?, uploaded = ?, linked = ?, deleted = ?, bytes = ? WHERE id = ?`,
      )
      .run(r.switched ? 'done' : 'unchanged', at, r.release, JSON.stringify(live.map((i) => i.id)), r.files, r.uploaded, r.linked, r.deleted, r.bytes, runId);
    if (r.switched) {
      app.db
        .prepare(`INSERT INTO publish_releases (run_id, target_id, release_id, manifest_sha256, manifest, files, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(runId, target.id, r.release, m.sha256, manifestJson(m), m.files.size, m.bytes, at);
    }
    app.audit.append({
      userId: actor.id,
      username: actor.username,
      operation: 'publish.run',
      objectType: 'publish',
      objectId: String(runId),
      summary: { target: target.name, release: r.release, switched: r.switched, items: r.items, uploaded: r.uploaded, linked: r.linked, deleted: r.deleted, bytes: r.bytes, takenDown: down.length },
    });
  })();
}
