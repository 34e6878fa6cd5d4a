import type { Migration } from '../migrate.js';

/**
 * Foundation schema: bureau, settings, users, officers, recorders, cases with parties,
 * handlers, stages and records, case-number sequences, full-text search, and the
 * hash-chained audit log. Times are ISO-8601 UTC strings; calendar dates are YYYY-MM-DD.
 */
export const m001_foundation: Migration = {
  name: '001_foundation',
  up: /* sql */ `
CREATE TABLE bureau (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  unit_abbr TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  website_name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE officers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  cert_no TEXT NOT NULL UNIQUE,
  cert_valid_until TEXT NOT NULL,
  category TEXT NOT NULL,
  region TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended','left')),
  phone TEXT NOT NULL DEFAULT '',
  officer_no TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX officers_cert_valid ON officers(status, cert_valid_until);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  officer_id INTEGER REFERENCES officers(id),
  reviewer_qualified INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  serial TEXT NOT NULL UNIQUE,
  model TEXT NOT NULL DEFAULT '',
  officer_id INTEGER REFERENCES officers(id),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE case_sequences (
  case_type TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (case_type, year)
) STRICT;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  case_no TEXT NOT NULL UNIQUE,
  case_type TEXT NOT NULL CHECK (case_type IN ('penalty','permit','coercion','levy','inspection','confirmation','other')),
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  procedure TEXT NOT NULL CHECK (procedure IN ('simple','ordinary')),
  title TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT 'filing',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','voided')),
  void_reason TEXT,
  place TEXT NOT NULL DEFAULT '',
  facts TEXT NOT NULL DEFAULT '',
  opened_on TEXT NOT NULL,
  due_on TEXT,
  closed_on TEXT,
  party_summary TEXT NOT NULL DEFAULT '',
  handler_summary TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (case_type, year, seq)
) STRICT;
-- List indexes carry the filter columns after the sort key, so counting any combination of
-- type, stage, status and date range reads the index only.
CREATE INDEX cases_opened ON cases(opened_on DESC, id DESC, status, case_type, stage);
CREATE INDEX cases_type_opened ON cases(case_type, opened_on DESC, id DESC, status, stage);
CREATE INDEX cases_stage_opened ON cases(stage, opened_on DESC, id DESC, status, case_type);
CREATE INDEX cases_type_stage_opened ON cases(case_type, stage, opened_on DESC, id DESC, status);
CREATE INDEX cases_voided ON cases(opened_on DESC, id DESC) WHERE status = 'voided';
CREATE INDEX cases_due ON cases(due_on, case_type, stage, opened_on) WHERE due_on IS NOT NULL AND stage NOT IN ('closing','archived') AND status = 'active';

CREATE TABLE parties (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('person','organisation')),
  name TEXT NOT NULL,
  id_number TEXT NOT NULL DEFAULT '',
  credit_code TEXT NOT NULL DEFAULT '',
  legal_rep TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  is_minor INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX parties_case ON parties(case_id);
CREATE INDEX parties_name ON parties(name);

-- opened_on is copied from the case (it never changes) so "cases of officer X, newest first"
-- is one index range.
CREATE TABLE case_handlers (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  officer_id INTEGER NOT NULL REFERENCES officers(id),
  is_lead INTEGER NOT NULL DEFAULT 0,
  opened_on TEXT NOT NULL,
  PRIMARY KEY (case_id, officer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_handlers_officer ON case_handlers(officer_id, opened_on DESC, case_id DESC);

CREATE TABLE case_stages (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  stage TEXT NOT NULL,
  entered_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  user_id INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_stages_case ON case_stages(case_id, id);

CREATE TABLE vault_objects (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  stored_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE case_records (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('text','attachment')),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  file_name TEXT,
  mime TEXT,
  sha256 TEXT REFERENCES vault_objects(sha256),
  size INTEGER,
  supersedes INTEGER REFERENCES case_records(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_records_case ON case_records(case_id, id);
CREATE TRIGGER case_records_immutable BEFORE UPDATE ON case_records
BEGIN SELECT RAISE(ABORT, 'case records are immutable; add a new version instead'); END;
CREATE TRIGGER case_records_no_delete BEFORE DELETE ON case_records
BEGIN SELECT RAISE(ABORT, 'case records cannot be deleted'); END;

-- Full-text index (trigram works for Chinese). One row per case, rowid = cases.id;
-- rebuilt by the repository whenever a case, its parties or its records change.
CREATE VIRTUAL TABLE case_search USING fts5(
  case_no, parties, place, facts, records,
  tokenize = 'trigram'
);
-- Trigrams cannot match queries of one or two characters, which are common in Chinese
-- (a two-character name such as 张伟). This second index holds the short fields (number,
-- parties, place) as space-separated character bigrams plus each run's last character.
CREATE VIRTUAL TABLE case_search_short USING fts5(
  grams,
  tokenize = 'unicode61'
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  username TEXT NOT NULL,
  operation TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_object ON audit_log(object_type, object_id, id);
CREATE INDEX audit_user ON audit_log(username, id);
CREATE INDEX audit_operation ON audit_log(operation, id);
CREATE INDEX audit_at ON audit_log(at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The chain head, kept in step with audit_log in the same transaction, so that
-- removing the newest rows is detected too.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL,
  hash TEXT NOT NULL,
  entries INTEGER NOT NULL
) STRICT;
INSERT INTO audit_head (id, last_id, hash, entries) VALUES (1, 0, '${'0'.repeat(64)}', 0);
`,
};
