import { CHECKLIST_ITEMS, CHECKLIST_LABELS } from '../../shared/review-domain.js';
import type { OpInput } from '../../shared/contract/index.js';
import { diffSnapshots, type CaseSnapshot } from '../../shared/logic/review-diff.js';
import type { ReviewOutcomeInfo } from '../../shared/review-types.js';
import { conflict, forbidden, invalid } from '../errors.js';
import { currentUser, type OpContext } from '../operations/context.js';
import { caseSnapshot, snapshotHash } from './case-snapshot.js';
import { opinionContent } from './opinion-content.js';
import { renderOpinionPdf } from './opinion-pdf.js';
import { reviewRepos } from './repos.js';
import { assertMayReview } from './reviewers.js';
import { outcomeInfo } from './views.js';
import { heldByOther, heldError, openRound } from './workflow.js';

type Checklist = OpInput<'review.record'>['checklist'];

/** The checklist must cover every item once; a problem needs a note; the outcome must fit the items. */
export function checklistProblems(checklist: Checklist, outcome: OpInput<'review.record'>['outcome']): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of checklist) {
    if (seen.has(c.item)) out.push(`审核事项“${CHECKLIST_LABELS[c.item]}”填写了两次`);
    seen.add(c.item);
    if (c.result === 'problem' && !c.note) out.push(`审核事项“${CHECKLIST_LABELS[c.item]}”存在问题，请写明问题`);
  }
  const missing = CHECKLIST_ITEMS.filter((i) => !seen.has(i));
  if (missing.length) out.push(`请完成审核事项：${missing.map((i) => CHECKLIST_LABELS[i]).join('、')}`);
  const problems = checklist.filter((c) => c.result === 'problem');
  if (outcome === 'agree' && problems.length) {
    out.push(`审核事项中有“存在问题”的项目（${problems.map((c) => CHECKLIST_LABELS[c.item]).join('、')}），不能选择“同意”；请选择建议变更、纠正或退回补充`);
  }
  const crime = checklist.find((c) => c.item === 'crimeTransfer');
  if (outcome === 'transfer' && crime?.result !== 'problem') out.push('选择“移送司法机关”时，“是否涉嫌犯罪需移送”一项应为“涉嫌犯罪，应移送”');
  if (outcome !== 'transfer' && crime?.result === 'problem') out.push('审核认为涉嫌犯罪应移送的，审核结论应选择“移送司法机关”');
  return out;
}

/**
 * Records a reviewer's outcome: checklist, outcome, written opinion; generates the 法制审核意见书 PDF,
 * stores it in the vault and files it in the case. Runs inside the dispatcher's transaction: any
 * failure leaves the round open and nothing recorded (a vault file left behind is harmless).
 */
export function recordOutcome(ctx: OpContext, input: OpInput<'review.record'>): ReviewOutcomeInfo {
  const { app } = ctx;
  const user = currentUser(ctx);
  const r = openRound(app, input.submissionId);
  assertMayReview(app, user.id, r.caseId, r.submittedBy);
  if (r.assigneeId != null && r.assigneeId !== user.id) {
    throw forbidden(`该事项已分配给${r.assigneeName}审核，您不能记录审核意见。如需改由您审核，请联系负责人重新分配。`);
  }
  if (heldByOther(app, r, user.id)) throw heldError(r);
  const problems = checklistProblems(input.checklist, input.outcome);
  if (problems.length) throw invalid(`审核意见未保存：${problems.join('；')}。`, { problems });
  const now = caseSnapshot(app, r.caseId);
  if (input.outcome === 'agree' && snapshotHash(now) !== r.caseHash) {
    const changes = diffSnapshots(JSON.parse(r.caseSnapshot) as CaseSnapshot, now).map((c) => c.label);
    throw conflict(`送审后案件信息有变更（${[...new Set(changes)].join('、')}），不能直接同意。请退回补充，由承办人确认后重新送审。`);
  }

  const { review, outcomes } = reviewRepos(app);
  const today = ctx.today();
  const at = ctx.nowIso();
  if (!review.finish(r.submissionId, today, at)) throw conflict('该审核事项刚刚已由他人办结，请刷新后查看。');
  if (!r.assigneeId) review.assign(r.submissionId, user.id, user.id, at);
  const outcomeId = outcomes.insertOutcome({
    submissionId: r.submissionId,
    caseId: r.caseId,
    outcome: input.outcome,
    opinion: input.opinion,
    catalogueNote: input.catalogueNote,
    reviewerId: user.id,
    recordedOn: today,
    recordedAt: at,
    late: +(today > r.dueOn),
  });
  for (const c of input.checklist) outcomes.insertCheck(outcomeId, c.item, c.result, c.note);

  const pdf = renderOpinionPdf(opinionContent(app, r, input, user.displayName, today, at));
  const stored = app.vault.putBytes(pdf);
  const { cases } = app.repos;
  cases.registerVaultObject(stored.sha256, stored.size, at);
  const recordId = cases.insertRecord({
    caseId: r.caseId,
    kind: 'attachment',
    title: `法制审核意见书（第 ${r.round} 轮）`,
    body: input.opinion,
    fileName: `法制审核意见书_${r.caseNo}_第${r.round}轮.pdf`,
    mime: 'application/pdf',
    sha256: stored.sha256,
    size: stored.size,
    supersedes: null,
    version: 1,
    createdBy: user.id,
    at,
  });
  outcomes.insertOpinion({ outcomeId, sha256: stored.sha256, size: stored.size, recordId, at });
  cases.refreshSearch(r.caseId);
  ctx.audit('case', r.caseId, {
    submissionId: r.submissionId,
    round: r.round,
    outcome: input.outcome,
    problems: input.checklist.filter((c) => c.result === 'problem').map((c) => c.item),
    opinionPdf: { sha256: stored.sha256, size: stored.size, recordId },
  });
  return outcomeInfo(app, outcomes.outcomeOf(r.submissionId)!);
}
