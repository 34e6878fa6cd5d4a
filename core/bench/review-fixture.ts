import { join } from 'node:path';
import { addDays, todayLocal } from '../../shared/logic/calendar.js';
import { CHECKLIST_ITEMS, type ReviewOutcome } from '../../shared/review-domain.js';
import type { MaterialIds, ProposedDecision } from '../../shared/review-types.js';
import { authenticate } from '../accounts/login.js';
import type { AppContext } from '../app.js';
import { derivedFixture } from './cached-fixture.js';
import { dispatch } from '../dispatch.js';
import { createRng, type Rng } from '../demo/random.js';
import { caseSnapshot, snapshotHash } from '../review/case-snapshot.js';
import { reviewRepos } from '../review/repos.js';
import { evaluateForCase } from '../review/submit.js';
import { BENCH_PASSWORD, registerFixture, type RegisterSize } from './register-fixture.js';

export const REVIEW_FIXTURE_VERSION = 2;
export const REVIEWERS = 6;

/**
 * The register fixture (copied, so the register bench keeps its own) plus legal review history:
 * every ordinary-procedure case past investigation has a finished review round (10% with a second
 * round), and about 2,000 rounds are open — assigned round-robin to six reviewers or left in the
 * pool, due dates spread around today. Rows go in through the review repositories, in batches.
 */
export async function reviewFixture(cacheDir: string, size: RegisterSize, log: (s: string) => void = () => {}): Promise<string> {
  const source = await registerFixture(cacheDir, size, log);
  return derivedFixture(source, join(cacheDir, `review-${size.cases}`), REVIEW_FIXTURE_VERSION, async (app) => {
    const users = await makeUsers(app);
    addReviews(app, users, size, log);
  }, log);
}

interface BenchUsers {
  reviewers: number[];
  handlerByOfficer: Map<number, number>;
}

async function makeUsers(app: AppContext): Promise<BenchUsers> {
  const { user } = authenticate(app, 'admin', BENCH_PASSWORD);
  const create = async (username: string, roles: string[], officerId: number | null, reviewerQualified = false) => {
    const r = await dispatch(app, 'users.create', { username, displayName: username, roles, password: BENCH_PASSWORD, officerId, reviewerQualified }, { user });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { id: number }).id;
  };
  const officers = app.repos.officers.list().map((o) => o.id);
  const reviewers: number[] = [];
  for (let i = 0; i < REVIEWERS; i++) reviewers.push(await create(`fashen${i + 1}`, ['reviewer'], null, true));
  await create('juzhang', ['head'], null);
  const handlerByOfficer = new Map<number, number>();
  for (const [i, o] of officers.entries()) handlerByOfficer.set(o, await create(`zhifa${i + 1}`, ['officer'], o));
  return { reviewers, handlerByOfficer };
}

function addReviews(app: AppContext, users: BenchUsers, size: RegisterSize, log: (s: string) => void): void {
  const rng = createRng(11);
  const today = todayLocal();
  const cal = app.calendar();
  const candidates = app.db
    .prepare(`SELECT id FROM cases WHERE procedure = 'ordinary' AND stage NOT IN ('filing', 'investigation') ORDER BY id`)
    .pluck()
    .all() as number[];
  const inReview = app.db.prepare(`SELECT count(*) FROM cases WHERE procedure = 'ordinary' AND stage = 'review'`).pluck().get() as number;
  const openShare = Math.min(1, 2000 / Math.max(1, inReview));
  const at = new Date().toISOString();
  const batch = 2000;
  let rr = 0;
  for (let start = 0; start < candidates.length; start += batch) {
    app.db.transaction(() => {
      for (const caseId of candidates.slice(start, start + batch)) {
        const c = app.repos.cases.get(caseId)!;
        const open = c.stage === 'review' && rng.chance(openShare);
        const rounds = !open && rng.chance(0.1) ? 2 : 1;
        for (let round = 1; round <= rounds; round++) {
          const last = round === rounds;
          const submittedOn = open ? addDays(today, -rng.int(0, 12)) : addDays(c.openedOn, 20 * round);
          const assignee = open && rng.chance(0.3) ? null : users.reviewers[rr++ % users.reviewers.length];
          const handler = users.handlerByOfficer.get(app.repos.cases.handlers(caseId)[0].officerId)!;
          insertRound(app, rng, { caseId, round, submittedOn, dueOn: cal.addWorkdays(submittedOn, 5), handler, assignee, at });
          if (!(open && last)) finishRound(app, rng, caseId, last ? 'agree' : 'return', assignee ?? users.reviewers[0], cal.addWorkdays(submittedOn, rng.int(1, 6)), at);
        }
      }
    })();
    log(`reviews ${Math.min(candidates.length, start + batch)}/${candidates.length} (${size.cases} cases)`);
  }
}

