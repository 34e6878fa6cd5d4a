import { authenticate } from '../../core/accounts/login.js';
import type { SessionUser } from '../../core/accounts/sessions.js';
import { openApp, type AppContext } from '../../core/app.js';
import { BENCH_PASSWORD, FULL_SIZE, type RegisterSize } from '../../core/bench/register-fixture.js';
import { REVIEWERS, reviewFixture } from '../../core/bench/review-fixture.js';
import { summarise, timeMany } from '../../core/bench/stats.js';
import { createRng } from '../../core/demo/random.js';
import { dispatch } from '../../core/dispatch.js';
import { opinionContent } from '../../core/review/opinion-content.js';
import { renderOpinionPdf } from '../../core/review/opinion-pdf.js';
import { reviewRepos } from '../../core/review/repos.js';
import { loadCatalogue } from '../../core/review/review-config.js';
import { evaluateCatalogue, type ProposalFacts } from '../../shared/logic/review-catalogue.js';
import { CHECKLIST_ITEMS } from '../../shared/review-domain.js';
import type { CommandArgs } from './types.js';

/** Targets from issue 5, in milliseconds. */
export const REVIEW_TARGETS = { queueP95: 10, evaluateP95: 1, pdfP95: 500 };
const SMALL: RegisterSize = { cases: 10_000, partiesPerCase: 3, auditRows: 100_000 };

/**
 * `sanxiang bench review`: on the 100,000-case register with its review history, the reviewer's
 * queue (p95), catalogue evaluation of a case (pure, and through the `review.evaluate` operation),
 * and opinion PDF generation (render only, and the whole `review.record` operation, rolled back).
 */
