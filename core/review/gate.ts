import { evaluateCatalogue, type RuleMatch } from '../../shared/logic/review-catalogue.js';
import { MEASURE_LABELS, REVIEW_OUTCOME_LABELS, type DecisionType, type Measure } from '../../shared/review-domain.js';
import type { GateResult, PartyAmountInput, ProposedDecision } from '../../shared/review-types.js';
import type { AppContext } from '../app.js';
import { notFound, UserError } from '../errors.js';
import { reviewRepos } from './repos.js';
import { loadCatalogue } from './review-config.js';

/** The decision about to be recorded (absent when a stage is advanced by hand). */
export interface DecisionDraft {
  decisionType: DecisionType;
  measures: Measure[];
  amounts: PartyAmountInput[];
}

const yuan = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} 元`;

/**
 * The decision gate (未经法制审核或审核未通过的，不得作出决定): whether a decision may be recorded
 * for a case now, on what basis, and otherwise what is missing. Simple-procedure cases and cases
 * the catalogue does not list (and nobody submitted) pass; major or submitted cases need the latest
 * review round agreed (plus a collective discussion when a matched rule requires one), or a
 * collective discussion approving the decision after the review. A decision may not go beyond
 * what was reviewed.
 */
export function decisionGate(app: AppContext, caseId: number, draft?: DecisionDraft): GateResult {
  const c = app.repos.cases.get(caseId);
  if (!c) throw notFound('该案件');
  const { review, outcomes, decisions } = reviewRepos(app);
  const result = (r: Partial<GateResult>): GateResult => ({
    allowed: false, basis: null, major: false, matched: [], missing: [], submissionId: null, discussionId: null, ...r,
  });
  if (c.status === 'voided') return result({ missing: [`案件 ${c.caseNo} 已作废，不能作出决定。`] });
  const existing = decisions.ofCase(caseId);
  if (existing) return result({ missing: [`本案已于 ${existing.decidedOn} 作出决定（${existing.decisionNo}），不能重复作出。`] });
  if (c.procedure === 'simple') return result({ allowed: true, basis: 'simple' });

  const latest = review.latestOfCase(caseId);
  const proposal = latest ? (JSON.parse(latest.proposal) as ProposedDecision) : null;
  const kinds = new Map(app.repos.cases.parties(caseId).map((p) => [p.id, p.kind]));
  const facts = draft ?? proposal ?? { measures: [], amounts: [] };
  const now = evaluateCatalogue(loadCatalogue(app), {
    caseType: c.caseType,
    procedure: c.procedure,
    measures: facts.measures,
    amounts: facts.amounts.map((a) => ({ kind: kinds.get(a.partyId) ?? 'person', fine: a.fine, confiscation: a.confiscation })),
    flags: proposal?.flags ?? [],
  });
  const reviewed = latest ? (JSON.parse(latest.matched) as RuleMatch[]) : [];
  const matched = [...reviewed, ...now.matched.filter((m) => !reviewed.some((r) => r.ruleId === m.ruleId))];
  const major = now.major || !!latest?.major;
  // A case outside the catalogue needs no review; but once submitted, its review has to pass too.
  if (!major && !latest) return result({ allowed: true, basis: 'notMajor' });

  const base = { major, matched, submissionId: latest?.submissionId ?? null };
  const titles = (ms: RuleMatch[]) => ms.map((m) => `“${m.title}”`).join('、');
  if (!latest) {
    return result({ ...base, missing: [`本案属于重大执法决定（${titles(matched)}），须先提交法制审核，审核通过后才能作出决定。`] });
  }
  if (latest.status === 'pending') {
    const who = latest.assigneeName ? `审核人：${latest.assigneeName}，` : '尚未分配审核人员，';
    return result({ ...base, missing: [`法制审核尚未完成（第 ${latest.round} 轮，${who}审核期限 ${latest.dueOn}），请等待审核意见。`] });
  }
  const discussion = outcomes.discussionsOfCase(caseId).filter((d) => d.submissionId === latest.submissionId).at(-1);
  if (discussion) {
    const withDiscussion = { ...base, discussionId: discussion.id };
    if (discussion.conclusion === 'resubmit') {
      return result({ ...withDiscussion, missing: [`集体讨论（${discussion.heldOn}）的结论为“补充调查后重新送审”，请补充后重新提交法制审核。`] });
    }
    if (discussion.conclusion === 'transfer') {
      return result({ ...withDiscussion, missing: [`集体讨论（${discussion.heldOn}）的结论为“移送司法机关”，不能作出行政决定。`] });
    }
    const beyond = discussion.conclusion === 'approve' && draft && proposal ? beyondReviewed(draft, proposal, app, caseId) : [];
    if (beyond.length) return result({ ...withDiscussion, missing: beyond });
    return result({ ...withDiscussion, allowed: true, basis: 'discussion' });
  }
  const outcome = latest.outcome!;
  if (outcome === 'agree') {
    const needDiscussion = matched.filter((m) => m.requiresDiscussion);
    if (needDiscussion.length) {
      return result({ ...base, missing: [`本案属于${titles(needDiscussion)}，法制审核通过后还须经负责人集体讨论决定。请负责人记录集体讨论后再作出决定。`] });
    }
    const beyond = draft && proposal ? beyondReviewed(draft, proposal, app, caseId) : [];
    if (beyond.length) return result({ ...base, missing: beyond });
    return result({ ...base, allowed: true, basis: 'review' });
  }
  const label = REVIEW_OUTCOME_LABELS[outcome];
  const next =
    outcome === 'return'
      ? '请按审核意见补充材料后重新提交法制审核。'
      : outcome === 'transfer'
        ? '不能作出行政处罚决定；如有异议，请提请负责人集体讨论。'
        : '请按审核意见修改后重新提交法制审核；如有异议，请提请负责人集体讨论。';
  return result({ ...base, missing: [`第 ${latest.round} 轮法制审核意见为“${label}”，审核未通过：${next}`] });
}

/** Where a decision goes beyond the reviewed proposal (more measures, higher amounts). */
function beyondReviewed(draft: DecisionDraft, p: ProposedDecision, app: AppContext, caseId: number): string[] {
  const out: string[] = [];
  const extra = draft.measures.filter((m) => !p.measures.includes(m));
  if (extra.length) out.push(`决定中的“${extra.map((m) => MEASURE_LABELS[m]).join('、')}”不在审核通过的拟处理意见中，请重新送审。`);
  const names = new Map(app.repos.cases.parties(caseId).map((x) => [x.id, x.name]));
  for (const a of draft.amounts) {
    const r = p.amounts.find((x) => x.partyId === a.partyId) ?? { fine: 0, confiscation: 0 };
    const who = names.get(a.partyId) ?? `当事人 #${a.partyId}`;
    if (a.fine > r.fine) out.push(`对${who}的罚款 ${yuan(a.fine)} 高于审核通过的 ${yuan(r.fine)}，请重新送审。`);
    if (a.confiscation > r.confiscation) out.push(`对${who}的没收金额 ${yuan(a.confiscation)} 高于审核通过的 ${yuan(r.confiscation)}，请重新送审。`);
  }
  return out;
}

/**
 * Throws when a decision may not be recorded (or a case moved to the decision stage) now.
 * Used by `decisions.record` and by `cases.advanceStage`.
 */
export function assertDecisionAllowed(app: AppContext, caseId: number, draft?: DecisionDraft): GateResult {
  const gate = decisionGate(app, caseId, draft);
  if (!gate.allowed) throw new UserError('REVIEW_REQUIRED', `不能作出决定：${gate.missing.join('；')}`, { missing: gate.missing });
  return gate;
}
