import { DISCUSSION_CONCLUSION_LABELS, REVIEW_OUTCOME_LABELS } from '../../shared/review-domain.js';
import type { OpInput } from '../../shared/contract/index.js';
import type { DiscussionInfo } from '../../shared/review-types.js';
import { conflict, invalid, notFound, UserError } from '../errors.js';
import { currentUser, type OpContext } from '../operations/context.js';
import { reviewRepos } from './repos.js';
import { discussionInfo } from './views.js';

/**
 * 集体讨论: recorded by the head after a review round has an outcome — when the handler disagrees
 * with the reviewer, or when the catalogue requires it. The minutes are filed in the case as a
 * record; the conclusion decides the gate for that round.
 */
export function recordDiscussion(ctx: OpContext, input: OpInput<'review.discussion.record'>): DiscussionInfo {
  const { app } = ctx;
  const user = currentUser(ctx);
  const c = app.repos.cases.get(input.caseId);
  if (!c) throw notFound('该案件');
  if (c.status === 'voided') throw new UserError('CASE_READ_ONLY', `案件 ${c.caseNo} 已作废，不能记录集体讨论。`);
  const { review, outcomes, decisions } = reviewRepos(app);
  const decided = decisions.ofCase(c.id);
  if (decided) throw conflict(`本案已作出决定（${decided.decisionNo}），不能再记录集体讨论。`);
  const latest = review.latestOfCase(c.id);
  if (!latest) throw invalid('本案尚未提交法制审核。重大执法决定须先经法制审核，再由负责人集体讨论。');
  if (latest.status === 'pending') throw conflict(`第 ${latest.round} 轮法制审核尚未完成，请在审核意见作出后再进行集体讨论。`);
  const outcome = outcomes.outcomeOf(latest.submissionId)!;
  if (input.heldOn > ctx.today()) throw invalid('讨论日期不能晚于今天。');
  if (input.heldOn < outcome.recordedOn) {
    throw invalid(`讨论日期不能早于第 ${latest.round} 轮审核意见的日期（${outcome.recordedOn}）。`);
  }
  const at = ctx.nowIso();
  const body = [
    `讨论日期：${input.heldOn}`,
    `参加人员：${input.participants.join('、')}`,
    `审核意见：第 ${latest.round} 轮，${REVIEW_OUTCOME_LABELS[outcome.outcome]}（${outcome.reviewerName}）`,
    `讨论记录：\n${input.minutes}`,
    `结论：${DISCUSSION_CONCLUSION_LABELS[input.conclusion]}${input.note ? `。${input.note}` : ''}`,
  ].join('\n');
  const { cases } = app.repos;
  const recordId = cases.insertRecord({
    caseId: c.id,
    kind: 'text',
    title: `集体讨论记录（${input.heldOn}）`,
    body,
    fileName: null,
    mime: null,
    sha256: null,
    size: null,
    supersedes: null,
    version: 1,
    createdBy: user.id,
    at,
  });
  const id = outcomes.insertDiscussion({
    caseId: c.id,
    submissionId: latest.submissionId,
    heldOn: input.heldOn,
    participants: JSON.stringify(input.participants),
    minutes: input.minutes,
    conclusion: input.conclusion,
    note: input.note,
    recordedBy: user.id,
    recordedAt: at,
    recordId,
  });
  cases.refreshSearch(c.id);
  ctx.audit('case', c.id, { discussionId: id, submissionId: latest.submissionId, heldOn: input.heldOn, conclusion: input.conclusion, participants: input.participants });
  return discussionInfo(outcomes.discussion(id)!);
}
