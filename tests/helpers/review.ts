import type { SessionUser } from '../../core/accounts/sessions.js';
import type { ApiInput } from '../../shared/contract/index.js';
import { todayLocal } from '../../shared/logic/calendar.js';
import { CHECKLIST_ITEMS, type ReviewOutcome } from '../../shared/review-domain.js';
import { makeTestApp, officerInput, type TestApp } from './app.js';

/** People of a review scenario: two handlers, reviewers (qualified, unqualified, one also a handler), a head. */
export interface ReviewWorld {
  t: TestApp;
  handler: SessionUser;
  handler2: SessionUser;
  reviewer: SessionUser;
  reviewer2: SessionUser;
  unqualified: SessionUser;
  /** Holds the reviewer role and is qualified, but is linked to a handler of the case. */
  handlerReviewer: SessionUser;
  head: SessionUser;
  officers: { a: number; b: number; c: number };
  newCase(opts?: { procedure?: 'simple' | 'ordinary'; partyKind?: 'person' | 'organisation' }): Promise<ReviewCase>;
}

export interface ReviewCase {
  caseId: number;
  caseNo: string;
  partyId: number;
  records: { filing: number; interview: number; evidence: number; notice: number; statement: number };
}

export async function reviewWorld(opts: { now?: () => Date } = {}): Promise<ReviewWorld> {
  const t = await makeTestApp(opts);
  const officer = async (name: string) => (await t.call('officers.create', officerInput(name))).id;
  const a = await officer('王建国');
  const b = await officer('李秀英');
  const c = await officer('赵法审');
  const d = await officer('钱复核');
  const handler = await t.user('handler', ['officer'], { officerId: a });
  const handler2 = await t.user('handler2', ['officer'], { officerId: b });
  const reviewer = await t.user('reviewer', ['reviewer'], { officerId: c, reviewerQualified: true });
  const reviewer2 = await t.user('reviewer2', ['reviewer'], { officerId: d, reviewerQualified: true });
  const unqualified = await t.user('unqualified', ['reviewer'], { reviewerQualified: false });
  const handlerReviewer = await t.user('hreviewer', ['reviewer', 'officer'], { officerId: b, reviewerQualified: true });
  const head = await t.user('head', ['head']);

  async function newCase(o: { procedure?: 'simple' | 'ordinary'; partyKind?: 'person' | 'organisation' } = {}): Promise<ReviewCase> {
    const procedure = o.procedure ?? 'ordinary';
    const today = todayLocal(t.app.now());
    const party =
      o.partyKind === 'organisation'
        ? { kind: 'organisation' as const, name: '遂宁市某某木业有限公司', legalRep: '孙德明' }
        : { kind: 'person' as const, name: '张喆', address: '遂宁市船山区' };
    const created = await t.call(
      'cases.create',
      {
        caseType: 'penalty',
        procedure,
        title: '擅自改变林地用途案',
        place: '船山区永兴镇',
        facts: '当事人未经批准，在永兴镇某村擅自改变林地用途约 0.3 公顷。',
        openedOn: today,
        handlerIds: procedure === 'ordinary' ? [a, b] : [a],
        parties: [party],
      },
      handler,
    );
    const rec = async (title: string) => (await t.call('cases.addRecord', { caseId: created.id, title, body: `${title}（内容）` }, handler)).id;
    const records = {
      filing: await rec('立案审批表'),
      interview: await rec('询问笔录'),
      evidence: await rec('现场勘验图及照片'),
      notice: await rec('行政处罚事先告知书'),
      statement: await rec('陈述申辩笔录'),
    };
    const detail = await t.call('cases.get', { id: created.id }, handler);
    return { caseId: created.id, caseNo: created.caseNo, partyId: detail.parties[0].id, records };
  }

  return { t, handler, handler2, reviewer, reviewer2, unqualified, handlerReviewer, head, officers: { a, b, c }, newCase };
}

/** A complete submission of a 3,000-yuan fine (matches only the "ordinary penalty" rule). */
export function submitInput(k: ReviewCase, over: { fine?: number; statement?: string } = {}): ApiInput<'review.submit'> {
  return {
    caseId: k.caseId,
    proposal: {
      decisionType: 'penalty',
      measures: ['fine'],
      amounts: [{ partyId: k.partyId, fine: over.fine ?? 3000 }],
      legalBasis: '《森林法》第七十三条',
      discretion: 'ordinary',
      discretionNote: '裁量基准第 12 条',
      summary: '拟对当事人处以罚款人民币 3,000 元，并责令限期恢复原状。',
      flags: [],
    },
    materials: {
      filingApproval: [k.records.filing],
      interviewRecords: [k.records.interview],
      evidence: [k.records.evidence],
      notice: [k.records.notice],
      statement: [k.records.statement],
    },
    handlerStatement: over.statement ?? '事实清楚，证据确凿，拟按一般档次处罚。',
  };
}

export function recordInput(submissionId: number, outcome: ReviewOutcome, problemItems: string[] = []): ApiInput<'review.record'> {
  return {
    submissionId,
    outcome,
    checklist: CHECKLIST_ITEMS.map((item) =>
      problemItems.includes(item) ? { item, result: 'problem' as const, note: '询问笔录缺少当事人签名，请补正。' } : { item, result: 'pass' as const },
    ),
    opinion: outcome === 'agree' ? '经审核，本案事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，同意承办人意见。' : '经审核，本案证据尚不充分，请补充后重新送审。',
  };
}

export function decisionInput(k: ReviewCase, fine = 3000): ApiInput<'decisions.record'> {
  return {
    caseId: k.caseId,
    decidedOn: todayLocal(),
    decisionType: 'penalty',
    content: `对当事人处以罚款人民币 ${fine} 元，并责令限期恢复原状。`,
    measures: ['fine'],
    amounts: [{ partyId: k.partyId, fine }],
    legalBasis: '《森林法》第七十三条',
  };
}
