import { STAGES, STAGE_LABELS } from '../../shared/domain.js';
import type { OpInput } from '../../shared/contract/index.js';
import { evaluateCatalogue, type CatalogueEvaluation } from '../../shared/logic/review-catalogue.js';
import { reviewDueOn } from '../../shared/logic/review-due.js';
import type { MaterialIds, ProposedDecision, ReviewItemDetail } from '../../shared/review-types.js';
import type { AppContext } from '../app.js';
import type { CaseRow } from '../cases/cases-repo.js';
import { conflict, forbidden, invalid, notFound, UserError } from '../errors.js';
import { currentUser, type OpContext } from '../operations/context.js';
import { caseSnapshot, snapshotHash } from './case-snapshot.js';
import { materialProblems } from './materials.js';
import { reviewRepos } from './repos.js';
import { loadCatalogue, loadReviewSettings } from './review-config.js';
import { pickReviewer } from './reviewers.js';
import { itemDetail } from './views.js';

/** The catalogue's verdict on a (possibly partial) proposal for a case. */
export function evaluateForCase(app: AppContext, c: CaseRow, p: Partial<ProposedDecision>): CatalogueEvaluation {
  const kinds = new Map(app.repos.cases.parties(c.id).map((x) => [x.id, x.kind]));
  return evaluateCatalogue(loadCatalogue(app), {
    caseType: c.caseType,
    procedure: c.procedure,
    measures: p.measures ?? [],
    amounts: (p.amounts ?? []).map((a) => ({ kind: kinds.get(a.partyId) ?? 'person', fine: a.fine, confiscation: a.confiscation })),
    flags: p.flags ?? [],
  });
}

/** Inconsistencies inside a proposal: parties of another case, amounts without the measure… */
export function proposalProblems(app: AppContext, caseId: number, p: Partial<ProposedDecision>): string[] {
  const out: string[] = [];
  const parties = new Map(app.repos.cases.parties(caseId).map((x) => [x.id, x.name]));
  const seen = new Set<number>();
  for (const a of p.amounts ?? []) {
    if (!parties.has(a.partyId)) out.push('罚没数额中有一名当事人已不是本案当事人，请刷新后重新填写');
    if (seen.has(a.partyId)) out.push(`当事人“${parties.get(a.partyId) ?? ''}”的罚没数额填写了两次`);
    seen.add(a.partyId);
  }
  const measures = p.measures ?? [];
  const fined = (p.amounts ?? []).some((a) => a.fine > 0);
  if (fined && !measures.includes('fine')) out.push('填写了罚款金额，但处理措施中没有选择“罚款”');
  if (!fined && measures.includes('fine')) out.push('处理措施包括“罚款”，请填写罚款金额');
  if ((p.amounts ?? []).some((a) => a.confiscation > 0) && !measures.some((m) => m === 'confiscateGains' || m === 'confiscateProperty')) {
    out.push('填写了没收金额，但处理措施中没有选择“没收违法所得”或“没收非法财物”');
  }
  if (p.decisionType === 'penalty' && !measures.length) out.push('拟给予行政处罚，请选择处罚种类');
  return out;
}

function openCase(app: AppContext, caseId: number): CaseRow {
  const c = app.repos.cases.get(caseId);
  if (!c) throw notFound('该案件');
  if (c.status === 'voided') throw new UserError('CASE_READ_ONLY', `案件 ${c.caseNo} 已作废，不能提交法制审核。`);
  if (STAGES.indexOf(c.stage) > STAGES.indexOf('review')) {
    throw conflict(`案件 ${c.caseNo} 已进入“${STAGE_LABELS[c.stage]}”环节，不能再提交法制审核。`);
  }
  return c;
}

/** 送审: checks the submission is complete, records the round, queues it with its due date. */
export function submitReview(ctx: OpContext, input: OpInput<'review.submit'>): ReviewItemDetail {
  const { app } = ctx;
  const user = currentUser(ctx);
  const c = openCase(app, input.caseId);
  const { review } = reviewRepos(app);
  if (c.procedure === 'simple') throw invalid('简易程序案件不需要法制审核，可以直接记录决定。');
  if (user.officerId == null || !app.repos.cases.handlers(c.id).some((h) => h.officerId === user.officerId)) {
    throw forbidden('只有本案承办人可以提交法制审核。如您是承办人，请让管理员把您的账号关联到对应的执法人员。');
  }
  const latest = review.latestOfCase(c.id);
  if (latest?.status === 'pending') {
    throw conflict(`本案第 ${latest.round} 轮法制审核尚未完成，不能重复提交。如需更改送审内容，请联系审核人员退回后再提交。`);
  }
  const proposal: ProposedDecision = input.proposal;
  const materials: MaterialIds = input.materials;
  const problems = [...proposalProblems(app, c.id, proposal), ...materialProblems(app, c.id, proposal, materials)];
  if (problems.length) {
    throw new UserError('SUBMISSION_INCOMPLETE', `送审材料不完整或有误，未提交：${problems.join('；')}。`, { missing: problems });
  }
  const evaluation = evaluateForCase(app, c, proposal);
  const settings = loadReviewSettings(app);
  const today = ctx.today();
  const at = ctx.nowIso();
  const snapshot = caseSnapshot(app, c.id);
  const dueOn = reviewDueOn(app.calendar(), today, settings.dueWorkdays);
  const submissionId = review.insertSubmission({
    caseId: c.id,
    round: (latest?.round ?? 0) + 1,
    proposal: JSON.stringify(proposal),
    materials: JSON.stringify(materials),
    handlerStatement: input.handlerStatement,
    major: +evaluation.major,
    requiresDiscussion: +evaluation.requiresDiscussion,
    matched: JSON.stringify(evaluation.matched),
    caseHash: snapshotHash(snapshot),
    caseSnapshot: JSON.stringify(snapshot),
    caseRev: review.caseRev(c.id),
    submittedBy: user.id,
    submittedOn: today,
    dueOn,
    at,
  });
  const assigneeId = settings.autoAssign ? pickReviewer(app, c.id, user.id) : null;
  review.insertItem({ submissionId, caseId: c.id, dueOn, assigneeId, assignedBy: null, assignedAt: assigneeId ? at : null, at });
  if (c.stage === 'filing' || c.stage === 'investigation') {
    app.repos.cases.setStage(c.id, 'review', null, at);
    app.repos.cases.insertStage({ caseId: c.id, stage: 'review', enteredOn: today, note: '提交法制审核', userId: user.id, at });
  }
  ctx.audit('case', c.id, {
    submissionId,
    round: (latest?.round ?? 0) + 1,
    major: evaluation.major,
    matched: evaluation.matched.map((m) => m.ruleId),
    dueOn,
    assigneeId,
  });
  return itemDetail(app, review.round(submissionId)!, today);
}
