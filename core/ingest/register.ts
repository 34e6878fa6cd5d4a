import { basename, extname } from 'node:path';
import type { AppContext } from '../app.js';
import type { DeviceIdentity, MediaFacts } from '../../shared/media-types.js';
import { mediaRepo } from '../media/media-repo.js';
import { getMediaSettings, needsProxy } from '../media/media-settings.js';
import { kindOfExt } from '../media/probe.js';
import type { CompiledProfile } from './device-profiles.js';
import type { FootageFile } from './device-scan.js';
import { clockToIso, parseName } from '../../shared/logic/filename-template.js';

/** Who runs an import (the CLI without --user is the system user "(命令行)"). */
export interface Actor {
  id: number | null;
  username: string;
  officerId: number | null;
}

/** What the run knows about the device; used to fill each item's facts. */
export interface RunContext {
  deviceKey: string;
  deviceSerial: string;
  deviceModel: string;
  identity: DeviceIdentity | null;
  profile: CompiledProfile;
  /** Other profiles' templates, tried when the device's own do not match. */
  fallback: CompiledProfile[];
  folder: string;
  actor: Actor;
  officersByNo: Map<string, number>;
  deviceOfficerId: number | null;
}

export interface Registered {
  mediaId: number;
  /** The content was already registered: only this path was added as a source. */
  duplicate: boolean;
}

function nameFacts(rc: RunContext, rel: string) {
  for (const p of [rc.profile, ...rc.fallback]) {
    const f = parseName(rel, p.templates);
    if (f) return { ...f, utcOffset: p.profile.utcOffset };
  }
  return null;
}

/**
 * Registers a file whose verified copy is already in the vault: one transaction adds the vault
 * object, the media item (or, for content already known, only the new source path), the background
 * jobs and the audit row. Called only after the rename, so a registered item always has its file.
 */
export function registerCopied(
  app: AppContext,
  rc: RunContext,
  file: FootageFile,
  copy: { sha256: string; size: number },
  facts: MediaFacts | null,
  probeError: string | null,
): Registered {
  const repo = mediaRepo(app.db);
  const at = app.now().toISOString();
  return app.db.transaction((): Registered => {
    repo.putObject(copy.sha256, copy.size, at);
    const existing = repo.bySha(copy.sha256);
    if (existing) {
      const added = repo.addSource(existing.id, rc.deviceKey, file.rel, file.size, file.mtimeMs, at);
      if (existing.purgedAt) repo.unpurge(existing.id);
      if (added || existing.purgedAt) {
        app.audit.append({
          userId: rc.actor.id,
          username: rc.actor.username,
          operation: 'media.ingest',
          objectType: 'media',
          objectId: existing.id,
          summary: { sourceAdded: file.rel, device: rc.deviceKey, sha256: copy.sha256, restored: !!existing.purgedAt },
        });
      }
      return { mediaId: existing.id, duplicate: !existing.purgedAt };
    }
    const ext = extname(file.rel).slice(1).toLowerCase();
    const kind = kindOfExt(ext);
    // A still has no duration or frame rate, whatever the image decoder reports.
    if (facts && kind === 'image') facts = { ...facts, durationMs: null, fps: null };
    const nf = nameFacts(rc, file.rel);
    const officerNo = nf?.officer ?? rc.identity?.officerNo ?? '';
    const officerId =
      (officerNo && rc.officersByNo.get(officerNo)) || rc.deviceOfficerId || rc.actor.officerId || null;
    let recordedAt: string | null = null;
    let timeSource: 'filename' | 'metadata' | 'file' = 'file';
    if (nf?.start) {
      recordedAt = clockToIso(nf.start, nf.utcOffset);
      timeSource = 'filename';
    } else if (facts?.creationTime) {
      recordedAt = facts.creationTime;
      timeSource = 'metadata';
    } else {
      recordedAt = new Date(file.mtimeMs).toISOString();
    }
    const mediaId = repo.insert({
      sha256: copy.sha256,
      size: copy.size,
      kind,
      fileName: basename(file.rel),
      ext,
      deviceSerial: nf?.device ?? rc.deviceSerial,
      deviceModel: rc.deviceModel,
      profileId: rc.profile.profile.id,
      officerNo,
      officerId,
      recordedAt,
      timeSource,
      important: nf?.important ?? false,
      sourceFolder: file.rel.includes('/') ? file.rel.slice(0, file.rel.lastIndexOf('/')) : '',
      probeError,
      facts,
      ingestedAt: at,
      ingestedBy: rc.actor.id,
      ingestedByName: rc.actor.username,
    });
    repo.addSource(mediaId, rc.deviceKey, file.rel, file.size, file.mtimeMs, at);
    if (!probeError && (kind === 'video' || kind === 'image')) repo.enqueue(mediaId, 'thumbs', at);
    if (facts && needsProxy({ kind, ...facts }, getMediaSettings(app))) repo.enqueue(mediaId, 'proxy', at);
    app.audit.append({
      userId: rc.actor.id,
      username: rc.actor.username,
      operation: 'media.ingest',
      objectType: 'media',
      objectId: mediaId,
      summary: { sha256: copy.sha256, size: copy.size, source: file.rel, device: rc.deviceKey, probeError },
    });
    return { mediaId, duplicate: false };
  })();
}
