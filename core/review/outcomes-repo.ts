import type { Db } from '../db/connection.js';
import type { ChecklistItem, CheckResult, DiscussionConclusion, ReviewOutcome } from '../../shared/review-domain.js';

export interface OutcomeRow {
  id: number;
  submissionId: number;
  caseId: number;
  outcome: ReviewOutcome;
  opinion: string;
  catalogueNote: string;
  reviewerId: number;
  reviewerName: string;
  recordedOn: string;
  recordedAt: string;
  late: number;
  sha256: string;
  recordId: number;
}

export interface DiscussionRow {
  id: number;
  caseId: number;
  submissionId: number | null;
  heldOn: string;
  participants: string;
  minutes: string;
  conclusion: DiscussionConclusion;
  note: string;
  recordedBy: number;
  recordedByName: string;
  recordedAt: string;
  recordId: number;
}

const OUTCOME_COLUMNS = `o.id, o.submission_id AS submissionId, o.case_id AS caseId, o.outcome, o.opinion, o.catalogue_note AS catalogueNote,
  o.reviewer_id AS reviewerId, u.display_name AS reviewerName, o.recorded_on AS recordedOn, o.recorded_at AS recordedAt, o.late,
  p.sha256, p.record_id AS recordId`;
const OUTCOME_FROM = `review_outcomes o JOIN users u ON u.id = o.reviewer_id JOIN review_opinions p ON p.outcome_id = o.id`;
const DISCUSSION_COLUMNS = `d.id, d.case_id AS caseId, d.submission_id AS submissionId, d.held_on AS heldOn, d.participants, d.minutes,
  d.conclusion, d.note, d.recorded_by AS recordedBy, u.display_name AS recordedByName, d.recorded_at AS recordedAt, d.record_id AS recordId`;

/** Outcomes with their checklist and opinion PDF, and collective discussions: append-only history. */
export function createOutcomesRepo(db: Db) {
  const s = {
    insertOutcome: db.prepare(
      `INSERT INTO review_outcomes (submission_id, case_id, outcome, opinion, catalogue_note, reviewer_id, recorded_on, recorded_at, late)
       VALUES (@submissionId, @caseId, @outcome, @opinion, @catalogueNote, @reviewerId, @recordedOn, @recordedAt, @late)`,
    ),
    insertCheck: db.prepare(`INSERT INTO review_checklist (outcome_id, item, result, note) VALUES (?, ?, ?, ?)`),
    insertOpinion: db.prepare(
      `INSERT INTO review_opinions (outcome_id, sha256, size, record_id, generated_at) VALUES (@outcomeId, @sha256, @size, @recordId, @at)`,
    ),
    outcomeOf: db.prepare(`SELECT ${OUTCOME_COLUMNS} FROM ${OUTCOME_FROM} WHERE o.submission_id = ?`),
    outcomesOfCase: db.prepare(`SELECT ${OUTCOME_COLUMNS} FROM ${OUTCOME_FROM} WHERE o.case_id = ? ORDER BY o.id`),
    checklist: db.prepare(`SELECT item, result, note FROM review_checklist WHERE outcome_id = ?`),
    insertDiscussion: db.prepare(
      `INSERT INTO review_discussions (case_id, submission_id, held_on, participants, minutes, conclusion, note, recorded_by, recorded_at, record_id)
       VALUES (@caseId, @submissionId, @heldOn, @participants, @minutes, @conclusion, @note, @recordedBy, @recordedAt, @recordId)`,
    ),
    discussion: db.prepare(`SELECT ${DISCUSSION_COLUMNS} FROM review_discussions d JOIN users u ON u.id = d.recorded_by WHERE d.id = ?`),
    discussionsOfCase: db.prepare(
      `SELECT ${DISCUSSION_COLUMNS} FROM review_discussions d JOIN users u ON u.id = d.recorded_by WHERE d.case_id = ? ORDER BY d.id`,
    ),
  };

  return {
    insertOutcome: (o: {
      submissionId: number;
      caseId: number;
      outcome: ReviewOutcome;
      opinion: string;
      catalogueNote: string;
      reviewerId: number;
      recordedOn: string;
      recordedAt: string;
      late: number;
    }) => Number(s.insertOutcome.run(o).lastInsertRowid),
    insertCheck: (outcomeId: number, item: ChecklistItem, result: CheckResult, note: string) => s.insertCheck.run(outcomeId, item, result, note),
    insertOpinion: (o: { outcomeId: number; sha256: string; size: number; recordId: number; at: string }) => s.insertOpinion.run(o),
    outcomeOf: (submissionId: number) => (s.outcomeOf.get(submissionId) as OutcomeRow | undefined) ?? null,
    outcomesOfCase: (caseId: number) => s.outcomesOfCase.all(caseId) as OutcomeRow[],
    checklist: (outcomeId: number) => s.checklist.all(outcomeId) as { item: ChecklistItem; result: CheckResult; note: string }[],
    insertDiscussion: (d: Omit<DiscussionRow, 'id' | 'recordedByName'>) => Number(s.insertDiscussion.run(d).lastInsertRowid),
    discussion: (id: number) => (s.discussion.get(id) as DiscussionRow | undefined) ?? null,
    discussionsOfCase: (caseId: number) => s.discussionsOfCase.all(caseId) as DiscussionRow[],
  };
}
export type OutcomesRepo = ReturnType<typeof createOutcomesRepo>;
