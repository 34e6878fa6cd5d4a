import type { CaseType, Procedure } from './domain.js';
import type {
  ChecklistItem,
  CheckResult,
  DecisionBasis,
  DecisionType,
  DiscretionLevel,
  DiscussionConclusion,
  MaterialKind,
  Measure,
  ReviewFlag,
  ReviewItemStatus,
  ReviewOutcome,
} from './review-domain.js';
import type { CatalogueEvaluation, RuleMatch } from './logic/review-catalogue.js';
import type { DueInfo } from './logic/review-due.js';
import type { CaseHandler, Party } from './types.js';

/** Result shapes of the review and decision operations (inputs: shared/contract/review-inputs.ts). */

export interface PartyAmountInput {
  partyId: number;
  fine: number;
  confiscation: number;
}

export interface ProposedDecision {
  decisionType: DecisionType;
  measures: Measure[];
  amounts: PartyAmountInput[];
  legalBasis: string;
  discretion: DiscretionLevel;
  /** The clause of the bureau's 裁量基准 applied. */
  discretionNote: string;
  /** 拟处理意见 in words. */
  summary: string;
  flags: ReviewFlag[];
}

export type MaterialIds = Record<MaterialKind, number[]> & { statementWaived: boolean; hearingRequested: boolean };

export interface MaterialEntry {
  kind: MaterialKind;
  label: string;
  records: { id: number; title: string; version: number; superseded: boolean }[];
}

/** One difference between two versions (rounds, or the case then and now). */
export interface Change {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface PersonRef {
  id: number;
  name: string;
}

export interface ReviewQueueRow {
  submissionId: number;
  caseId: number;
  caseNo: string;
  caseTitle: string;
  caseType: CaseType;
  procedure: Procedure;
  partySummary: string;
  round: number;
  status: ReviewItemStatus;
  submittedOn: string;
  submittedBy: PersonRef;
  due: DueInfo;
  originalDueOn: string;
  extended: boolean;
  assignee: PersonRef | null;
  holder: (PersonRef & { since: string }) | null;
  /** The case changed after submission (facts, parties, handlers or records). */
  stale: boolean;
  matchedRules: string[];
  outcome: ReviewOutcome | null;
}

export interface ChecklistEntry {
  item: ChecklistItem;
  label: string;
  result: CheckResult;
  resultLabel: string;
  note: string;
}

export interface ReviewOutcomeInfo {
  id: number;
  outcome: ReviewOutcome;
  outcomeLabel: string;
  checklist: ChecklistEntry[];
  opinion: string;
  catalogueNote: string;
  reviewer: PersonRef;
  recordedOn: string;
  recordedAt: string;
  opinionRecordId: number;
  pdfSha256: string;
}

export interface ReviewItemDetail extends ReviewQueueRow {
  proposal: ProposedDecision;
  /** The proposal with party names, for display. */
  amountsByParty: { partyId: number; name: string; kind: Party['kind']; fine: number; confiscation: number }[];
  materials: MaterialEntry[];
  statementWaived: boolean;
  hearingRequested: boolean;
  handlerStatement: string;
  evaluation: CatalogueEvaluation;
  facts: string;
  parties: Party[];
  handlers: CaseHandler[];
  /** What changed in the case since submission (empty unless stale). */
  changes: Change[];
  /** What changed from the previous round's submission (empty for round 1). */
  changesFromPreviousRound: Change[];
  outcomeInfo: ReviewOutcomeInfo | null;
  extensionReason: string | null;
}

export interface DiscussionInfo {
  id: number;
  caseId: number;
  submissionId: number | null;
  heldOn: string;
  participants: string[];
  minutes: string;
  conclusion: DiscussionConclusion;
  conclusionLabel: string;
  note: string;
  recordedBy: PersonRef;
  recordedAt: string;
  recordId: number;
}

export interface ReviewRound {
  submissionId: number;
  round: number;
  status: ReviewItemStatus;
  submittedOn: string;
  submittedBy: PersonRef;
  dueOn: string;
  proposal: ProposedDecision;
  handlerStatement: string;
  major: boolean;
  matched: RuleMatch[];
  outcome: ReviewOutcomeInfo | null;
  changesFromPreviousRound: Change[];
}

export interface GateResult {
  allowed: boolean;
  basis: DecisionBasis | null;
  major: boolean;
  matched: RuleMatch[];
  /** What is missing, in Chinese, when not allowed. */
  missing: string[];
  submissionId: number | null;
  discussionId: number | null;
}

export interface DecisionInfo {
  id: number;
  caseId: number;
  decisionNo: string;
  decidedOn: string;
  decisionType: DecisionType;
  content: string;
  measures: Measure[];
  amounts: PartyAmountInput[];
  totalFine: number;
  totalConfiscation: number;
  legalBasis: string;
  basis: DecisionBasis;
  basisLabel: string;
  submissionId: number | null;
  discussionId: number | null;
  disclosureDueOn: string;
  serviceDueOn: string;
  recordedBy: PersonRef;
  recordedAt: string;
}

export interface ReviewHistory {
  caseId: number;
  caseNo: string;
  rounds: ReviewRound[];
  discussions: DiscussionInfo[];
  gate: GateResult;
  decision: DecisionInfo | null;
}

export interface ReviewStatsRow {
  /** YYYY-MM. */
  month: string;
  /** Rounds submitted in the month (first submissions and resubmissions). */
  submitted: number;
  /** Cases submitted for the first time in the month. */
  cases: number;
  /** Of those cases, how many were agreed in round 1. */
  passedFirstTime: number;
  /** Outcomes 退回补充 recorded in the month. */
  returned: number;
  /** Outcomes 建议变更 or 纠正 recorded in the month. */
  changed: number;
  /** Rounds due in the month that were finished late or are still open past their due date. */
  overdue: number;
  /** Outcomes recorded in the month. */
  finished: number;
  /** Of those, recorded by the due date. */
  onTime: number;
}

/** Outcomes recorded in a period: how many of each, and how many were on time. */
export interface OutcomeTally {
  /** Outcomes recorded. */
  finished: number;
  /** Recorded on or before the (possibly extended) due date. */
  onTime: number;
  byOutcome: Record<ReviewOutcome, number>;
}

/** One reviewer's work in the period, and what is on their desk now. */
export interface ReviewerStatsRow extends OutcomeTally {
  reviewer: PersonRef;
  /** Open rounds assigned to them today. */
  pendingNow: number;
}

export interface ReviewStats {
  /** The months covered (YYYY-MM, inclusive). */
  from: string;
  to: string;
  rows: ReviewStatsRow[];
  totals: OutcomeTally;
  byReviewer: ReviewerStatsRow[];
  pendingNow: number;
  overdueNow: number;
}

/** A reviewer the head may (or may not, and why) assign a round to. */
export interface ReviewerChoice extends PersonRef {
  /** Why they may not review this case (未登记资格, 本案承办人 …); null when they may. */
  problem: string | null;
  /** Open rounds assigned to them now (their load). */
  pendingNow: number;
}
