import type { AppContext } from '../app.js';

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

/** 行政处罚种类 and 强制措施 as published (labels of the review backend's measure codes). */
const MEASURE_WORDS: Record<string, string> = {
  warning: '警告、通报批评',
  fine: '罚款',
  confiscateGains: '没收违法所得',
  confiscateProperty: '没收非法财物',
  suspendPermit: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokePermit: '吊销许可证件',
  limitActivities: '限制开展生产经营活动',
  suspendBusiness: '责令停产停业',
  orderClosure: '责令关闭',
  limitEmployment: '限制从业',
  seizure: '查封、扣押',
  freeze: '冻结',
  permitDenial: '不予许可',
  other: '其他',
};

export const measureWords = (measures: string[]): string => measures.map((m) => MEASURE_WORDS[m] ?? m).join('、');

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
