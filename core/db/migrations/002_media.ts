import type { Migration } from '../migrate.js';

/**
 * Body-cam footage (issue 4). One `media_items` row per distinct original (content-addressed:
 * the same bytes under two names are one item with two `media_sources`). Originals never change:
 * hash and size are fixed by trigger and rows are never deleted (a retention purge only marks
 * `purged_at` after the vault file is removed). Derived objects (thumbnails, contact strips,
 * proxies, snapshots) are separate vault objects; their background work lives in `derive_jobs`.
 */
export const m002_media: Migration = {
  name: '002_media',
  up: /* sql */ `
CREATE TABLE media_items (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('video','audio','image','other')),
  file_name TEXT NOT NULL,
  ext TEXT NOT NULL,
  device_serial TEXT NOT NULL DEFAULT '',
  device_model TEXT NOT NULL DEFAULT '',
  profile_id TEXT NOT NULL DEFAULT '',
  officer_no TEXT NOT NULL DEFAULT '',
  officer_id INTEGER REFERENCES officers(id),
  recorded_at TEXT,
  time_source TEXT NOT NULL DEFAULT 'file' CHECK (time_source IN ('filename','metadata','file')),
  important INTEGER NOT NULL DEFAULT 0,
  source_folder TEXT NOT NULL DEFAULT '',
  probe_state TEXT NOT NULL DEFAULT 'ok' CHECK (probe_state IN ('ok','failed','skipped')),
  probe_error TEXT,
  duration_ms INTEGER,
  video_codec TEXT,
  audio_codec TEXT,
  width INTEGER,
  height INTEGER,
  fps REAL,
  bit_rate INTEGER,
  creation_time TEXT,
  gps TEXT,
  ingested_at TEXT NOT NULL,
  ingested_by INTEGER REFERENCES users(id),
  ingested_by_name TEXT NOT NULL,
  capture_time TEXT,
  place TEXT NOT NULL DEFAULT '',
  collectors TEXT NOT NULL DEFAULT '[]',
  proof TEXT NOT NULL DEFAULT '',
  matter TEXT NOT NULL DEFAULT '',
  annotated_at TEXT,
  annotated_by INTEGER REFERENCES users(id),
  hold INTEGER NOT NULL DEFAULT 0,
  hold_reason TEXT NOT NULL DEFAULT '',
  purged_at TEXT,
  purged_by INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX media_recorded ON media_items(recorded_at DESC, id DESC);
CREATE INDEX media_officer ON media_items(officer_id, recorded_at DESC);
CREATE INDEX media_device ON media_items(device_serial, recorded_at DESC);
CREATE INDEX media_unannotated ON media_items(ingested_at) WHERE annotated_at IS NULL AND purged_at IS NULL;
CREATE TRIGGER media_items_fixed BEFORE UPDATE OF sha256, size ON media_items
BEGIN SELECT RAISE(ABORT, 'an original''s hash and size never change'); END;
CREATE TRIGGER media_items_no_delete BEFORE DELETE ON media_items
BEGIN SELECT RAISE(ABORT, 'media items are never deleted; a purge marks purged_at'); END;

-- Where each original was found: a device (serial, or folder:<path>) and the path on it.
-- (device_key, rel_path, size, mtime_ms) identifies a file already offloaded, without reading it.
CREATE TABLE media_sources (
  id INTEGER PRIMARY KEY,
  media_id INTEGER NOT NULL REFERENCES media_items(id),
  device_key TEXT NOT NULL,
  rel_path TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  first_seen_at TEXT NOT NULL,
  erased_at TEXT,
  UNIQUE (device_key, rel_path, size, mtime_ms)
) STRICT;
CREATE INDEX media_sources_media ON media_sources(media_id);

CREATE TABLE media_derived (
  id INTEGER PRIMARY KEY,
  media_id INTEGER NOT NULL REFERENCES media_items(id),
  kind TEXT NOT NULL CHECK (kind IN ('thumbnail','strip','proxy','snapshot')),
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  at_ms INTEGER,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  removed_at TEXT
) STRICT;
CREATE INDEX media_derived_media ON media_derived(media_id, kind);

-- Background work on originals (thumbnails, proxies); resumable: 'running' rows are reset on start.
CREATE TABLE derive_jobs (
  id INTEGER PRIMARY KEY,
  media_id INTEGER NOT NULL REFERENCES media_items(id),
  kind TEXT NOT NULL CHECK (kind IN ('thumbs','proxy')),
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','running','done','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (media_id, kind)
) STRICT;
CREATE INDEX derive_jobs_state ON derive_jobs(state, id);

CREATE TABLE media_case_links (
  media_id INTEGER NOT NULL REFERENCES media_items(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  linked_at TEXT NOT NULL,
  linked_by INTEGER REFERENCES users(id),
  PRIMARY KEY (media_id, case_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX media_case_links_case ON media_case_links(case_id, media_id);

-- Matters (音像记录事项) that occurred in a case, declared by the handler.
CREATE TABLE case_av_matters (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  matter TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  declared_by INTEGER REFERENCES users(id),
  PRIMARY KEY (case_id, matter)
) STRICT, WITHOUT ROWID;

-- 无法记录说明: why a required recording could not be made, signed by an officer. Immutable.
CREATE TABLE av_no_recording (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  matter TEXT NOT NULL,
  officer_id INTEGER NOT NULL REFERENCES officers(id),
  reason TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX av_no_recording_case ON av_no_recording(case_id, matter);
CREATE TRIGGER av_no_recording_immutable BEFORE UPDATE ON av_no_recording
BEGIN SELECT RAISE(ABORT, 'a signed statement cannot be changed'); END;
CREATE TRIGGER av_no_recording_no_delete BEFORE DELETE ON av_no_recording
BEGIN SELECT RAISE(ABORT, 'a signed statement cannot be deleted'); END;

-- One row per offload run (supervision: devices not offloaded for days).
CREATE TABLE ingest_runs (
  id INTEGER PRIMARY KEY,
  device_key TEXT NOT NULL,
  device_serial TEXT NOT NULL DEFAULT '',
  folder TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running','done','cancelled','disconnected','failed')),
  copied INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '',
  started_at TEXT NOT NULL,
  finished_at TEXT,
  user_id INTEGER REFERENCES users(id),
  username TEXT NOT NULL
) STRICT;
CREATE INDEX ingest_runs_device ON ingest_runs(device_serial, started_at DESC);
`,
};
