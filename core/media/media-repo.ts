import type { Db } from '../db/connection.js';
import type { GpsTrack, MediaFacts, MediaKind } from '../../shared/media-types.js';

export interface NewMediaItem {
  sha256: string;
  size: number;
  kind: MediaKind;
  fileName: string;
  ext: string;
  deviceSerial: string;
  deviceModel: string;
  profileId: string;
  officerNo: string;
  officerId: number | null;
  recordedAt: string | null;
  timeSource: 'filename' | 'metadata' | 'file';
  important: boolean;
  sourceFolder: string;
  probeError: string | null;
  facts: MediaFacts | null;
  ingestedAt: string;
  ingestedBy: number | null;
  ingestedByName: string;
}

export interface MediaRow {
  id: number;
  sha256: string;
  size: number;
  kind: MediaKind;
  fileName: string;
  ext: string;
  deviceSerial: string;
  deviceModel: string;
  officerNo: string;
  officerId: number | null;
  officerName: string | null;
  recordedAt: string | null;
  timeSource: 'filename' | 'metadata' | 'file';
  important: number;
  sourceFolder: string;
  probeState: 'ok' | 'failed' | 'skipped';
  probeError: string | null;
  durationMs: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  bitRate: number | null;
  creationTime: string | null;
  gps: string | null;
  ingestedAt: string;
  captureTime: string | null;
  place: string;
  collectors: string;
  proof: string;
  matter: string;
  annotatedAt: string | null;
  hold: number;
  holdReason: string;
  purgedAt: string | null;
  cases: string;
  thumbnailSha256: string | null;
}

export const MEDIA_COLUMNS = `m.id, m.sha256, m.size, m.kind, m.file_name AS fileName, m.ext, m.device_serial AS deviceSerial,
  m.device_model AS deviceModel, m.officer_no AS officerNo, m.officer_id AS officerId, o.name AS officerName,
  m.recorded_at AS recordedAt, m.time_source AS timeSource, m.important, m.source_folder AS sourceFolder,
  m.probe_state AS probeState, m.probe_error AS probeError, m.duration_ms AS durationMs, m.video_codec AS videoCodec,
  m.audio_codec AS audioCodec, m.width, m.height, m.fps, m.bit_rate AS bitRate, m.creation_time AS creationTime, m.gps,
  m.ingested_at AS ingestedAt, m.capture_time AS captureTime, m.place, m.collectors, m.proof, m.matter,
  m.annotated_at AS annotatedAt, m.hold, m.hold_reason AS holdReason, m.purged_at AS purgedAt,
  (SELECT json_group_array(json_object('id', c.id, 'caseNo', c.case_no)) FROM media_case_links l JOIN cases c ON c.id = l.case_id
     WHERE l.media_id = m.id) AS cases,
  (SELECT d.sha256 FROM media_derived d WHERE d.media_id = m.id AND d.kind = 'thumbnail' AND d.removed_at IS NULL
     ORDER BY d.id DESC LIMIT 1) AS thumbnailSha256`;
export const MEDIA_FROM = `FROM media_items m LEFT JOIN officers o ON o.id = m.officer_id`;

export interface Annotation {
  captureTime: string | null;
  place: string;
  collectors: number[];
  proof: string;
  matter: string;
  important: boolean;
}

