import type { RuleMatch } from '../../shared/logic/review-catalogue.js';
import { REVIEW_OUTCOMES, type ReviewOutcome } from '../../shared/review-domain.js';
import type { OutcomeTally, ProposedDecision, ReviewerStatsRow, ReviewHistory, ReviewQueueRow, ReviewStats, ReviewStatsRow } from '../../shared/review-types.js';
import type { AppContext } from '../app.js';
import type { Db } from '../db/connection.js';
import { notFound } from '../errors.js';
import { decisionGate } from './gate.js';
import { reviewRepos } from './repos.js';
import { loadReviewSettings } from './review-config.js';
import type { RoundListRow } from './review-repo.js';
import { changesFromPrevious, decisionInfo, discussionInfo, outcomeInfo, queueRow, roundDue } from './views.js';

type Paged = { rows: ReviewQueueRow[]; total: number; page: number; pageSize: number };

function paged(app: AppContext, r: { rows: RoundListRow[]; total: number }, today: string, page: number, pageSize: number): Paged {
  const warn = loadReviewSettings(app).warnWorkdays;
  return { rows: r.rows.map((x) => queueRow(app, x, today, warn)), total: r.total, page, pageSize };
}

/** The reviewer's queue: open rounds assigned to them or to nobody, due soonest first. */
export const reviewQueue = (app: AppContext, userId: number, today: string, page: number, pageSize: number) =>
  paged(app, reviewRepos(app).review.queue(userId, page, pageSize), today, page, pageSize);

/** The handler's submissions, newest first. */
export const mySubmissions = (app: AppContext, userId: number, today: string, page: number, pageSize: number) =>
  paged(app, reviewRepos(app).review.mine(userId, page, pageSize), today, page, pageSize);

/** Open rounds past their due date, most overdue first (for the head). */
export const overdueReviews = (app: AppContext, today: string, page: number, pageSize: number) =>
  paged(app, reviewRepos(app).review.overdue(today, page, pageSize), today, page, pageSize);

/** Every open round, due soonest first (for the head to assign and follow up). */
export const openReviews = (app: AppContext, today: string, page: number, pageSize: number) =>
  paged(app, reviewRepos(app).review.open(page, pageSize), today, page, pageSize);

/** Every round of a case with outcomes and differences, discussions, the gate and the decision. */
export function reviewHistory(app: AppContext, caseId: number, today: string): ReviewHistory {
  const c = app.repos.cases.get(caseId);
  if (!c) throw notFound('该案件');
  const { review, outcomes, decisions } = reviewRepos(app);
  const rounds = review.roundsOfCase(caseId);
  const byRound = new Map(outcomes.outcomesOfCase(caseId).map((o) => [o.submissionId, o]));
  const decision = decisions.ofCase(caseId);
  return {
    caseId,
    caseNo: c.caseNo,
    rounds: rounds.map((r) => {
      const o = byRound.get(r.submissionId);
      return {
        submissionId: r.submissionId,
        round: r.round,
        status: r.status,
        submittedOn: r.submittedOn,
        submittedBy: { id: r.submittedBy, name: r.submittedByName },
        dueOn: roundDue(app, r, today).dueOn,
        proposal: JSON.parse(r.proposal) as ProposedDecision,
        handlerStatement: r.handlerStatement,
        major: !!r.major,
        matched: JSON.parse(r.matched) as RuleMatch[],
        outcome: o ? outcomeInfo(app, o) : null,
        changesFromPreviousRound: changesFromPrevious(app, r, rounds),
      };
    }),
    discussions: outcomes.discussionsOfCase(caseId).map(discussionInfo),
    gate: decisionGate(app, caseId),
    decision: decision ? decisionInfo(decision) : null,
  };
}

