import { addDays } from '../../shared/logic/calendar.js';
import type { PublishJobStatus } from '../../shared/disclosure-types.js';
import type { ReviewItemDetail } from '../../shared/review-types.js';
import type { SessionUser } from '../accounts/sessions.js';
import type { AppContext } from '../app.js';
import { loadDisclosureSettings } from '../disclosure/settings.js';
import { UserError } from '../errors.js';
import { loadReviewSettings } from '../review/review-config.js';
import { reviewerProblem } from '../review/reviewers.js';
import { demoSiteTarget } from './disclosure-seed.js';
import type { PastDecision } from './past-decisions.js';
import { annualReportSteps, type DatedStep } from './past-year-report.js';
import { planPastCase, publishLate, revokeOnReconsideration, type PastPlan, type PastStep } from './past-year-plan.js';
import type { Rng } from './random.js';
import { checklist, handlerFor, onDay, people, type People } from './review-seed.js';
import { activeOfficerIds, draftCase, must, sessionUserOf, type PastCase } from './seed-foundation.js';

export interface LivedCaseCounts {
  cases: number;
  decisions: number;
  reviews: number;
  published: number;
  archived: number;
}

/**
 * Cases opened early last year, before the window the main seed covers (from 2 January to the day
 * before `until`): drafted like the others, then created in date order on their opening days, so
 * their numbers run with their dates. About `perMonth` a month.
 */
export async function createEarlyCases(app: AppContext, handlers: SessionUser[], officerIds: number[], rng: Rng, today: string, until: string, perMonth = 2): Promise<PastCase[]> {
  const from = `${Number(today.slice(0, 4)) - 1}-01-02`;
  const cal = app.calendar();
  const days = Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000);
  if (days <= 0) return [];
  const officers = activeOfficerIds(app, officerIds, today);
  const drafts = Array.from({ length: Math.round((days / 30.4) * perMonth) }, () => {
    // Cases are opened on working days: a weekend or holiday draw moves to the working day before.
    const draft = draftCase(rng, () => {
      const d = addDays(from, rng.int(0, days - 1));
      if (cal.isWorkday(d)) return d;
      const before = cal.addWorkdays(d, -1);
      return before >= from ? before : cal.addWorkdays(d, 1);
    });
    const user = rng.pick(handlers);
    const second = rng.pick(officers.filter((o) => o !== user.officerId));
    return { draft, user, second, siteRecord: rng.chance(0.3) };
  }).sort((a, b) => a.draft.openedOn.localeCompare(b.draft.openedOn));
  const out: PastCase[] = [];
  for (const { draft, user, second, siteRecord } of drafts) {
    const { party, ...fields } = draft;
    const created = await onDay(app, draft.openedOn, () =>
      must<{ id: number }>(app, user, 'cases.create', { ...fields, handlerIds: draft.procedure === 'simple' ? [user.officerId!] : [user.officerId!, second], parties: [party] }),
    );
    out.push({ id: created.id, user, siteRecord });
  }
  return out;
}

interface Actors {
  p: People;
  head: SessionUser;
  publisher: SessionUser;
  targetId: number;
}

type Materials = Record<'filingApproval' | 'interviewRecords' | 'evidence', number[]> & Partial<Record<'notice' | 'statement' | 'hearing', number[]>> & { hearingRequested: boolean };

interface CaseState {
  c: PastCase;
  handler?: SessionUser;
  submission?: ReviewItemDetail;
  materials?: Materials;
}

/**
 * The cases opened before the recent weeks (`past`), as the bureau lived them: each case's steps
 * (past-year-plan.ts) are played in date order with the clock on that day, through the same
 * operations as the UI: legal reviews, decisions (which start their disclosure drafts), the weekly
 * approval and publishing of the decisions (two of last year's published late, one withdrawn after
 * a reconsideration revoked it), stages up to 结案, and 归档 with the case-file package; then, in
 * March, last year's statistics reported and published (past-year-report.ts). Steps that would fall
 * after today are left for later, so a case opened a few months ago may still be open.
 */
