import type { Db } from '../db/connection.js';
import type { CaseType, Procedure } from '../../shared/domain.js';
import type { ReviewItemStatus, ReviewOutcome } from '../../shared/review-domain.js';

/** A submission round joined with its working state and the case's headline. */
export interface RoundRow extends RoundListRow {
  proposal: string;
  materials: string;
  handlerStatement: string;
  caseSnapshot: string;
}

/** A round as lists show it (without the submitted documents). */
export interface RoundListRow {
  submissionId: number;
  caseId: number;
  round: number;
  major: number;
  requiresDiscussion: number;
  matched: string;
  caseHash: string;
  /** The case's change counter at submission, and now (see case_revisions). */
  submittedRev: number;
  caseRev: number;
  submittedBy: number;
  submittedByName: string;
  submittedOn: string;
  originalDueOn: string;
  createdAt: string;
  status: ReviewItemStatus;
  dueOn: string;
  extendedWorkdays: number | null;
  extensionReason: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  heldBy: number | null;
  holderName: string | null;
  heldAt: string | null;
  finishedOn: string | null;
  caseNo: string;
  caseTitle: string;
  caseType: CaseType;
  procedure: Procedure;
  partySummary: string;
  outcome: ReviewOutcome | null;
}

/** Columns of list rows: everything but the documents (proposal, materials, statement, snapshot). */
const LIST_COLUMNS = `s.id AS submissionId, s.case_id AS caseId, s.round, s.major, s.requires_discussion AS requiresDiscussion, s.matched,
  s.case_hash AS caseHash, s.case_rev AS submittedRev,
  coalesce((SELECT v.rev FROM case_revisions v WHERE v.case_id = s.case_id), 0) AS caseRev, s.submitted_by AS submittedBy, su.display_name AS submittedByName,
  s.submitted_on AS submittedOn, s.due_on AS originalDueOn, s.created_at AS createdAt,
  i.status, i.due_on AS dueOn, i.extended_workdays AS extendedWorkdays, i.extension_reason AS extensionReason,
  i.assignee_id AS assigneeId, au.display_name AS assigneeName, i.held_by AS heldBy, hu.display_name AS holderName,
  i.held_at AS heldAt, i.finished_on AS finishedOn,
  c.case_no AS caseNo, c.title AS caseTitle, c.case_type AS caseType, c.procedure, c.party_summary AS partySummary,
  (SELECT o.outcome FROM review_outcomes o WHERE o.submission_id = s.id) AS outcome`;
const ROUND_COLUMNS = `${LIST_COLUMNS}, s.proposal, s.materials, s.handler_statement AS handlerStatement, s.case_snapshot AS caseSnapshot`;

const ROUND_FROM = `review_items i
  JOIN review_submissions s ON s.id = i.submission_id
  JOIN cases c ON c.id = s.case_id
  JOIN users su ON su.id = s.submitted_by
  LEFT JOIN users au ON au.id = i.assignee_id
  LEFT JOIN users hu ON hu.id = i.held_by`;

/** The list queries, exported so tests can check their plans use the partial indexes. */
// Two ranges of the partial queue index (mine, unassigned), each already in due-date order, merged
// without sorting (the plan is MERGE (UNION ALL)); the first column is the id.
export const QUEUE_SQL = `SELECT submission_id, due_on FROM review_items WHERE status = 'pending' AND assignee_id = @me
  UNION ALL
  SELECT submission_id, due_on FROM review_items WHERE status = 'pending' AND assignee_id IS NULL
  ORDER BY 2, 1 LIMIT @limit OFFSET @offset`;
export const MINE_SQL = `SELECT id FROM review_submissions WHERE submitted_by = @me ORDER BY id DESC LIMIT @limit OFFSET @offset`;
export const OVERDUE_SQL = `SELECT submission_id FROM review_items WHERE status = 'pending' AND due_on < @today
  ORDER BY due_on, submission_id LIMIT @limit OFFSET @offset`;
export const OPEN_SQL = `SELECT submission_id FROM review_items WHERE status = 'pending'
  ORDER BY due_on, submission_id LIMIT @limit OFFSET @offset`;

export interface NewSubmission {
  caseId: number;
  round: number;
  proposal: string;
  materials: string;
  handlerStatement: string;
  major: number;
  requiresDiscussion: number;
  matched: string;
  caseHash: string;
  caseSnapshot: string;
  caseRev: number;
  submittedBy: number;
  submittedOn: string;
  dueOn: string;
  at: string;
}