const statsCache = new WeakMap<Db, ReturnType<typeof statsStatements>>();
function statsStatements(db: Db) {
  return {
    submitted: db.prepare(
      `SELECT substr(s.submitted_on, 1, 7) AS month, count(*) AS submitted, sum(s.round = 1) AS cases,
         sum(s.round = 1 AND o.outcome = 'agree') AS passedFirstTime
       FROM review_submissions s LEFT JOIN review_outcomes o ON o.submission_id = s.id
       WHERE s.submitted_on >= @from AND s.submitted_on < @to GROUP BY month`,
    ),
    outcomes: db.prepare(
      `SELECT substr(recorded_on, 1, 7) AS month, sum(outcome = 'return') AS returned, sum(outcome IN ('change', 'correct')) AS changed,
         count(*) AS finished, sum(late = 0) AS onTime
       FROM review_outcomes WHERE recorded_on >= @from AND recorded_on < @to GROUP BY month`,
    ),
    byReviewer: db.prepare(
      `SELECT reviewer_id AS id, outcome, count(*) AS n, sum(late = 0) AS onTime
       FROM review_outcomes WHERE recorded_on >= @from AND recorded_on < @to GROUP BY reviewer_id, outcome`,
    ),
    overdue: db.prepare(
      `SELECT substr(i.due_on, 1, 7) AS month, count(*) AS overdue
       FROM review_items i LEFT JOIN review_outcomes o ON o.submission_id = i.submission_id
       WHERE i.due_on >= @from AND i.due_on < @to AND (o.late = 1 OR (i.status = 'pending' AND i.due_on < @today))
       GROUP BY month`,
    ),
  };
}

/** YYYY-MM shifted by n months. */
const shiftMonth = (m: string, n: number) => {
  const k = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
};
const nextMonth = (m: string) => shiftMonth(m, 1);

/** Monthly figures for the supervision dashboard; months with nothing are listed with zeros. */
export function reviewStats(app: AppContext, today: string, from?: string, to?: string): ReviewStats {
  const end = to ?? today.slice(0, 7);
  const start = from ?? shiftMonth(end, -11);
  const rows = new Map<string, ReviewStatsRow>();
  for (let m = start; m <= end; m = nextMonth(m)) {
    rows.set(m, { month: m, submitted: 0, cases: 0, passedFirstTime: 0, returned: 0, changed: 0, overdue: 0, finished: 0, onTime: 0 });
    if (rows.size > 240) break;
  }
  let st = statsCache.get(app.db);
  if (!st) statsCache.set(app.db, (st = statsStatements(app.db)));
  const range = { from: `${start}-01`, to: `${nextMonth(end)}-01`, today };
  const merge = (list: unknown[]) => {
    for (const r of list as (Partial<ReviewStatsRow> & { month: string })[]) {
      const row = rows.get(r.month);
      if (row) for (const [k, v] of Object.entries(r)) if (k !== 'month') (row as unknown as Record<string, number>)[k] = Number(v ?? 0);
    }
  };
  merge(st.submitted.all({ from: range.from, to: range.to }));
  merge(st.outcomes.all({ from: range.from, to: range.to }));
  merge(st.overdue.all(range));
  const { review } = reviewRepos(app);
  const byReviewer = reviewerTallies(app, st, range);
  const totals = emptyTally();
  for (const r of byReviewer) addTally(totals, r);
  return { from: start, to: end, rows: [...rows.values()], totals, byReviewer, pendingNow: review.pendingCount(), overdueNow: review.overdueCount(today) };
}

const emptyTally = (): OutcomeTally => ({ finished: 0, onTime: 0, byOutcome: Object.fromEntries(REVIEW_OUTCOMES.map((o) => [o, 0])) as Record<ReviewOutcome, number> });

function addTally(into: OutcomeTally, from: OutcomeTally): void {
  into.finished += from.finished;
  into.onTime += from.onTime;
  for (const o of REVIEW_OUTCOMES) into.byOutcome[o] += from.byOutcome[o];
}

/** Each reviewer's outcomes in the period and open rounds now; reviewers with neither are left out. */
function reviewerTallies(app: AppContext, st: ReturnType<typeof statsStatements>, range: { from: string; to: string }): ReviewerStatsRow[] {
  const out = new Map<number, ReviewerStatsRow>();
  const row = (id: number): ReviewerStatsRow => {
    let r = out.get(id);
    if (!r) out.set(id, (r = { reviewer: { id, name: app.repos.users.get(id)?.displayName ?? `用户 ${id}` }, pendingNow: 0, ...emptyTally() }));
    return r;
  };
  for (const x of st.byReviewer.all({ from: range.from, to: range.to }) as { id: number; outcome: ReviewOutcome; n: number; onTime: number }[]) {
    const r = row(x.id);
    r.finished += x.n;
    r.onTime += x.onTime;
    r.byOutcome[x.outcome] += x.n;
  }
  for (const [id, n] of reviewRepos(app).review.pendingByAssignee()) row(id).pendingNow = n;
  const collator = new Intl.Collator('zh-CN');
  return [...out.values()].sort((a, b) => b.finished - a.finished || collator.compare(a.reviewer.name, b.reviewer.name));
}
