import { REVIEW_OUTCOME_LABELS } from '../../shared/review-domain.js';
import { extendedDueOn } from '../../shared/logic/review-due.js';
import { formatDateTime } from '../../shared/logic/text.js';
import type { ReviewItemDetail } from '../../shared/review-types.js';
import type { AppContext } from '../app.js';
import { conflict, forbidden, invalid, notFound, UserError } from '../errors.js';
import { currentUser, hasRole, type OpContext } from '../operations/context.js';
import { reviewRepos } from './repos.js';
import { loadReviewSettings } from './review-config.js';
import type { RoundRow } from './review-repo.js';
import { assertMayReview, pickReviewer } from './reviewers.js';
import { itemDetail } from './views.js';

/** An open review round, or an error saying why it cannot be worked on. */
export function openRound(app: AppContext, submissionId: number): RoundRow {
  const r = reviewRepos(app).review.round(submissionId);
  if (!r) throw notFound('该审核事项');
  if (r.status === 'done') {
    const label = r.outcome ? `（审核意见：${REVIEW_OUTCOME_LABELS[r.outcome]}）` : '';
    throw conflict(`案件 ${r.caseNo} 第 ${r.round} 轮法制审核已办结${label}，不能再操作。`);
  }
  return r;
}

/** Whether someone other than `userId` holds the round and the hold has not lapsed. */
export function heldByOther(app: AppContext, r: RoundRow, userId: number): boolean {
  if (r.heldBy == null || r.heldBy === userId || !r.heldAt) return false;
  const ageMinutes = (app.now().getTime() - Date.parse(r.heldAt)) / 60_000;
  return ageMinutes < loadReviewSettings(app).holdMinutes;
}

export function heldError(r: RoundRow): UserError {
  return new UserError(
    'HELD_BY_OTHER',
    `${r.holderName}正在审核该事项（自 ${formatDateTime(r.heldAt!)} 起）。请稍后再试，或请其放弃占用。`,
    { holder: { id: r.heldBy, name: r.holderName, since: r.heldAt } },
  );
}

const detail = (ctx: OpContext, id: number): ReviewItemDetail => itemDetail(ctx.app, reviewRepos(ctx.app).review.round(id)!, ctx.today());

/** 分配: the head names a reviewer, or lets round-robin pick one. */
export function assignReviewer(ctx: OpContext, submissionId: number, reviewerId: number | undefined): ReviewItemDetail {
  const { app } = ctx;
  const user = currentUser(ctx);
  const r = openRound(app, submissionId);
  const id = reviewerId ?? pickReviewer(app, r.caseId, r.submittedBy);
  if (id == null) {
    throw invalid('没有可分配的法制审核人员：请确认有已登记审核资格、且不是本案承办人的审核人员账号。');
  }
  assertMayReview(app, id, r.caseId, r.submittedBy);
  reviewRepos(app).review.assign(submissionId, id, user.id, ctx.nowIso());
  ctx.audit('case', r.caseId, { submissionId, round: r.round, assignee: id, before: r.assigneeId, auto: reviewerId == null });
  return detail(ctx, submissionId);
}

/** 开始审核: takes the hold so a second reviewer opening the item sees who is working on it. */
export function claimRound(ctx: OpContext, submissionId: number): ReviewItemDetail {
  const { app } = ctx;
  const user = currentUser(ctx);
  const r = openRound(app, submissionId);
  assertMayReview(app, user.id, r.caseId, r.submittedBy);
  if (r.assigneeId != null && r.assigneeId !== user.id) {
    throw forbidden(`该事项已分配给${r.assigneeName}审核。如需改由您审核，请联系负责人重新分配。`);
  }
  if (heldByOther(app, r, user.id)) throw heldError(r);
  // An item of the pool stays in the pool (others see who holds it); recording the outcome assigns it.
  reviewRepos(app).review.hold(submissionId, user.id, ctx.nowIso());
  ctx.audit('case', r.caseId, { submissionId, round: r.round, heldBy: user.id, tookOverFrom: r.heldBy !== user.id ? r.heldBy : null });
  return detail(ctx, submissionId);
}

/** 放弃占用: the holder (or the head) lets go of an item. */
export function releaseRound(ctx: OpContext, submissionId: number): ReviewItemDetail {
  const user = currentUser(ctx);
  const r = openRound(ctx.app, submissionId);
  if (r.heldBy == null) return detail(ctx, submissionId);
  if (r.heldBy !== user.id && !hasRole(ctx, 'head')) throw forbidden(`该事项由${r.holderName}占用，只有本人或负责人可以解除。`);
  reviewRepos(ctx.app).review.release(submissionId, ctx.nowIso());
  ctx.audit('case', r.caseId, { submissionId, round: r.round, released: r.heldBy });
  return detail(ctx, submissionId);
}

/** 延期: once per round, with a reason, by the assigned reviewer or the head. */
export function extendRound(ctx: OpContext, submissionId: number, workdays: number, reason: string): ReviewItemDetail {
  const { app } = ctx;
  const user = currentUser(ctx);
  const r = openRound(app, submissionId);
  if (!hasRole(ctx, 'head') && r.assigneeId !== user.id) throw forbidden('只有承担本事项的审核人员或负责人可以延长审核期限。');
  if (r.extendedWorkdays != null) {
    throw conflict(`本轮审核已延期一次（${r.extendedWorkdays} 个工作日，理由：${r.extensionReason}），不能再次延期。`);
  }
  const max = loadReviewSettings(app).maxExtensionWorkdays;
  if (workdays > max) throw invalid(`审核期限最多延长 ${max} 个工作日。`);
  const dueOn = extendedDueOn(app.calendar(), r.dueOn, workdays);
  reviewRepos(app).review.extend({ submissionId, dueOn, workdays, reason, by: user.id, at: ctx.nowIso() });
  ctx.audit('case', r.caseId, { submissionId, round: r.round, dueBefore: r.dueOn, dueAfter: dueOn, workdays, reason });
  return detail(ctx, submissionId);
}
