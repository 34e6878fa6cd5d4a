import { checkResultLabel, CHECKLIST_ITEMS, CHECKLIST_LABELS, DECISION_BASIS_LABELS, DISCUSSION_CONCLUSION_LABELS, REVIEW_OUTCOME_LABELS } from '../../shared/review-domain.js';
import { dueInfo, type DueInfo } from '../../shared/logic/review-due.js';
import { diffRounds, diffSnapshots, type CaseSnapshot } from '../../shared/logic/review-diff.js';
import type { RuleMatch } from '../../shared/logic/review-catalogue.js';
import type {
  DecisionInfo,
  DiscussionInfo,
  MaterialIds,
  ProposedDecision,
  ReviewItemDetail,
  ReviewOutcomeInfo,
  ReviewQueueRow,
} from '../../shared/review-types.js';
import type { AppContext } from '../app.js';
import { caseSnapshot, snapshotHash } from './case-snapshot.js';
import type { DecisionRow } from './decisions-repo.js';
import { materialEntries } from './materials.js';
import type { DiscussionRow, OutcomeRow } from './outcomes-repo.js';
import { reviewRepos } from './repos.js';
import { loadReviewSettings } from './review-config.js';
import type { RoundListRow, RoundRow } from './review-repo.js';

/** Turns repository rows into the API's result shapes. */

export function roundDue(app: AppContext, r: Pick<RoundListRow, 'status' | 'dueOn' | 'finishedOn'>, today: string, warn?: number): DueInfo {
  if (r.status === 'done' && r.finishedOn) {
    const late = r.finishedOn > r.dueOn;
    return { dueOn: r.dueOn, workdaysLeft: 0, state: late ? 'overdue' : 'ok', label: `已于 ${r.finishedOn} 办结${late ? '（超期）' : ''}` };
  }
  return dueInfo(app.calendar(), today, r.dueOn, warn ?? loadReviewSettings(app).warnWorkdays);
}

/** Whether the case changed since this round was submitted (only open rounds can be stale). */
export function isStale(app: AppContext, r: Pick<RoundListRow, 'status' | 'caseId' | 'caseHash' | 'caseRev' | 'submittedRev'>): boolean {
  if (r.status !== 'pending') return false;
  // Fast path: the change counter has not moved, so nothing the submission was based on changed.
  if (r.caseRev === r.submittedRev) return false;
  return snapshotHash(caseSnapshot(app, r.caseId)) !== r.caseHash;
}

/** One row of a list; `warn` (working days) is read once per list by the caller. */
export function queueRow(app: AppContext, r: RoundListRow, today: string, warn?: number): ReviewQueueRow {
  return {
    submissionId: r.submissionId,
    caseId: r.caseId,
    caseNo: r.caseNo,
    caseTitle: r.caseTitle,
    caseType: r.caseType,
    procedure: r.procedure,
    partySummary: r.partySummary,
    round: r.round,
    status: r.status,
    submittedOn: r.submittedOn,
    submittedBy: { id: r.submittedBy, name: r.submittedByName },
    due: roundDue(app, r, today, warn),
    originalDueOn: r.originalDueOn,
    extended: r.extendedWorkdays != null,
    assignee: r.assigneeId != null ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    holder: r.heldBy != null ? { id: r.heldBy, name: r.holderName ?? '', since: r.heldAt ?? '' } : null,
    stale: isStale(app, r),
    matchedRules: (JSON.parse(r.matched) as RuleMatch[]).map((m) => m.title),
    outcome: r.outcome,
  };
}

export function outcomeInfo(app: AppContext, o: OutcomeRow): ReviewOutcomeInfo {
  const byItem = new Map(reviewRepos(app).outcomes.checklist(o.id).map((c) => [c.item, c]));
  return {
    id: o.id,
    outcome: o.outcome,
    outcomeLabel: REVIEW_OUTCOME_LABELS[o.outcome],
    checklist: CHECKLIST_ITEMS.filter((i) => byItem.has(i)).map((i) => {
      const c = byItem.get(i)!;
      return { item: i, label: CHECKLIST_LABELS[i], result: c.result, resultLabel: checkResultLabel(i, c.result), note: c.note };
    }),
    opinion: o.opinion,
    catalogueNote: o.catalogueNote,
    reviewer: { id: o.reviewerId, name: o.reviewerName },
    recordedOn: o.recordedOn,
    recordedAt: o.recordedAt,
    opinionRecordId: o.recordId,
    pdfSha256: o.sha256,
  };
}

