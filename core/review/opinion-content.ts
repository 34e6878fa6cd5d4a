import { CASE_TYPE_LABELS, PARTY_KIND_LABELS, PROCEDURE_LABELS } from '../../shared/domain.js';
import {
  checkResultLabel,
  CHECKLIST_ITEMS,
  CHECKLIST_LABELS,
  DECISION_TYPE_LABELS,
  DISCRETION_LABELS,
  MEASURE_LABELS,
  REVIEW_OUTCOME_LABELS,
  type ChecklistItem,
  type CheckResult,
  type ReviewOutcome,
} from '../../shared/review-domain.js';
import type { RuleMatch } from '../../shared/logic/review-catalogue.js';
import type { ProposedDecision } from '../../shared/review-types.js';
import type { AppContext } from '../app.js';
import type { OpinionContent } from './opinion-pdf.js';
import type { RoundRow } from './review-repo.js';

const yuan = (n: number) => `${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** The words of an opinion document, from the round, the case as it is and the reviewer's input. */
export function opinionContent(
  app: AppContext,
  r: RoundRow,
  input: {
    checklist: { item: ChecklistItem; result: CheckResult; note: string }[];
    outcome: ReviewOutcome;
    opinion: string;
    catalogueNote: string;
  },
  reviewer: string,
  recordedOn: string,
  recordedAt: string,
): OpinionContent {
  const { cases } = app.repos;
  const p = JSON.parse(r.proposal) as ProposedDecision;
  const parties = cases.parties(r.caseId);
  const name = (id: number) => parties.find((x) => x.id === id)?.name ?? `当事人 #${id}`;
  const byItem = new Map(input.checklist.map((c) => [c.item, c]));
  return {
    bureauName: app.repos.bureau.get()?.name ?? '',
    caseNo: r.caseNo,
    caseTitle: r.caseTitle,
    caseKind: `${CASE_TYPE_LABELS[r.caseType]}（${PROCEDURE_LABELS[r.procedure]}）`,
    round: r.round,
    parties: parties.map((x) => {
      const ident = x.kind === 'person' ? x.idNumber : x.creditCode;
      return `${x.name}（${PARTY_KIND_LABELS[x.kind]}${ident ? `，${ident}` : ''}${x.legalRep ? `，法定代表人：${x.legalRep}` : ''}）`;
    }),
    handlers: cases.handlers(r.caseId).map((h) => `${h.name}（执法证号 ${h.certNo}）`).join('、'),
    submittedBy: r.submittedByName,
    submittedOn: r.submittedOn,
    proposal: [
      { label: '拟决定类型', value: DECISION_TYPE_LABELS[p.decisionType] },
      { label: '处理措施', value: p.measures.map((m) => MEASURE_LABELS[m]).join('、') },
      {
        label: '罚没数额',
        value: p.amounts.map((a) => `${name(a.partyId)}：罚款 ${yuan(a.fine)}${a.confiscation ? `，没收 ${yuan(a.confiscation)}` : ''}`).join('；'),
      },
      { label: '法律依据', value: p.legalBasis },
      { label: '裁量档次', value: `${DISCRETION_LABELS[p.discretion]}${p.discretionNote ? `（${p.discretionNote}）` : ''}` },
      { label: '拟处理意见', value: p.summary },
      { label: '承办人意见', value: r.handlerStatement },
    ],
    matchedRules: (JSON.parse(r.matched) as RuleMatch[]).map((m) => `${m.title}（${m.reason}）`),
    catalogueNote: input.catalogueNote,
    checklist: CHECKLIST_ITEMS.map((item) => {
      const c = byItem.get(item)!;
      return { label: CHECKLIST_LABELS[item], result: checkResultLabel(item, c.result), problem: c.result === 'problem', note: c.note };
    }),
    outcome: REVIEW_OUTCOME_LABELS[input.outcome],
    opinion: input.opinion,
    reviewer,
    recordedOn,
    recordedAt,
  };
}