export async function liveThroughCases(app: AppContext, past: PastCase[], rng: Rng, today: string): Promise<LivedCaseCounts> {
  const p = people(app);
  const actors: Actors = { p, head: p.head, publisher: sessionUserOf(app, 'gongkai'), targetId: (await demoSiteTarget(app, p.admin)).id };
  const cal = app.calendar();
  const settings = { calendar: cal, publishWorkdays: loadDisclosureSettings(app).publishWorkdays, reviewWorkdays: loadReviewSettings(app).dueWorkdays };
  const lastYear = String(Number(today.slice(0, 4)) - 1);
  const plans: { state: CaseState; plan: PastPlan }[] = [];
  for (const c of [...past].sort((a, b) => a.id - b.id)) {
    const row = app.repos.cases.get(c.id)!;
    if (row.status !== 'active') continue;
    const party = app.repos.cases.parties(c.id)[0];
    const plan = planPastCase({ ...row, partyKind: party.kind, siteRecord: c.siteRecord }, rng, settings);
    plans.push({ state: { c }, plan });
  }
  // Two of last year's decisions published late, one penalty revoked on reconsideration in the summer.
  const lastYears = plans.filter((x) => x.plan.disclosureDue?.startsWith(lastYear)).map((x) => x.plan);
  for (const plan of [lastYears[Math.floor(lastYears.length * 0.3)], lastYears[Math.floor(lastYears.length * 0.75)]]) if (plan) publishLate(plan, rng, cal);
  const revoked = lastYears.find((x) => x.caseType === 'penalty' && x.decision?.decisionType === 'penalty' && x.decidedOn! >= `${lastYear}-05-01` && !x.steps.some((s) => s.act.kind === 'disclose' && s.on > x.disclosureDue!));
  if (revoked) revokeOnReconsideration(revoked, rng, cal);

  // Every step in date order; on a day, the cases' steps, then approvals, then the publishing run.
  const events: (DatedStep & { order: number })[] = [];
  const publishDays = new Set<string>();
  plans.forEach(({ state, plan }, i) =>
    plan.steps.forEach((step, j) => {
      if (step.act.kind === 'disclose' || step.act.kind === 'revoke') publishDays.add(step.on);
      events.push({ on: step.on, phase: step.act.kind === 'disclose' ? 1 : 0, order: i * 100 + j, run: () => perform(app, actors, state, step) });
    }),
  );
  const report = annualReportSteps(app, { head: actors.head, officer: sessionUserOf(app, 'zhifa1'), publisher: actors.publisher }, Number(lastYear), today);
  events.push(...report.steps.map((x) => ({ ...x, order: -1 })));
  if (report.publishOn) publishDays.add(report.publishOn);
  for (const day of publishDays) events.push({ on: day, phase: 2, order: 0, run: () => publish(app, actors) });
  events.sort((a, b) => a.on.localeCompare(b.on) || a.phase - b.phase || a.order - b.order);
  for (const e of events) if (e.on <= today) await onDay(app, e.on, e.run);

  const ids = JSON.stringify(plans.map((x) => x.state.c.id));
  const mine = 'IN (SELECT value FROM json_each(?))';
  const count = (sql: string) => app.db.prepare(sql).pluck().get(ids) as number;
  return {
    cases: plans.length,
    decisions: count(`SELECT count(*) FROM decisions WHERE case_id ${mine}`),
    reviews: count(`SELECT count(*) FROM review_submissions WHERE case_id ${mine}`),
    published: count(`SELECT count(DISTINCT case_id) FROM disclosure_items WHERE case_id ${mine} AND first_published_at IS NOT NULL`),
    archived: count(`SELECT count(*) FROM cases WHERE stage = 'archived' AND id ${mine}`),
  };
}

async function publish(app: AppContext, a: Actors): Promise<void> {
  const r = await must<PublishJobStatus>(app, a.publisher, 'publish.run', { targetId: a.targetId, wait: true });
  if (r.state !== 'done') throw new UserError(r.error?.code ?? 'DEMO_PUBLISH', r.error?.message ?? '演示网站发布失败');
}

const amountsOf = (partyId: number, d: PastDecision) => (d.fine > 0 || d.confiscation > 0 ? [{ partyId, fine: d.fine, confiscation: d.confiscation }] : []);

