import type { Db } from '../db/connection.js';
import type { CaseType } from '../../shared/domain.js';
import type { DecisionBasis, DecisionType } from '../../shared/review-domain.js';

export interface DecisionRow {
  id: number;
  caseId: number;
  decisionNo: string;
  caseType: CaseType;
  year: number;
  seq: number;
  decidedOn: string;
  decisionType: DecisionType;
  content: string;
  measures: string;
  amounts: string;
  totalFine: number;
  totalConfiscation: number;
  legalBasis: string;
  basis: DecisionBasis;
  submissionId: number | null;
  discussionId: number | null;
  disclosureDueOn: string;
  serviceDueOn: string;
  recordedBy: number;
  recordedByName: string;
  recordedAt: string;
}

const COLUMNS = `d.id, d.case_id AS caseId, d.decision_no AS decisionNo, d.case_type AS caseType, d.year, d.seq, d.decided_on AS decidedOn,
  d.decision_type AS decisionType, d.content, d.measures, d.amounts, d.total_fine AS totalFine, d.total_confiscation AS totalConfiscation,
  d.legal_basis AS legalBasis, d.basis, d.submission_id AS submissionId, d.discussion_id AS discussionId,
  d.disclosure_due_on AS disclosureDueOn, d.service_due_on AS serviceDueOn, d.recorded_by AS recordedBy,
  u.display_name AS recordedByName, d.recorded_at AS recordedAt`;

/** Decisions (决定) with their own number sequence per case type and year. Rows are immutable. */
export function createDecisionsRepo(db: Db) {
  const s = {
    nextSeq: db.prepare(
      `INSERT INTO decision_sequences (case_type, year, last_seq) VALUES (?, ?, 1)
       ON CONFLICT(case_type, year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS seq`,
    ),
    byNo: db.prepare(`SELECT id FROM decisions WHERE decision_no = ?`),
    insert: db.prepare(
      `INSERT INTO decisions (case_id, decision_no, case_type, year, seq, decided_on, decision_type, content, measures, amounts,
         total_fine, total_confiscation, legal_basis, basis, submission_id, discussion_id, disclosure_due_on, service_due_on, recorded_by, recorded_at)
       VALUES (@caseId, @decisionNo, @caseType, @year, @seq, @decidedOn, @decisionType, @content, @measures, @amounts,
         @totalFine, @totalConfiscation, @legalBasis, @basis, @submissionId, @discussionId, @disclosureDueOn, @serviceDueOn, @recordedBy, @recordedAt)`,
    ),
    ofCase: db.prepare(`SELECT ${COLUMNS} FROM decisions d JOIN users u ON u.id = d.recorded_by WHERE d.case_id = ?`),
  };
  return {
    nextSeq: (type: CaseType, year: number) => (s.nextSeq.get(type, year) as { seq: number }).seq,
    numberTaken: (no: string) => s.byNo.get(no) != null,
    insert: (d: Omit<DecisionRow, 'id' | 'recordedByName'>) => Number(s.insert.run(d).lastInsertRowid),
    ofCase: (caseId: number) => (s.ofCase.get(caseId) as DecisionRow | undefined) ?? null,
  };
}
export type DecisionsRepo = ReturnType<typeof createDecisionsRepo>;
