/** Result shapes of the media operations (issue 4: body-cam offload and the evidence vault). */
import type { CaseType } from './domain.js';

export type MediaKind = 'video' | 'audio' | 'image' | 'other';

export interface GpsPoint {
  /** Offset from the start of the clip. */
  offsetMs: number;
  lat: number;
  lon: number;
  /** Recorder clock as written in the `$G:` line ("YYYY-MM-DD HH:MM:SS"), if any. */
  time: string | null;
  speedKmh: number | null;
}

export interface GpsTrack {
  first: GpsPoint;
  last: GpsPoint;
  /** Fixes found in the clip (the stored track is thinned to at most 2000). */
  points: number;
  track: GpsPoint[];
}

export interface MediaFacts {
  formatName: string | null;
  durationMs: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  bitRate: number | null;
  /** `creation_time` tag, ISO. */
  creationTime: string | null;
  subtitleStreams: number;
  gps: GpsTrack | null;
}

export interface DeviceProfile {
  id: string;
  name: string;
  /** Folders (relative to the volume root) where footage lives; the whole volume when none exists. */
  folders: string[];
  /** Identity files at the volume root (ZFY_INFO-style key=value text). */
  identityFiles: string[];
  /** Lower-case extensions without the dot. */
  extensions: string[];
  /** Filename templates, e.g. `DCAM_<device>_<officer>_<YYYYMMDD>_<HHMMSS>[_IMP].<ext>`. */
  templates: string[];
  /** UTC offset of the recorder clock, e.g. "+08:00". */
  utcOffset: string;
}

export interface DeviceIdentity {
  serial: string;
  model: string;
  officerNo: string;
  officerName: string;
  unitNo: string;
  unitName: string;
}

export interface DetectedDevice {
  /** Mount point / drive root of the recorder. */
  volume: string;
  /** Stable key used to remember which files were offloaded (serial, else the folder). */
  deviceKey: string;
  profileId: string;
  profileName: string;
  identity: DeviceIdentity | null;
  serial: string;
  model: string;
  officerNo: string;
  /** The officer the device is assigned to (device register), else the one named by the identity file. */
  officer: { id: number; name: string } | null;
  attachedAt: string;
  /** Files on the device not yet in the vault (filled by `media.devices`). */
  newFiles?: number;
  newBytes?: number;
}

/** Progress of work over many files (import, vault check): counts, bytes, speed, time left. */
export interface FileWorkProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  mbPerSec: number;
  etaSeconds: number | null;
}

export interface IngestProgress extends FileWorkProgress {
  phase: 'scanning' | 'copying' | 'finishing' | 'done';
  /** The files being copied now, in the order they were started (two at once from a fast source). */
  currentFiles: string[];
}

export interface IngestItem {
  source: string;
  sha256: string;
  size: number;
  mediaId: number;
  /** Same content was already in the vault (stored once, this path recorded as another source). */
  duplicate: boolean;
}

export interface IngestIssue {
  path: string;
  reason: string;
  mediaId?: number;
}

export interface IngestResult {
  runId: number;
  deviceKey: string;
  deviceSerial: string;
  copied: number;
  duplicates: number;
  skipped: number;
  /** Files not imported, with a Chinese reason (empty, unreadable, vanished). */
  failed: IngestIssue[];
  /** Files imported with a problem (e.g. a truncated MP4 that cannot be read as video). */
  warnings: IngestIssue[];
  bytes: number;
  items: IngestItem[];
  cancelled: boolean;
  durationMs: number;
}

export type IngestState = 'running' | 'done' | 'cancelled' | 'disconnected' | 'failed';