async function perform(app: AppContext, a: Actors, s: CaseState, step: PastStep): Promise<void> {
  const caseId = s.c.id;
  const act = step.act;
  const party = () => app.repos.cases.parties(caseId)[0];
  const itemOf = (state: string) => app.db.prepare(`SELECT id FROM disclosure_items WHERE case_id = ? AND state = ? ORDER BY id DESC LIMIT 1`).pluck().get(caseId, state) as number | undefined;
  switch (act.kind) {
    case 'record':
      await must(app, s.c.user, 'cases.addRecord', { caseId, title: act.title, body: act.body });
      return;
    case 'stage':
      await must(app, s.c.user, 'cases.advanceStage', { id: caseId, stage: act.stage, enteredOn: step.on, note: act.note });
      return;
    case 'noRecording':
      s.handler ??= await handlerFor(app, a.p, caseId);
      await must(app, s.handler, 'media.recordNoRecordingReason', { caseId, matter: 'seizure', reason: act.reason });
      return;
    case 'submit': {
      s.handler ??= await handlerFor(app, a.p, caseId);
      const materials = await materialsFor(app, s, act.proposal, act.hearingOn, act.resubmitted);
      s.submission = await must<ReviewItemDetail>(app, s.handler, 'review.submit', {
        caseId,
        proposal: {
          decisionType: act.proposal.decisionType,
          measures: act.proposal.measures,
          amounts: amountsOf(party().id, act.proposal),
          legalBasis: act.proposal.legalBasis,
          discretion: act.proposal.discretion,
          discretionNote: act.proposal.decisionType === 'penalty' ? '遂宁市林业行政处罚裁量基准（2024 年版）' : '',
          summary: `拟${act.proposal.content}`,
          flags: act.proposal.flags,
        },
        materials,
        handlerStatement: act.resubmitted ? '已按审核意见补充、修改，请予审核。' : '本案事实清楚，证据确凿，程序合法，请予审核。',
      });
      return;
    }
    case 'outcome': {
      const item = s.submission!;
      const reviewer = a.p.reviewers.find((u) => u.id === item.assignee?.id) ?? a.p.reviewers.find((u) => !reviewerProblem(app, u.id, caseId, s.handler!.id))!;
      await must(app, reviewer, 'review.record', { submissionId: item.submissionId, checklist: checklist(act.problems, act.problems.length ? act.opinion : undefined), outcome: act.outcome, opinion: act.opinion });
      return;
    }
    case 'discussion':
      await must(app, a.head, 'review.discussion.record', {
        caseId,
        heldOn: step.on,
        participants: ['局长', '分管副局长', '法规科科长', '执法大队队长'],
        minutes: '承办机构汇报了案件事实、证据和拟处理意见，法制审核机构汇报了审核意见。经讨论，一致同意按审核通过的意见作出处罚决定。',
        conclusion: 'approve',
        note: '',
      });
      return;
    case 'decide':
      await must(app, a.head, 'decisions.record', {
        caseId,
        decidedOn: step.on,
        decisionType: act.decision.decisionType,
        content: act.decision.content,
        measures: act.decision.measures,
        amounts: amountsOf(party().id, act.decision),
        legalBasis: act.decision.legalBasis,
      });
      return;
    case 'disclose': {
      const id = itemOf('draft');
      if (!id) return;
      await must(app, s.c.user, 'disclosure.submit', { id });
      await must(app, a.publisher, 'disclosure.approve', { id, note: '已核对脱敏' });
      return;
    }
    case 'revoke': {
      const id = itemOf('published');
      if (id) await must(app, a.publisher, 'disclosure.withdraw', { id, event: 'revoked', eventOn: step.on, reason: '经行政复议，原处罚决定被撤销。' });
      return;
    }
    case 'archive':
      await must(app, a.head, 'archive.create', { caseId });
      return;
  }
}

/** The submission's materials as case records (a second round adds what the review asked for). */
async function materialsFor(app: AppContext, s: CaseState, d: PastDecision, hearingOn: string | null, resubmitted: boolean): Promise<Materials> {
  const add = async (title: string, body: string) => (await must<{ id: number }>(app, s.handler!, 'cases.addRecord', { caseId: s.c.id, title, body })).id;
  if (resubmitted && s.materials) {
    s.materials.interviewRecords.push(await add('询问笔录（补充）', '当事人已逐页签名确认询问笔录内容。'));
    return s.materials;
  }
  const coercion = d.decisionType === 'coercion';
  const m: Materials = {
    hearingRequested: !!hearingOn,
    filingApproval: [await add('立案审批表', '经审查，符合立案条件，同意立案。')],
    interviewRecords: [await add(coercion ? '现场笔录' : '询问笔录', coercion ? '执法人员出示执法证件，现场清点涉案木材并制作扣押清单，当事人签字确认。' : '问：你是否知道该行为需要依法审批？答：知道，但没有办理。')],
    evidence: [await add(coercion ? '扣押物品清单及照片' : '现场勘验图及照片', coercion ? '扣押物品清单一份，现场照片八张。' : '勘验图一份，现场照片十二张。')],
  };
  if (d.decisionType === 'penalty') {
    m.notice = [await add('行政处罚事先告知书', `已告知当事人拟作出的处罚及陈述、申辩${d.flags.includes('hearingQualified') ? '和要求听证' : ''}的权利。`)];
    m.statement = [await add('陈述申辩笔录', '当事人表示认可违法事实，请求从轻处罚。')];
  }
  if (hearingOn) {
    m.hearing = [
      await add('听证笔录', `${hearingOn} 在本局听证室举行听证，当事人及其委托代理人到场，调查人员提出违法事实、证据和处罚建议，当事人进行了申辩和质证。`),
      await add('听证报告', '听证主持人认为，本案违法事实清楚，证据确凿，建议维持拟作出的处罚决定。'),
    ];
  }
  s.materials = m;
  return m;
}