const partyNamer = (app: AppContext, caseId: number) => {
  const names = new Map(app.repos.cases.parties(caseId).map((p) => [p.id, p.name]));
  return (id: number) => names.get(id) ?? `当事人 #${id}`;
};

/** Differences from the round before this one ([] for round 1). */
export function changesFromPrevious(app: AppContext, r: RoundRow, all?: RoundRow[]): ReviewItemDetail['changesFromPreviousRound'] {
  if (r.round === 1) return [];
  const prev = (all ?? reviewRepos(app).review.roundsOfCase(r.caseId)).find((x) => x.round === r.round - 1);
  if (!prev) return [];
  const content = (x: RoundRow) => ({
    proposal: JSON.parse(x.proposal) as ProposedDecision,
    materials: JSON.parse(x.materials) as MaterialIds,
    handlerStatement: x.handlerStatement,
  });
  return diffRounds(content(prev), content(r), partyNamer(app, r.caseId));
}

export function itemDetail(app: AppContext, r: RoundRow, today: string): ReviewItemDetail {
  const { cases } = app.repos;
  const proposal = JSON.parse(r.proposal) as ProposedDecision;
  const materials = JSON.parse(r.materials) as MaterialIds;
  const parties = cases.parties(r.caseId);
  const row = queueRow(app, r, today);
  const o = reviewRepos(app).outcomes.outcomeOf(r.submissionId);
  const matched = JSON.parse(r.matched) as RuleMatch[];
  return {
    ...row,
    proposal,
    amountsByParty: proposal.amounts.map((a) => {
      const p = parties.find((x) => x.id === a.partyId);
      return { partyId: a.partyId, name: p?.name ?? `当事人 #${a.partyId}`, kind: p?.kind ?? 'person', fine: a.fine, confiscation: a.confiscation };
    }),
    materials: materialEntries(app, materials),
    statementWaived: materials.statementWaived,
    hearingRequested: materials.hearingRequested,
    handlerStatement: r.handlerStatement,
    evaluation: { major: !!r.major, requiresDiscussion: !!r.requiresDiscussion, matched },
    facts: cases.get(r.caseId)?.facts ?? '',
    parties,
    handlers: cases.handlers(r.caseId),
    changes: row.stale ? diffSnapshots(JSON.parse(r.caseSnapshot) as CaseSnapshot, caseSnapshot(app, r.caseId)) : [],
    changesFromPreviousRound: changesFromPrevious(app, r),
    outcomeInfo: o ? outcomeInfo(app, o) : null,
    extensionReason: r.extensionReason,
  };
}

export function discussionInfo(d: DiscussionRow): DiscussionInfo {
  return {
    id: d.id,
    caseId: d.caseId,
    submissionId: d.submissionId,
    heldOn: d.heldOn,
    participants: JSON.parse(d.participants) as string[],
    minutes: d.minutes,
    conclusion: d.conclusion,
    conclusionLabel: DISCUSSION_CONCLUSION_LABELS[d.conclusion],
    note: d.note,
    recordedBy: { id: d.recordedBy, name: d.recordedByName },
    recordedAt: d.recordedAt,
    recordId: d.recordId,
  };
}

export function decisionInfo(d: DecisionRow): DecisionInfo {
  return {
    id: d.id,
    caseId: d.caseId,
    decisionNo: d.decisionNo,
    decidedOn: d.decidedOn,
    decisionType: d.decisionType,
    content: d.content,
    measures: JSON.parse(d.measures),
    amounts: JSON.parse(d.amounts),
    totalFine: d.totalFine,
    totalConfiscation: d.totalConfiscation,
    legalBasis: d.legalBasis,
    basis: d.basis,
    basisLabel: DECISION_BASIS_LABELS[d.basis],
    submissionId: d.submissionId,
    discussionId: d.discussionId,
    disclosureDueOn: d.disclosureDueOn,
    serviceDueOn: d.serviceDueOn,
    recordedBy: { id: d.recordedBy, name: d.recordedByName },
    recordedAt: d.recordedAt,
  };
}