export interface IngestJobStatus {
  jobId: string;
  folder: string;
  state: IngestState;
  progress: IngestProgress;
  result: IngestResult | null;
  error: { code: string; message: string } | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface MediaSummary {
  id: number;
  sha256: string;
  size: number;
  kind: MediaKind;
  fileName: string;
  deviceSerial: string;
  officerNo: string;
  officerId: number | null;
  officerName: string | null;
  recordedAt: string | null;
  timeSource: 'filename' | 'metadata' | 'file';
  important: boolean;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  videoCodec: string | null;
  probeError: string | null;
  annotated: boolean;
  matter: string;
  place: string;
  cases: { id: number; caseNo: string }[];
  thumbnailSha256: string | null;
  hold: boolean;
  purged: boolean;
  ingestedAt: string;
}

export interface MediaList {
  rows: MediaSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A long clip's contact strip: frames taken at even intervals, frame i at duration × (i + ½) / frames,
 * tiled left to right, top to bottom.
 */
export const CONTACT_STRIP = { columns: 6, rows: 2 } as const;

/** Where in the clip frame `i` of its contact strip was taken. */
export const stripFrameMs = (durationMs: number, i: number): number =>
  Math.round((durationMs * (i + 0.5)) / (CONTACT_STRIP.columns * CONTACT_STRIP.rows));

export interface MediaDerivedInfo {
  id: number;
  kind: 'thumbnail' | 'strip' | 'proxy' | 'snapshot';
  sha256: string;
  size: number;
  atMs: number | null;
  createdAt: string;
}

export interface MediaDetail extends MediaSummary {
  audioCodec: string | null;
  fps: number | null;
  bitRate: number | null;
  creationTime: string | null;
  gps: GpsTrack | null;
  captureTime: string | null;
  collectors: { id: number; name: string }[];
  proof: string;
  annotatedAt: string | null;
  holdReason: string;
  sources: { deviceKey: string; path: string; size: number; mtime: string; firstSeenAt: string; erasedAt: string | null }[];
  derived: MediaDerivedInfo[];
  jobs: { kind: 'thumbs' | 'proxy'; state: 'pending' | 'running' | 'done' | 'failed'; error: string | null }[];
  /** What the player should load: the proxy when one exists, else the original. */
  playbackSha256: string;
  prefill: AnnotationPrefill;
}

export interface AnnotationPrefill {
  captureTime: string | null;
  place: string;
  collectors: number[];
  important: boolean;
  matter: string;
  /** The officer's open cases on the capture day, best first. */
  caseCandidates: { id: number; caseNo: string; title: string; reason: string }[];
}

export type AvRequirement = 'full' | 'av';

/** One row of the 音像记录事项清单. */
export interface AvMatter {
  key: string;
  label: string;
  /** `full`: the whole process must be recorded (全程音像); `av`: A/V recording required. */
  requirement: AvRequirement;
  stage: string;
  place: string;
  device: string;
  trigger: string;
  content: string;
  retention: string;
  recorder: string;
  /** Case types in which this matter is assumed to occur unless the handler says otherwise. */
  impliedByCaseTypes: CaseType[];
}

export interface CaseAvGap {
  matter: string;
  label: string;
  requirement: AvRequirement;
  source: 'declared' | 'implied';
  footage: number;
  statement: { officerName: string; reason: string; recordedAt: string } | null;
  status: 'ok' | 'missing' | 'explained';
}

export interface CaseAvGaps {
  caseId: number;
  matters: CaseAvGap[];
  missing: number;
  /** Linked footage not yet tagged with a matter (tagging it may close a gap). */
  untagged: number;
  /** "缺少音像记录" when at least one required matter has neither footage nor a statement. */
  flag: string | null;
}

export interface VaultIssue {
  sha256: string;
  path: string;
  /** What the object is: 原始音视频, 衍生文件, 案件附件. */
  kinds: string[];
  actual?: string;
  /** What uses the object, for the clerk: the clip (and the cases it is evidence in), or the case record. */
  owners: VaultOwner[];
}

export interface VaultOwner {
  /** The clip this object is (or is derived from). */
  mediaId: number | null;
  /** The case this object is attached to (case records). */
  caseId: number | null;
  /** "DCAM_….mp4", "DCAM_….mp4 的播放副本", "遂林罚〔2026〕12号 · 现场照片". */
  label: string;
  /** Cases the clip is linked to as evidence. */
  cases: string[];
}

export interface VaultVerifyReport {
  ok: boolean;
  checked: number;
  bytes: number;
  mismatched: VaultIssue[];
  missing: VaultIssue[];
  /** Files in the vault without a database row (left by an interrupted import; adopted by the next one). */
  unregistered: string[];
  durationMs: number;
  /** When the interrupted scheduled check this one went on from began (null: checked from the start). */
  resumedFrom: string | null;
}

export type VaultVerifyState = 'running' | 'done' | 'cancelled' | 'failed';

/** A vault check started from the UI (`media.verifyStart`), with live progress. */
export interface VaultVerifyJob extends FileWorkProgress {
  jobId: string;
  state: VaultVerifyState;
  report: VaultVerifyReport | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  /** Started by the schedule: an interrupted one goes on from where it stopped next time. */
  scheduled: boolean;
}

/** The last completed check (from the audit trail, so checks run by `sanxiang verify` count too). */
export interface VaultVerifyLast {
  at: string;
  by: string;
  ok: boolean;
  checked: number;
  bytes: number;
  mismatched: number;
  missing: number;
  unregistered: number;
}

export interface VaultVerifyStatus {
  /** The latest check started in this program session (running or finished), if any. */
  job: VaultVerifyJob | null;
  last: VaultVerifyLast | null;
  /** What a check would read now. */
  objects: number;
  bytes: number;
  schedule: VaultVerifySchedule;
}

/** The automatic check (设置—音视频): how often, and roughly when the next one starts. */
export interface VaultVerifySchedule {
  /** 0 = off. */
  everyDays: number;
  /** When the next automatic check is due (now or later), or null when off or the vault is empty. */
  nextAt: string | null;
}

export interface RetentionCandidate {
  id: number;
  fileName: string;
  sha256: string;
  size: number;
  recordedAt: string | null;
  deviceSerial: string;
  officerName: string | null;
}

export interface ErasePreview {
  folder: string;
  files: { path: string; size: number; mediaId: number }[];
  count: number;
  bytes: number;
}

export interface EraseResult {
  erased: number;
  failed: { path: string; reason: string }[];
}

export interface MediaSettings {
  retentionMonths: number;
  unannotatedAlertDays: number;
  /** Originals above this bit rate (bit/s) get a playback proxy; HEVC always does. */
  proxyMinBitRate: number;
  /** Days between automatic vault checks while the program runs; 0 = no automatic check. */
  verifyEveryDays: number;
}