export async function benchReview(args: CommandArgs, cacheDir: string) {
  const size = args.values.small ? SMALL : FULL_SIZE;
  const tBuild = performance.now();
  const dir = await reviewFixture(cacheDir, size, (s) => args.out.progress(s));
  const buildMs = Math.round(performance.now() - tBuild);
  const app = openApp({ dataDir: dir });
  try {
    const login = (u: string) => authenticate(app, u, BENCH_PASSWORD).user;
    const reviewers = Array.from({ length: REVIEWERS }, (_, i) => login(`fashen${i + 1}`));
    const head = login('juzhang');
    const handler = login('zhifa1');
    const rng = createRng(5);
    const call = async (op: string, input: unknown, user: SessionUser) => {
      const r = await dispatch(app, op, input, { user });
      if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
      return r.value;
    };
    const counts = app.db
      .prepare(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM review_submissions) AS rounds,
                       (SELECT count(*) FROM review_items WHERE status = 'pending') AS open`)
      .get() as { cases: number; rounds: number; open: number };

    const queueCpu: number[] = [];
    const queue = await timeMany(300, async (i) => {
      const c0 = process.cpuUsage();
      await call('review.queue', { page: rng.int(1, 3), pageSize: 50 }, reviewers[i % REVIEWERS]);
      const c = process.cpuUsage(c0);
      queueCpu.push((c.user + c.system) / 1000);
    });
    const overdue = await timeMany(100, () => call('review.overdue', { page: 1, pageSize: 50 }, head));
    const mine = await timeMany(100, () => call('review.mine', { page: 1, pageSize: 50 }, handler));

    const maxId = counts.cases;
    const sampleCases = Array.from({ length: 300 }, () => rng.int(1, maxId));
    const catalogue = loadCatalogue(app);
    const facts: ProposalFacts[] = sampleCases.map((id) => {
      const c = app.repos.cases.get(id)!;
      const p = app.repos.cases.parties(id)[0];
      return { caseType: c.caseType, procedure: c.procedure, measures: ['fine'], amounts: [{ kind: p.kind, fine: rng.int(1, 300) * 500, confiscation: 0 }], flags: [] };
    });
    const evaluatePure = await timeMany(3000, (i) => evaluateCatalogue(catalogue, facts[i % facts.length]));
    const evaluateOp = await timeMany(300, (i) => {
      const id = sampleCases[i];
      const partyId = app.repos.cases.parties(id)[0].id;
      return call('review.evaluate', { caseId: id, proposal: { measures: ['fine'], amounts: [{ partyId, fine: 5000 }] } }, handler);
    });

    const pdf = benchPdf(app, rng);
    const record = await benchRecord(app, reviewers, call);
    const figures = {
      size,
      counts,
      fixtureBuildMs: buildMs,
      queueMs: summarise(queue),
      /** CPU time of the same calls: on a busy machine wall-clock p95 includes waiting for a core. */
      queueCpuMs: summarise(queueCpu),
      overdueMs: summarise(overdue),
      mineMs: summarise(mine),
      evaluateMs: summarise(evaluatePure),
      evaluateOpMs: summarise(evaluateOp),
      pdfColdMs: pdf.coldMs,
      pdfMs: summarise(pdf.samples),
      pdfBytes: pdf.bytes,
      recordOpMs: summarise(record),
    };
    const met = {
      queue: figures.queueMs.p95 < REVIEW_TARGETS.queueP95,
      evaluate: figures.evaluateMs.p95 < REVIEW_TARGETS.evaluateP95 && figures.evaluateOpMs.p95 < REVIEW_TARGETS.evaluateP95,
      pdf: figures.pdfMs.p95 < REVIEW_TARGETS.pdfP95 && figures.pdfColdMs < REVIEW_TARGETS.pdfP95,
    };
    return { bench: 'review', ...figures, targets: REVIEW_TARGETS, met };
  } finally {
    app.close();
  }
}

/** Renders opinions of finished rounds (the first one includes loading the font). */
function benchPdf(app: AppContext, rng: ReturnType<typeof createRng>) {
  const ids = app.db.prepare(`SELECT submission_id FROM review_items WHERE status = 'done' LIMIT 2000`).pluck().all() as number[];
  const { review } = reviewRepos(app);
  const render = () => {
    const r = review.round(rng.pick(ids))!;
    const checklist = CHECKLIST_ITEMS.map((item, i) => ({ item, result: i === 4 ? ('problem' as const) : ('pass' as const), note: i === 4 ? '法律依据引用条款不完整，应补充引用第二款。' : '' }));
    const content = opinionContent(app, r, { checklist, outcome: 'change', opinion: '经审核，建议变更法律依据的引用。'.repeat(8), catalogueNote: '' }, '法审员', r.submittedOn, new Date().toISOString());
    return renderOpinionPdf(content);
  };
  const t0 = performance.now();
  const first = render();
  const coldMs = Math.round((performance.now() - t0) * 10) / 10;
  const samples: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    render();
    samples.push(performance.now() - t);
  }
  return { coldMs, samples, bytes: first.length };
}

/** The whole review.record operation (checks, rows, PDF, vault write with fsync, audit), rolled back after. */
async function benchRecord(app: AppContext, reviewers: SessionUser[], call: (op: string, input: unknown, user: SessionUser) => Promise<unknown>) {
  const open = app.db
    .prepare(`SELECT submission_id AS id, assignee_id AS assignee FROM review_items WHERE status = 'pending' ORDER BY submission_id LIMIT 20`)
    .all() as { id: number; assignee: number | null }[];
  const samples: number[] = [];
  app.db.exec('BEGIN');
  try {
    for (const o of open) {
      const user = reviewers.find((u) => u.id === o.assignee) ?? reviewers[0];
      const checklist = CHECKLIST_ITEMS.map((item) => ({ item, result: 'pass' }));
      const t = performance.now();
      await call('review.record', { submissionId: o.id, checklist, outcome: 'agree', opinion: '经审核，同意承办人意见。' }, user);
      samples.push(performance.now() - t);
    }
  } finally {
    app.db.exec('ROLLBACK');
  }
  return samples;
}
