import type { AppContext } from '../app.js';
import type { GpsTrack, MediaDetail, MediaList, MediaSummary } from '../../shared/media-types.js';
import { prefill } from './annotations.js';
import { MEDIA_COLUMNS, MEDIA_FROM, mediaRepo, type MediaRow } from './media-repo.js';

export function toSummary(r: MediaRow): MediaSummary {
  return {
    id: r.id,
    sha256: r.sha256,
    size: r.size,
    kind: r.kind,
    fileName: r.fileName,
    deviceSerial: r.deviceSerial,
    officerNo: r.officerNo,
    officerId: r.officerId,
    officerName: r.officerName,
    recordedAt: r.recordedAt,
    timeSource: r.timeSource,
    important: !!r.important,
    durationMs: r.durationMs,
    width: r.width,
    height: r.height,
    videoCodec: r.videoCodec,
    probeError: r.probeError,
    annotated: r.annotatedAt !== null,
    matter: r.matter,
    place: r.place,
    cases: (JSON.parse(r.cases ?? '[]') as { id: number; caseNo: string }[]).filter((c) => c.id !== null),
    thumbnailSha256: r.thumbnailSha256,
    hold: !!r.hold,
    purged: r.purgedAt !== null,
    ingestedAt: r.ingestedAt,
  };
}

export function toDetail(app: AppContext, r: MediaRow, viewerOfficerId: number | null): MediaDetail {
  const repo = mediaRepo(app.db);
  const derived = repo.derived(r.id);
  const officers = new Map(app.repos.officers.list().map((o) => [o.id, o.name]));
  const proxy = [...derived].reverse().find((d) => d.kind === 'proxy');
  return {
    ...toSummary(r),
    audioCodec: r.audioCodec,
    fps: r.fps,
    bitRate: r.bitRate,
    creationTime: r.creationTime,
    gps: r.gps ? (JSON.parse(r.gps) as GpsTrack) : null,
    captureTime: r.captureTime,
    collectors: (JSON.parse(r.collectors) as number[]).map((id) => ({ id, name: officers.get(id) ?? `#${id}` })),
    proof: r.proof,
    annotatedAt: r.annotatedAt,
    holdReason: r.holdReason,
    sources: repo.sources(r.id).map((s) => ({
      deviceKey: s.deviceKey,
      path: s.path,
      size: s.size,
      mtime: new Date(s.mtimeMs).toISOString(),
      firstSeenAt: s.firstSeenAt,
      erasedAt: s.erasedAt,
    })),
    derived,
    jobs: repo.jobs(r.id),
    playbackSha256: proxy?.sha256 ?? r.sha256,
    prefill: prefill(app, r, viewerOfficerId),
  };
}

export interface MediaFilter {
  officerId?: number;
  deviceSerial?: string;
  from?: string;
  to?: string;
  annotated?: boolean;
  caseId?: number;
  kind?: string;
  important?: boolean;
  q?: string;
  /** Only footage ingested at least this many days ago and not annotated (the alert list). */
  unannotatedOlderThanDays?: number;
  includePurged?: boolean;
  page: number;
  pageSize: number;
}

/** Local calendar date → the UTC instant it starts. */
const dayStart = (d: string, plusDays = 0) => {
  const [y, m, day] = d.split('-').map(Number);
  return new Date(y, m - 1, day + plusDays).toISOString();
};

const WHEN = 'coalesce(m.capture_time, m.recorded_at, m.ingested_at)';

/** Footage list with filters (officer, device, date, annotated, case…), newest first, paginated. */
export function listMedia(app: AppContext, f: MediaFilter): MediaList {
  const where: string[] = [];
  const p: Record<string, unknown> = {};
  if (!f.includePurged) where.push('m.purged_at IS NULL');
  if (f.officerId) {
    where.push(`(m.officer_id = @officerId OR EXISTS (SELECT 1 FROM json_each(m.collectors) WHERE value = @officerId))`);
    p.officerId = f.officerId;
  }
  if (f.deviceSerial) {
    where.push('m.device_serial = @deviceSerial');
    p.deviceSerial = f.deviceSerial;
  }
  if (f.from) {
    where.push(`${WHEN} >= @from`);
    p.from = dayStart(f.from);
  }
  if (f.to) {
    where.push(`${WHEN} < @to`);
    p.to = dayStart(f.to, 1);
  }
  if (f.annotated !== undefined) where.push(f.annotated ? 'm.annotated_at IS NOT NULL' : 'm.annotated_at IS NULL');
  if (f.caseId) {
    where.push('EXISTS (SELECT 1 FROM media_case_links l WHERE l.media_id = m.id AND l.case_id = @caseId)');
    p.caseId = f.caseId;
  }
  if (f.kind) {
    where.push('m.kind = @kind');
    p.kind = f.kind;
  }
  if (f.important !== undefined) where.push(f.important ? 'm.important = 1' : 'm.important = 0');
  if (f.q) {
    where.push(`(m.file_name LIKE @q ESCAPE '\\' OR m.place LIKE @q ESCAPE '\\' OR m.proof LIKE @q ESCAPE '\\')`);
    p.q = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
  }
  if (f.unannotatedOlderThanDays !== undefined) {
    where.push('m.annotated_at IS NULL AND m.ingested_at <= @cutoff');
    p.cutoff = new Date(app.now().getTime() - f.unannotatedOlderThanDays * 86_400_000).toISOString();
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (app.db.prepare(`SELECT count(*) AS n ${MEDIA_FROM} ${w}`).get(p) as { n: number }).n;
  const rows = app.db
    .prepare(`SELECT ${MEDIA_COLUMNS} ${MEDIA_FROM} ${w} ORDER BY ${WHEN} DESC, m.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...p, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as MediaRow[];
  return { rows: rows.map(toSummary), total, page: f.page, pageSize: f.pageSize };
}