function insertRound(
  app: AppContext,
  rng: Rng,
  r: { caseId: number; round: number; submittedOn: string; dueOn: string; handler: number; assignee: number | null; at: string },
): void {
  const c = app.repos.cases.get(r.caseId)!;
  const party = app.repos.cases.parties(r.caseId)[0];
  const proposal: ProposedDecision = {
    decisionType: 'penalty',
    measures: ['fine'],
    amounts: [{ partyId: party.id, fine: rng.int(1, 200) * 500, confiscation: 0 }],
    legalBasis: '《森林法》第七十三条',
    discretion: 'ordinary',
    discretionNote: '',
    summary: '拟处以罚款。',
    flags: [],
  };
  const materials: MaterialIds = { filingApproval: [], interviewRecords: [], evidence: [], notice: [], statement: [], hearing: [], avRecords: [], statementWaived: true, hearingRequested: false };
  const evaluation = evaluateForCase(app, c, proposal);
  const snapshot = caseSnapshot(app, r.caseId);
  const { review } = reviewRepos(app);
  const submissionId = review.insertSubmission({
    caseId: r.caseId,
    round: r.round,
    proposal: JSON.stringify(proposal),
    materials: JSON.stringify(materials),
    handlerStatement: '事实清楚，证据确凿。',
    major: +evaluation.major,
    requiresDiscussion: +evaluation.requiresDiscussion,
    matched: JSON.stringify(evaluation.matched),
    caseHash: snapshotHash(snapshot),
    caseSnapshot: JSON.stringify(snapshot),
    caseRev: review.caseRev(r.caseId),
    submittedBy: r.handler,
    submittedOn: r.submittedOn,
    dueOn: r.dueOn,
    at: r.at,
  });
  review.insertItem({ submissionId, caseId: r.caseId, dueOn: r.dueOn, assigneeId: r.assignee, assignedBy: null, assignedAt: r.assignee ? r.at : null, at: r.at });
}

const FIXTURE_PDF = '0'.repeat(63) + '1';

function finishRound(app: AppContext, rng: Rng, caseId: number, outcome: ReviewOutcome, reviewer: number, on: string, at: string): void {
  const { review, outcomes } = reviewRepos(app);
  const r = review.latestOfCase(caseId)!;
  review.finish(r.submissionId, on, at);
  const outcomeId = outcomes.insertOutcome({ submissionId: r.submissionId, caseId, outcome, opinion: '同意。', catalogueNote: '', reviewerId: reviewer, recordedOn: on, recordedAt: at, late: +(on > r.dueOn) });
  for (const item of CHECKLIST_ITEMS) outcomes.insertCheck(outcomeId, item, outcome === 'agree' || rng.chance(0.8) ? 'pass' : 'problem', '');
  // Fixture opinions share one placeholder vault object; the bench renders real PDFs separately.
  app.repos.cases.registerVaultObject(FIXTURE_PDF, 1, at);
  const recordId = app.repos.cases.insertRecord({
    caseId, kind: 'attachment', title: `法制审核意见书（第 ${r.round} 轮）`, body: '', fileName: 'opinion.pdf', mime: 'application/pdf',
    sha256: FIXTURE_PDF, size: 1, supersedes: null, version: 1, createdBy: reviewer, at,
  });
  outcomes.insertOpinion({ outcomeId, sha256: FIXTURE_PDF, size: 1, recordId, at });
}
