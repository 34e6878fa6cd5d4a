import type { Migration } from '../migrate.js';

const immutable = (table: string, what: string) => /* sql */ `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${what} are immutable history'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${what} cannot be deleted'); END;`;

const bump = (name: string, when: string, caseId: string) => /* sql */ `
CREATE TRIGGER case_rev_${name} ${when}
BEGIN INSERT INTO case_revisions (case_id, rev) VALUES (${caseId}, 1) ON CONFLICT(case_id) DO UPDATE SET rev = rev + 1; END;`;

/**
 * Legal review of major decisions and the decision gate (issue 5). The catalogue and the
 * review settings are settings documents ('reviewCatalogue', 'reviewSettings').
 *
 * History is immutable (triggers): each submission round, its outcome, checklist, opinion PDF,
 * every collective discussion and every decision. The only mutable rows are `review_items`,
 * the working state of a round (assignment, hold, due date after an extension, open/done).
 * JSON columns hold documents read whole (the proposal, materials, matched rules, snapshot).
 */
export const m003_review: Migration = {
  name: '003_review',
  up: /* sql */ `
CREATE TABLE review_submissions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  round INTEGER NOT NULL CHECK (round >= 1),
  proposal TEXT NOT NULL,
  materials TEXT NOT NULL,
  handler_statement TEXT NOT NULL,
  major INTEGER NOT NULL CHECK (major IN (0, 1)),
  requires_discussion INTEGER NOT NULL CHECK (requires_discussion IN (0, 1)),
  matched TEXT NOT NULL,
  case_hash TEXT NOT NULL,
  case_snapshot TEXT NOT NULL,
  case_rev INTEGER NOT NULL DEFAULT 0,
  submitted_by INTEGER NOT NULL REFERENCES users(id),
  submitted_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (case_id, round)
) STRICT;
CREATE INDEX review_submissions_by ON review_submissions(submitted_by, id DESC);
CREATE INDEX review_submissions_on ON review_submissions(submitted_on);
${immutable('review_submissions', 'review submissions')}

-- A change counter per case, bumped by triggers whenever what a submission is based on changes
-- (case text, parties, handlers, records). An open round whose counter moved is re-checked by
-- hash (case-snapshot.ts); an unchanged counter means "not stale" without reading the case.
CREATE TABLE case_revisions (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  rev INTEGER NOT NULL
) STRICT;
${bump('case_text', 'AFTER UPDATE OF title, place, facts ON cases WHEN OLD.title IS NOT NEW.title OR OLD.place IS NOT NEW.place OR OLD.facts IS NOT NEW.facts', 'NEW.id')}
${bump('party_added', 'AFTER INSERT ON parties', 'NEW.case_id')}
${bump('party_changed', 'AFTER UPDATE ON parties', 'NEW.case_id')}
${bump('party_removed', 'AFTER DELETE ON parties', 'OLD.case_id')}
${bump('handler_added', 'AFTER INSERT ON case_handlers', 'NEW.case_id')}
${bump('handler_removed', 'AFTER DELETE ON case_handlers', 'OLD.case_id')}
${bump('record_added', 'AFTER INSERT ON case_records', 'NEW.case_id')}

CREATE TABLE review_items (
  submission_id INTEGER PRIMARY KEY REFERENCES review_submissions(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
  due_on TEXT NOT NULL,
  extended_workdays INTEGER,
  extension_reason TEXT,
  extended_by INTEGER REFERENCES users(id),
  extended_at TEXT,
  assignee_id INTEGER REFERENCES users(id),
  assigned_by INTEGER REFERENCES users(id),
  assigned_at TEXT,
  held_by INTEGER REFERENCES users(id),
  held_at TEXT,
  finished_on TEXT,
  updated_at TEXT NOT NULL
) STRICT;
-- Queue (assigned to me or unassigned, due soon first) and overdue list: only open rounds are indexed.
CREATE INDEX review_items_queue ON review_items(assignee_id, due_on, submission_id) WHERE status = 'pending';
CREATE INDEX review_items_due ON review_items(due_on, submission_id) WHERE status = 'pending';
CREATE INDEX review_items_case ON review_items(case_id, submission_id);
CREATE INDEX review_items_assigned ON review_items(assignee_id, assigned_at);

CREATE TABLE review_outcomes (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL UNIQUE REFERENCES review_submissions(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('agree', 'change', 'correct', 'return', 'transfer')),
  opinion TEXT NOT NULL,
  catalogue_note TEXT NOT NULL DEFAULT '',
  reviewer_id INTEGER NOT NULL REFERENCES users(id),
  recorded_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1))
) STRICT;
CREATE INDEX review_outcomes_case ON review_outcomes(case_id, id);
CREATE INDEX review_outcomes_on ON review_outcomes(recorded_on);
${immutable('review_outcomes', 'review outcomes')}

CREATE TABLE review_checklist (
  outcome_id INTEGER NOT NULL REFERENCES review_outcomes(id),
  item TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('pass', 'problem')),
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (outcome_id, item)
) STRICT, WITHOUT ROWID;
${immutable('review_checklist', 'review checklist items')}

CREATE TABLE review_opinions (
  outcome_id INTEGER PRIMARY KEY REFERENCES review_outcomes(id),
  sha256 TEXT NOT NULL REFERENCES vault_objects(sha256),
  size INTEGER NOT NULL,
  record_id INTEGER NOT NULL UNIQUE REFERENCES case_records(id),
  generated_at TEXT NOT NULL
) STRICT;
${immutable('review_opinions', 'review opinions')}

CREATE TABLE review_discussions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  submission_id INTEGER REFERENCES review_submissions(id),
  held_on TEXT NOT NULL,
  participants TEXT NOT NULL,
  minutes TEXT NOT NULL,
  conclusion TEXT NOT NULL CHECK (conclusion IN ('approve', 'approveChanged', 'resubmit', 'transfer')),
  note TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  record_id INTEGER NOT NULL UNIQUE REFERENCES case_records(id)
) STRICT;
CREATE INDEX review_discussions_case ON review_discussions(case_id, id);
${immutable('review_discussions', 'collective discussions')}

CREATE TABLE decision_sequences (
  case_type TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (case_type, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
  decision_no TEXT NOT NULL UNIQUE,
  case_type TEXT NOT NULL,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  decided_on TEXT NOT NULL,
  decision_type TEXT NOT NULL,
  content TEXT NOT NULL,
  measures TEXT NOT NULL,
  amounts TEXT NOT NULL,
  total_fine REAL NOT NULL,
  total_confiscation REAL NOT NULL,
  legal_basis TEXT NOT NULL,
  basis TEXT NOT NULL CHECK (basis IN ('review', 'discussion', 'notMajor', 'simple')),
  submission_id INTEGER REFERENCES review_submissions(id),
  discussion_id INTEGER REFERENCES review_discussions(id),
  disclosure_due_on TEXT NOT NULL,
  service_due_on TEXT NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (case_type, year, seq)
) STRICT;
CREATE INDEX decisions_decided ON decisions(decided_on);
CREATE INDEX decisions_disclosure_due ON decisions(disclosure_due_on);
${immutable('decisions', 'decisions')}
`,
};
