import type { AppContext } from '../app.js';
import { MEASURE_LABELS } from '../../shared/review-domain.js';

/**
 * A decision recorded by the review backend (issue 5), read straight from its `decisions`
 * table when that table exists — so disclosure works (and is tested) without the review code.
 */
export interface DecisionFacts {
  id: number;
  caseId: number;
  decisionNo: string;
  decidedOn: string;
  decisionType: string;
  content: string;
  measures: string[];
  amounts: { partyId: number; fine: number; confiscation: number }[];
  legalBasis: string;
  disclosureDueOn: string;
  recordedBy: number;
}

/** 行政处罚种类 and 强制措施 as published: the review backend's measure labels. */
export const measureWords = (measures: string[]): string =>
  measures.map((m) => (MEASURE_LABELS as Record<string, string>)[m] ?? m).join('、');

const COLS = `id, case_id AS caseId, decision_no AS decisionNo, decided_on AS decidedOn, decision_type AS decisionType, content,
  measures, amounts, legal_basis AS legalBasis, disclosure_due_on AS disclosureDueOn, recorded_by AS recordedBy`;

function hasDecisions(app: AppContext): boolean {
  return app.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decisions'`).get() != null;
}

function parse(r: Record<string, unknown> | undefined): DecisionFacts | null {
  if (!r) return null;
  const json = (v: unknown) => {
    try {
      return JSON.parse(String(v));
    } catch {
      return [];
    }
  };
  return { ...(r as unknown as DecisionFacts), measures: json(r.measures), amounts: json(r.amounts) };
}

export function decisionById(app: AppContext, id: number): DecisionFacts | null {
  if (!hasDecisions(app)) return null;
  return parse(app.db.prepare(`SELECT ${COLS} FROM decisions WHERE id = ?`).get(id) as Record<string, unknown> | undefined);
}

export function decisionOfCase(app: AppContext, caseId: number): DecisionFacts | null {
  if (!hasDecisions(app)) return null;
  return parse(app.db.prepare(`SELECT ${COLS} FROM decisions WHERE case_id = ? ORDER BY id DESC LIMIT 1`).get(caseId) as Record<string, unknown> | undefined);
}