/** Submissions (immutable rounds) and their working state (assignment, hold, due date). */
export function createReviewRepo(db: Db) {
  const s = {
    insertSubmission: db.prepare(
      `INSERT INTO review_submissions (case_id, round, proposal, materials, handler_statement, major, requires_discussion, matched,
         case_hash, case_snapshot, case_rev, submitted_by, submitted_on, due_on, created_at)
       VALUES (@caseId, @round, @proposal, @materials, @handlerStatement, @major, @requiresDiscussion, @matched,
         @caseHash, @caseSnapshot, @caseRev, @submittedBy, @submittedOn, @dueOn, @at)`,
    ),
    insertItem: db.prepare(
      `INSERT INTO review_items (submission_id, case_id, status, due_on, assignee_id, assigned_by, assigned_at, updated_at)
       VALUES (@submissionId, @caseId, 'pending', @dueOn, @assigneeId, @assignedBy, @assignedAt, @at)`,
    ),
    round: db.prepare(`SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE s.id = ?`),
    listRows: db.prepare(`SELECT ${LIST_COLUMNS} FROM ${ROUND_FROM} WHERE i.submission_id IN (SELECT value FROM json_each(?))`),
    roundsOfCase: db.prepare(`SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE i.case_id = ? ORDER BY s.round`),
    latestOfCase: db.prepare(
      `SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE i.case_id = ? ORDER BY i.submission_id DESC LIMIT 1`,
    ),
    queue: db.prepare(QUEUE_SQL).pluck(),
    queueCount: db.prepare(
      `SELECT (SELECT count(*) FROM review_items WHERE status = 'pending' AND assignee_id = @me)
            + (SELECT count(*) FROM review_items WHERE status = 'pending' AND assignee_id IS NULL) AS n`,
    ),
    mine: db.prepare(MINE_SQL).pluck(),
    mineCount: db.prepare(`SELECT count(*) AS n FROM review_submissions WHERE submitted_by = @me`),
    overdue: db.prepare(OVERDUE_SQL).pluck(),
    open: db.prepare(OPEN_SQL).pluck(),
    overdueCount: db.prepare(`SELECT count(*) AS n FROM review_items WHERE status = 'pending' AND due_on < @today`),
    pendingCount: db.prepare(`SELECT count(*) AS n FROM review_items WHERE status = 'pending'`),
    assign: db.prepare(
      `UPDATE review_items SET assignee_id = @assigneeId, assigned_by = @by, assigned_at = @at,
         held_by = CASE WHEN held_by = @assigneeId THEN held_by ELSE NULL END,
         held_at = CASE WHEN held_by = @assigneeId THEN held_at ELSE NULL END, updated_at = @at
       WHERE submission_id = @submissionId`,
    ),
    hold: db.prepare(`UPDATE review_items SET held_by = @userId, held_at = @at, updated_at = @at WHERE submission_id = @submissionId`),
    release: db.prepare(`UPDATE review_items SET held_by = NULL, held_at = NULL, updated_at = @at WHERE submission_id = @submissionId`),
    extend: db.prepare(
      `UPDATE review_items SET due_on = @dueOn, extended_workdays = @workdays, extension_reason = @reason, extended_by = @by,
         extended_at = @at, updated_at = @at WHERE submission_id = @submissionId`,
    ),
    finish: db.prepare(
      `UPDATE review_items SET status = 'done', finished_on = @on, held_by = NULL, held_at = NULL, updated_at = @at
       WHERE submission_id = @submissionId AND status = 'pending'`,
    ),
    // Sort key of a reviewer's latest assignment: time, then submission id (ties under one clock tick).
    caseRev: db.prepare(`SELECT coalesce((SELECT rev FROM case_revisions WHERE case_id = ?), 0)`).pluck(),
    lastAssigned: db.prepare(`SELECT max(assigned_at || printf('#%012d', submission_id)) AS at FROM review_items WHERE assignee_id = ?`),
    record: db.prepare(
      `SELECT r.id, r.case_id AS caseId, r.title, r.version,
         EXISTS (SELECT 1 FROM case_records n WHERE n.case_id = r.case_id AND n.supersedes = r.id) AS superseded
       FROM case_records r WHERE r.id = ?`,
    ),
    // Current records of a case (the newest version of each), minus those written by review itself.
    // Superseding versions belong to the same case, so both lookups stay inside the case's index range.
    pendingByAssignee: db.prepare(
      `SELECT assignee_id AS id, count(*) AS n FROM review_items WHERE status = 'pending' AND assignee_id IS NOT NULL GROUP BY assignee_id`,
    ),
    snapshotRecords: db.prepare(
      `SELECT r.id, r.title, r.version, r.sha256 FROM case_records r
       WHERE r.case_id = @caseId
         AND NOT EXISTS (SELECT 1 FROM case_records n WHERE n.case_id = @caseId AND n.supersedes = r.id)
         AND r.id NOT IN (SELECT p.record_id FROM review_outcomes o JOIN review_opinions p ON p.outcome_id = o.id WHERE o.case_id = @caseId)
         AND r.id NOT IN (SELECT record_id FROM review_discussions WHERE case_id = @caseId)
       ORDER BY r.id`,
    ),
  };
  const page = (limit: number, page: number) => ({ limit, offset: (page - 1) * limit });
  // Lists pick ids with a narrow index-only query, then read each row by primary key.
  const rowsOf = (ids: number[]): RoundListRow[] => {
    if (!ids.length) return [];
    const byId = new Map((s.listRows.all(JSON.stringify(ids)) as RoundListRow[]).map((r) => [r.submissionId, r]));
    return ids.map((id) => byId.get(id)!);
  };

  return {
    insertSubmission: (n: NewSubmission) => Number(s.insertSubmission.run(n).lastInsertRowid),
    insertItem: (i: { submissionId: number; caseId: number; dueOn: string; assigneeId: number | null; assignedBy: number | null; assignedAt: string | null; at: string }) =>
      s.insertItem.run(i),
    round: (submissionId: number) => (s.round.get(submissionId) as RoundRow | undefined) ?? null,
    roundsOfCase: (caseId: number) => s.roundsOfCase.all(caseId) as RoundRow[],
    latestOfCase: (caseId: number) => (s.latestOfCase.get(caseId) as RoundRow | undefined) ?? null,
    queue: (me: number, p: number, size: number) => ({
      rows: rowsOf(s.queue.all({ me, ...page(size, p) }) as number[]),
      total: (s.queueCount.get({ me }) as { n: number }).n,
    }),
    mine: (me: number, p: number, size: number) => ({
      rows: rowsOf(s.mine.all({ me, ...page(size, p) }) as number[]),
      total: (s.mineCount.get({ me }) as { n: number }).n,
    }),
    overdue: (today: string, p: number, size: number) => ({
      rows: rowsOf(s.overdue.all({ today, ...page(size, p) }) as number[]),
      total: (s.overdueCount.get({ today }) as { n: number }).n,
    }),
    open: (p: number, size: number) => ({
      rows: rowsOf(s.open.all(page(size, p)) as number[]),
      total: (s.pendingCount.get() as { n: number }).n,
    }),
    pendingCount: () => (s.pendingCount.get() as { n: number }).n,
    overdueCount: (today: string) => (s.overdueCount.get({ today }) as { n: number }).n,
    assign: (submissionId: number, assigneeId: number, by: number, at: string) => s.assign.run({ submissionId, assigneeId, by, at }),
    hold: (submissionId: number, userId: number, at: string) => s.hold.run({ submissionId, userId, at }),
    release: (submissionId: number, at: string) => s.release.run({ submissionId, at }),
    extend: (e: { submissionId: number; dueOn: string; workdays: number; reason: string; by: number; at: string }) => s.extend.run(e),
    /** Marks a round done; false if it was not open (someone else finished it first). */
    finish: (submissionId: number, on: string, at: string) => s.finish.run({ submissionId, on, at }).changes === 1,
    /** A case record with whether a newer version replaced it (looked up within its case). */
    record: (id: number) =>
      (s.record.get(id) as { id: number; caseId: number; title: string; version: number; superseded: number } | undefined) ?? null,
    snapshotRecords: (caseId: number) =>
      s.snapshotRecords.all({ caseId }) as { id: number; title: string; version: number; sha256: string | null }[],
    caseRev: (caseId: number) => s.caseRev.get(caseId) as number,
    lastAssignedAt: (userId: number) => (s.lastAssigned.get(userId) as { at: string | null }).at,
    /** Open rounds per assignee. */
    pendingByAssignee: () => new Map((s.pendingByAssignee.all() as { id: number; n: number }[]).map((x) => [x.id, x.n])),
  };
}
export type ReviewRepo = ReturnType<typeof createReviewRepo>;
