import { notFound } from '../errors.js';
import { decisionGate } from '../review/gate.js';
import { recordDecision } from '../review/decisions.js';
import { recordDiscussion } from '../review/discussion.js';
import { materialProblems } from '../review/materials.js';
import { mySubmissions, openReviews, overdueReviews, reviewHistory, reviewQueue, reviewStats } from '../review/queries.js';
import { recordOutcome } from '../review/record.js';
import { reviewRepos } from '../review/repos.js';
import { loadCatalogue, loadReviewSettings, saveCatalogue, updateReviewSettings } from '../review/review-config.js';
import { evaluateForCase, proposalProblems, submitReview } from '../review/submit.js';
import { decisionInfo, itemDetail } from '../review/views.js';
import { reviewerChoices } from '../review/reviewers.js';
import { assignReviewer, claimRound, extendRound, releaseRound } from '../review/workflow.js';
import { currentUser, type Handlers, type OpsWithPrefix } from './context.js';

/** Legal review (法制审核) and decisions: thin wrappers around core/review. */
export const reviewHandlers: Handlers<OpsWithPrefix<'review.' | 'decisions.'>> = {
  'review.catalogue.get': ({ app }) => structuredClone(loadCatalogue(app)),

  'review.catalogue.update': (ctx, catalogue) => {
    const before = loadCatalogue(ctx.app);
    const after = saveCatalogue(ctx.app, catalogue);
    ctx.audit('settings', 'reviewCatalogue', { before: before.isDefault ? '（默认目录）' : before.rules, after: after.rules });
    return after;
  },

  'review.settings.get': ({ app }) => ({ ...loadReviewSettings(app) }),

  'review.settings.update': (ctx, patch) => {
    const before = loadReviewSettings(ctx.app);
    const after = updateReviewSettings(ctx.app, patch);
    const keys = Object.keys(patch) as (keyof typeof patch)[];
    ctx.audit('settings', 'reviewSettings', Object.fromEntries(keys.map((k) => [k, { before: before[k], after: after[k] }])));
    return after;
  },

  'review.evaluate': ({ app }, { caseId, proposal, materials }) => {
    const c = app.repos.cases.get(caseId);
    if (!c) throw notFound('该案件');
    const missing = proposalProblems(app, caseId, proposal);
    if (materials) missing.push(...materialProblems(app, caseId, { decisionType: proposal.decisionType ?? 'penalty', measures: proposal.measures ?? [] }, materials));
    return { ...evaluateForCase(app, c, proposal), missing };
  },

  'review.submit': (ctx, input) => submitReview(ctx, input),

  'review.queue': (ctx, { page, pageSize }) => reviewQueue(ctx.app, currentUser(ctx).id, ctx.today(), page, pageSize),

  'review.mine': (ctx, { page, pageSize }) => mySubmissions(ctx.app, currentUser(ctx).id, ctx.today(), page, pageSize),

  'review.overdue': (ctx, { page, pageSize }) => overdueReviews(ctx.app, ctx.today(), page, pageSize),

  'review.open': (ctx, { page, pageSize }) => openReviews(ctx.app, ctx.today(), page, pageSize),

  'review.get': (ctx, { submissionId }) => {
    const r = reviewRepos(ctx.app).review.round(submissionId);
    if (!r) throw notFound('该审核事项');
    return itemDetail(ctx.app, r, ctx.today());
  },

  'review.assign': (ctx, { submissionId, reviewerId }) => assignReviewer(ctx, submissionId, reviewerId),

  'review.reviewers': ({ app }, { submissionId }) => reviewerChoices(app, submissionId),

  'review.claim': (ctx, { submissionId }) => claimRound(ctx, submissionId),

  'review.release': (ctx, { submissionId }) => releaseRound(ctx, submissionId),

  'review.extend': (ctx, { submissionId, workdays, reason }) => extendRound(ctx, submissionId, workdays, reason),

  'review.record': (ctx, input) => recordOutcome(ctx, input),

  'review.history': (ctx, { caseId }) => reviewHistory(ctx.app, caseId, ctx.today()),

  'review.discussion.record': (ctx, input) => recordDiscussion(ctx, input),

  'review.gate': (ctx, { caseId }) => decisionGate(ctx.app, caseId),

  'review.stats': (ctx, { from, to }) => reviewStats(ctx.app, ctx.today(), from, to),

  'decisions.record': (ctx, input) => recordDecision(ctx, input),

  'decisions.get': (ctx, { caseId }) => {
    const d = reviewRepos(ctx.app).decisions.ofCase(caseId);
    return { decision: d ? decisionInfo(d) : null };
  },
};
