import type { Migration } from '../migrate.js';

/**
 * Disclosure (行政执法公示, issue 6): items with versions, redaction overrides, the approval
 * history, publish targets, the publish log, releases and the final-check cache.
 *
 * - One row per version of an item; `series_id` (the first version's id) names the item on the
 *   public site, so a correction (更正, version + 1) keeps its address.
 * - Approval freezes a version: `public_content` (the redacted public form), its PDF and
 *   `content_hash` are written once; triggers refuse content edits of an approved version that
 *   do not return it to draft, and any content edit of a published, withdrawn or superseded one.
 * - `disclosure_events` is the approval history (immutable); a trigger refuses an approval by
 *   the item's author — the services also refuse approvals by anyone who edited the version.
 * - Due dates (publish, withdraw, take-down) are columns of the item, computed in Chinese
 *   working days when the event happens.
 * - `decision_id` points at `decisions(id)` (issue 5) without a foreign key, so this schema
 *   does not depend on the review tables.
 * - Secrets of publish targets are AES-256-GCM ciphertexts (key: `secrets.key` in the data folder).
 */
export const m004_disclosure: Migration = {
  name: '004_disclosure',
  up: /* sql */ `
CREATE TABLE disclosure_items (
  id INTEGER PRIMARY KEY,
  series_id INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('penalty','permit','coercion','levy','inspection','powers','roster','guide','flowchart','channels','annual')),
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','pending','approved','published','withdrawn','superseded')),
  title TEXT NOT NULL,
  item_date TEXT NOT NULL,
  case_id INTEGER REFERENCES cases(id),
  decision_id INTEGER,
  party_id INTEGER REFERENCES parties(id),
  fields TEXT NOT NULL,
  redact_options TEXT NOT NULL,
  kept TEXT NOT NULL DEFAULT '[]',
  image_sha256 TEXT REFERENCES vault_objects(sha256),
  image_name TEXT,
  image_mime TEXT,
  correction_note TEXT,
  supersedes INTEGER REFERENCES disclosure_items(id),
  created_by INTEGER NOT NULL REFERENCES users(id),
  editors TEXT NOT NULL DEFAULT '[]',
  submitted_by INTEGER REFERENCES users(id),
  submitted_at TEXT,
  approved_by INTEGER REFERENCES users(id),
  approved_at TEXT,
  approved_on TEXT,
  public_content TEXT,
  pdf_sha256 TEXT REFERENCES vault_objects(sha256),
  content_hash TEXT,
  reject_reason TEXT,
  publish_due_on TEXT,
  first_published_at TEXT,
  published_release TEXT,
  withdraw_event TEXT,
  withdraw_event_on TEXT,
  withdraw_reason TEXT,
  withdrawn_by INTEGER REFERENCES users(id),
  withdrawn_at TEXT,
  withdraw_due_on TEXT,
  taken_down_at TEXT,
  takedown_due_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (series_id, version)
) STRICT;
CREATE INDEX disclosure_items_state ON disclosure_items(state, kind, item_date DESC, id DESC);
CREATE INDEX disclosure_items_kind ON disclosure_items(kind, item_date DESC, id DESC);
CREATE INDEX disclosure_items_case ON disclosure_items(case_id);
CREATE INDEX disclosure_items_decision ON disclosure_items(decision_id) WHERE decision_id IS NOT NULL;
CREATE INDEX disclosure_items_publish_due ON disclosure_items(publish_due_on) WHERE state IN ('draft','pending','approved');
CREATE INDEX disclosure_items_withdraw_due ON disclosure_items(withdraw_due_on) WHERE state = 'withdrawn' AND taken_down_at IS NULL;

CREATE TRIGGER disclosure_items_no_delete BEFORE DELETE ON disclosure_items
BEGIN SELECT RAISE(ABORT, 'disclosure items cannot be deleted; withdraw them instead'); END;
CREATE TRIGGER disclosure_items_frozen BEFORE UPDATE OF title, item_date, fields, redact_options, kept, image_sha256 ON disclosure_items
WHEN (OLD.state IN ('published','withdrawn','superseded') OR (OLD.state = 'approved' AND NEW.state <> 'draft'))
  AND (NEW.title IS NOT OLD.title OR NEW.item_date IS NOT OLD.item_date OR NEW.fields IS NOT OLD.fields
    OR NEW.redact_options IS NOT OLD.redact_options OR NEW.kept IS NOT OLD.kept OR NEW.image_sha256 IS NOT OLD.image_sha256)
BEGIN SELECT RAISE(ABORT, 'approved disclosure content is frozen; an edit must return it to draft'); END;
CREATE TRIGGER disclosure_items_public_frozen BEFORE UPDATE OF public_content, pdf_sha256, content_hash ON disclosure_items
WHEN OLD.state IN ('published','withdrawn','superseded')
  AND (NEW.public_content IS NOT OLD.public_content OR NEW.pdf_sha256 IS NOT OLD.pdf_sha256 OR NEW.content_hash IS NOT OLD.content_hash)
BEGIN SELECT RAISE(ABORT, 'the public content of a published disclosure is frozen; correct it with a new version'); END;

CREATE TABLE disclosure_overrides (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES disclosure_items(id),
  field TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  replacement TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX disclosure_overrides_item ON disclosure_overrides(item_id, field, start_at);
CREATE TRIGGER disclosure_overrides_frozen_insert BEFORE INSERT ON disclosure_overrides
WHEN (SELECT state FROM disclosure_items WHERE id = NEW.item_id) NOT IN ('draft','pending')
BEGIN SELECT RAISE(ABORT, 'redaction of an approved disclosure is frozen'); END;
CREATE TRIGGER disclosure_overrides_frozen_delete BEFORE DELETE ON disclosure_overrides
WHEN (SELECT state FROM disclosure_items WHERE id = OLD.item_id) NOT IN ('draft','pending')
BEGIN SELECT RAISE(ABORT, 'redaction of an approved disclosure is frozen'); END;
CREATE TRIGGER disclosure_overrides_no_update BEFORE UPDATE ON disclosure_overrides
BEGIN SELECT RAISE(ABORT, 'replace redaction overrides instead of editing them'); END;

CREATE TABLE disclosure_events (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES disclosure_items(id),
  action TEXT NOT NULL CHECK (action IN ('create','update','findings','submit','approve','reject','reopen','withdraw','correct','publish','takedown')),
  user_id INTEGER REFERENCES users(id),
  username TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  content_hash TEXT
) STRICT;
CREATE INDEX disclosure_events_item ON disclosure_events(item_id, id);
CREATE TRIGGER disclosure_events_no_update BEFORE UPDATE ON disclosure_events
BEGIN SELECT RAISE(ABORT, 'disclosure events are immutable history'); END;
CREATE TRIGGER disclosure_events_no_delete BEFORE DELETE ON disclosure_events
BEGIN SELECT RAISE(ABORT, 'disclosure events cannot be deleted'); END;
CREATE TRIGGER disclosure_no_self_approval BEFORE INSERT ON disclosure_events
WHEN NEW.action = 'approve' AND NEW.user_id = (SELECT created_by FROM disclosure_items WHERE id = NEW.item_id)
BEGIN SELECT RAISE(ABORT, 'a disclosure cannot be approved by its author'); END;

CREATE TABLE publish_targets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('sftp','folder','cms')),
  host TEXT NOT NULL DEFAULT '',
  port INTEGER NOT NULL DEFAULT 22,
  username TEXT NOT NULL DEFAULT '',
  remote_dir TEXT NOT NULL DEFAULT '',
  host_key TEXT NOT NULL DEFAULT '',
  auth TEXT NOT NULL DEFAULT 'key' CHECK (auth IN ('password','key')),
  secret TEXT,
  passphrase TEXT,
  folder_path TEXT NOT NULL DEFAULT '',
  keep_releases INTEGER NOT NULL DEFAULT 5,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE publish_runs (
  id INTEGER PRIMARY KEY,
  target_id INTEGER REFERENCES publish_targets(id),
  target_name TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  username TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  state TEXT NOT NULL CHECK (state IN ('running','done','unchanged','failed','cancelled')),
  release_id TEXT,
  items TEXT NOT NULL DEFAULT '[]',
  files INTEGER NOT NULL DEFAULT 0,
  uploaded INTEGER NOT NULL DEFAULT 0,
  linked INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT
) STRICT;
CREATE INDEX publish_runs_target ON publish_runs(target_id, id DESC);

CREATE TABLE publish_releases (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES publish_runs(id),
  target_id INTEGER REFERENCES publish_targets(id),
  release_id TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  manifest TEXT NOT NULL,
  files INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX publish_releases_target ON publish_releases(target_id, id DESC);

-- Files (by content hash and check options) that passed the final personal-data check.
CREATE TABLE publish_checked (
  sha256 TEXT NOT NULL,
  options_hash TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  PRIMARY KEY (sha256, options_hash)
) STRICT, WITHOUT ROWID;
`,
};