/** Named statements for footage: items, their sources, derived objects, background jobs and case links. */
export function createMediaRepo(db: Db) {
  const s = {
    bySha: db.prepare(`SELECT id, purged_at AS purgedAt FROM media_items WHERE sha256 = ?`),
    byId: db.prepare(`SELECT ${MEDIA_COLUMNS} ${MEDIA_FROM} WHERE m.id = ?`),
    known: db.prepare(`SELECT media_id AS mediaId FROM media_sources WHERE device_key = ? AND rel_path = ? AND size = ? AND mtime_ms = ?`),
    putObject: db.prepare(`INSERT OR IGNORE INTO vault_objects (sha256, size, stored_at) VALUES (?, ?, ?)`),
    insert: db.prepare(
      `INSERT INTO media_items (sha256, size, kind, file_name, ext, device_serial, device_model, profile_id, officer_no, officer_id,
         recorded_at, time_source, important, source_folder, probe_state, probe_error, duration_ms, video_codec, audio_codec, width,
         height, fps, bit_rate, creation_time, gps, ingested_at, ingested_by, ingested_by_name)
       VALUES (@sha256, @size, @kind, @fileName, @ext, @deviceSerial, @deviceModel, @profileId, @officerNo, @officerId,
         @recordedAt, @timeSource, @important, @sourceFolder, @probeState, @probeError, @durationMs, @videoCodec, @audioCodec, @width,
         @height, @fps, @bitRate, @creationTime, @gps, @ingestedAt, @ingestedBy, @ingestedByName)`,
    ),
    unpurge: db.prepare(`UPDATE media_items SET purged_at = NULL, purged_by = NULL WHERE id = ?`),
    insertSource: db.prepare(
      `INSERT OR IGNORE INTO media_sources (media_id, device_key, rel_path, size, mtime_ms, first_seen_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    sources: db.prepare(
      `SELECT id, device_key AS deviceKey, rel_path AS path, size, mtime_ms AS mtimeMs, first_seen_at AS firstSeenAt, erased_at AS erasedAt
       FROM media_sources WHERE media_id = ? ORDER BY id`,
    ),
    sourcesOfDevice: db.prepare(
      `SELECT s.id, s.media_id AS mediaId, s.rel_path AS path, s.size, s.mtime_ms AS mtimeMs, m.sha256, m.purged_at AS purgedAt
       FROM media_sources s JOIN media_items m ON m.id = s.media_id WHERE s.device_key = ? AND s.erased_at IS NULL`,
    ),
    markErased: db.prepare(`UPDATE media_sources SET erased_at = ? WHERE id = ?`),
    insertDerived: db.prepare(
      `INSERT INTO media_derived (media_id, kind, sha256, size, at_ms, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    derived: db.prepare(
      `SELECT id, kind, sha256, size, at_ms AS atMs, created_at AS createdAt FROM media_derived
       WHERE media_id = ? AND removed_at IS NULL ORDER BY id`,
    ),
    insertJob: db.prepare(`INSERT OR IGNORE INTO derive_jobs (media_id, kind, updated_at) VALUES (?, ?, ?)`),
    jobs: db.prepare(`SELECT kind, state, error FROM derive_jobs WHERE media_id = ? ORDER BY kind`),
    annotate: db.prepare(
      `UPDATE media_items SET capture_time = @captureTime, place = @place, collectors = @collectors, proof = @proof,
         matter = @matter, important = @important,
         -- A clip counts as annotated once it says what it proves (证明对象); a case link or a place alone does not.
         annotated_at = CASE WHEN trim(@proof) = '' THEN NULL WHEN annotated_at IS NOT NULL AND trim(proof) <> '' THEN annotated_at ELSE @at END,
         annotated_by = CASE WHEN trim(@proof) = '' THEN NULL WHEN annotated_at IS NOT NULL AND trim(proof) <> '' THEN annotated_by ELSE @userId END
       WHERE id = @id`,
    ),
    link: db.prepare(`INSERT OR IGNORE INTO media_case_links (media_id, case_id, linked_at, linked_by) VALUES (?, ?, ?, ?)`),
    unlink: db.prepare(`DELETE FROM media_case_links WHERE media_id = ? AND case_id = ?`),
    caseMedia: db.prepare(`SELECT ${MEDIA_COLUMNS} ${MEDIA_FROM} JOIN media_case_links cl ON cl.media_id = m.id
       WHERE cl.case_id = ? ORDER BY coalesce(m.capture_time, m.recorded_at, m.ingested_at), m.id`),
    setHold: db.prepare(`UPDATE media_items SET hold = ?, hold_reason = ? WHERE id = ?`),
    insertRun: db.prepare(
      `INSERT INTO ingest_runs (device_key, device_serial, folder, state, started_at, user_id, username)
       VALUES (?, ?, ?, 'running', ?, ?, ?)`,
    ),
    finishRun: db.prepare(
      `UPDATE ingest_runs SET state = @state, copied = @copied, duplicates = @duplicates, skipped = @skipped, failed = @failed,
         bytes = @bytes, message = @message, finished_at = @at WHERE id = @id`,
    ),
  };

  return {
    bySha: (sha: string) => s.bySha.get(sha) as { id: number; purgedAt: string | null } | undefined,
    get: (id: number) => (s.byId.get(id) as MediaRow | undefined) ?? null,
    knownSource: (deviceKey: string, rel: string, size: number, mtimeMs: number) =>
      (s.known.get(deviceKey, rel, size, mtimeMs) as { mediaId: number } | undefined)?.mediaId ?? null,
    putObject: (sha: string, size: number, at: string) => s.putObject.run(sha, size, at),
    insert(item: NewMediaItem): number {
      const f = item.facts;
      return Number(
        s.insert.run({
          ...item,
          important: item.important ? 1 : 0,
          probeState: item.probeError ? 'failed' : f ? 'ok' : 'skipped',
          durationMs: f?.durationMs ?? null,
          videoCodec: f?.videoCodec ?? null,
          audioCodec: f?.audioCodec ?? null,
          width: f?.width ?? null,
          height: f?.height ?? null,
          fps: f?.fps ?? null,
          bitRate: f?.bitRate ?? null,
          creationTime: f?.creationTime ?? null,
          gps: f?.gps ? JSON.stringify(f.gps satisfies GpsTrack) : null,
        }).lastInsertRowid,
      );
    },
    unpurge: (id: number) => s.unpurge.run(id),
    addSource: (mediaId: number, deviceKey: string, rel: string, size: number, mtimeMs: number, at: string) =>
      s.insertSource.run(mediaId, deviceKey, rel, size, mtimeMs, at).changes > 0,
    sources: (mediaId: number) =>
      s.sources.all(mediaId) as { id: number; deviceKey: string; path: string; size: number; mtimeMs: number; firstSeenAt: string; erasedAt: string | null }[],
    sourcesOfDevice: (deviceKey: string) =>
      s.sourcesOfDevice.all(deviceKey) as { id: number; mediaId: number; path: string; size: number; mtimeMs: number; sha256: string; purgedAt: string | null }[],
    markErased: (sourceId: number, at: string) => s.markErased.run(at, sourceId),
    addDerived: (mediaId: number, kind: string, sha: string, size: number, atMs: number | null, at: string, userId: number | null) =>
      Number(s.insertDerived.run(mediaId, kind, sha, size, atMs, at, userId).lastInsertRowid),
    derived: (mediaId: number) =>
      s.derived.all(mediaId) as { id: number; kind: 'thumbnail' | 'strip' | 'proxy' | 'snapshot'; sha256: string; size: number; atMs: number | null; createdAt: string }[],
    enqueue: (mediaId: number, kind: 'thumbs' | 'proxy', at: string) => s.insertJob.run(mediaId, kind, at),
    jobs: (mediaId: number) =>
      s.jobs.all(mediaId) as { kind: 'thumbs' | 'proxy'; state: 'pending' | 'running' | 'done' | 'failed'; error: string | null }[],
    annotate: (id: number, a: Annotation, at: string, userId: number | null) =>
      s.annotate.run({ ...a, collectors: JSON.stringify(a.collectors), important: a.important ? 1 : 0, at, userId, id }),
    link: (mediaId: number, caseId: number, at: string, userId: number | null) => s.link.run(mediaId, caseId, at, userId).changes > 0,
    unlink: (mediaId: number, caseId: number) => s.unlink.run(mediaId, caseId).changes > 0,
    caseMedia: (caseId: number) => s.caseMedia.all(caseId) as MediaRow[],
    setHold: (id: number, hold: boolean, reason: string) => s.setHold.run(hold ? 1 : 0, reason, id),
    startRun: (deviceKey: string, serial: string, folder: string, at: string, userId: number | null, username: string) =>
      Number(s.insertRun.run(deviceKey, serial, folder, at, userId, username).lastInsertRowid),
    finishRun: (r: { id: number; state: string; copied: number; duplicates: number; skipped: number; failed: number; bytes: number; message: string; at: string }) =>
      s.finishRun.run(r),
  };
}
export type MediaRepo = ReturnType<typeof createMediaRepo>;

const repos = new WeakMap<Db, MediaRepo>();
/** The media repository of a database (created once per connection). */
export function mediaRepo(db: Db): MediaRepo {
  let r = repos.get(db);
  if (!r) repos.set(db, (r = createMediaRepo(db)));
  return r;
}
