import type { ReviewerChoice } from '../../shared/review-types.js';
import type { AppContext } from '../app.js';
import { forbidden, notFound } from '../errors.js';
import { reviewRepos } from './repos.js';

/**
 * Why a user may not review a case, or null when they may: reviewers hold the reviewer role,
 * are flagged qualified (法律职业资格 or appointment) and are not a handler of the case nor the
 * one who submitted it (承办与审核分离 — no self-review).
 */
export function reviewerProblem(app: AppContext, userId: number, caseId: number, submittedBy: number | null): string | null {
  const u = app.repos.users.get(userId);
  if (!u || u.disabled) return '该用户不存在或已停用。';
  if (!u.roles.includes('reviewer')) return `${u.displayName}不是法制审核人员，不能审核。`;
  if (!u.reviewerQualified) {
    return `${u.displayName}未登记法制审核资格（法律职业资格或审核人员任命），不能审核。请管理员在用户设置中登记资格后再分配。`;
  }
  if (submittedBy === u.id) return `${u.displayName}是本案的送审人，不能审核自己送审的案件（承办与审核分离）。`;
  if (u.officerId != null && app.repos.cases.handlers(caseId).some((h) => h.officerId === u.officerId)) {
    return `${u.displayName}是本案承办人，不能审核本案（承办与审核分离）。请分配其他审核人员。`;
  }
  return null;
}

export function assertMayReview(app: AppContext, userId: number, caseId: number, submittedBy: number | null): void {
  const problem = reviewerProblem(app, userId, caseId, submittedBy);
  if (problem) throw forbidden(problem);
}

/**
 * Round-robin: among the reviewers eligible for this case, the one whose last assignment is
 * oldest (never assigned first, then by id). null when nobody is eligible.
 */
export function pickReviewer(app: AppContext, caseId: number, submittedBy: number | null): number | null {
  const { review } = reviewRepos(app);
  const candidates = app.repos.users
    .list()
    .filter((u) => u.roles.includes('reviewer') && reviewerProblem(app, u.id, caseId, submittedBy) == null)
    .map((u) => ({ id: u.id, last: review.lastAssignedAt(u.id) ?? '' }));
  candidates.sort((a, b) => (a.last < b.last ? -1 : a.last > b.last ? 1 : a.id - b.id));
  return candidates[0]?.id ?? null;
}

/**
 * The reviewers the head can choose from for a round: every active user with the reviewer role,
 * eligible ones first (by current load), each ineligible one with the reason.
 */
export function reviewerChoices(app: AppContext, submissionId: number): ReviewerChoice[] {
  const { review } = reviewRepos(app);
  const r = review.round(submissionId);
  if (!r) throw notFound('该审核事项');
  const load = review.pendingByAssignee();
  const collator = new Intl.Collator('zh-CN');
  return app.repos.users
    .list()
    .filter((u) => u.roles.includes('reviewer') && !u.disabled)
    .map((u) => ({ id: u.id, name: u.displayName, problem: reviewerProblem(app, u.id, r.caseId, r.submittedBy), pendingNow: load.get(u.id) ?? 0 }))
    .sort((a, b) => Number(a.problem != null) - Number(b.problem != null) || a.pendingNow - b.pendingNow || collator.compare(a.name, b.name));
}
