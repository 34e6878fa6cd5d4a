import { STAGES } from '../../shared/domain.js';
import { todayLocal } from '../../shared/logic/calendar.js';
import { CHECKLIST_ITEMS, type ChecklistItem, type ReviewOutcome } from '../../shared/review-domain.js';
import type { ReviewItemDetail } from '../../shared/review-types.js';
import type { SessionUser } from '../accounts/sessions.js';
import type { AppContext } from '../app.js';
import { decisionGate } from '../review/gate.js';
import { reviewerProblem } from '../review/reviewers.js';
import type { Rng } from './random.js';
import { must, sessionUserOf } from './seed-foundation.js';

/**
 * Demo reviews at every state, on existing demo cases (ordinary-procedure penalties not yet past
 * 审查), through the same operations as the UI. Each step runs on a date in the past (the app's
 * clock is moved for the step), so due dates, warnings and overdue items look real.
 */

type State =
  | 'submitted' | 'dueSoon' | 'held' | 'overdue' | 'extended' | 'returned' | 'resubmitted'
  | 'agreed' | 'changed' | 'discussion' | 'decided' | 'stale' | 'transfer';

/** State → how many working days ago the first submission was made. */
const PLAN: [State, number][] = [
  ['overdue', 9], ['decided', 9], ['resubmitted', 8], ['discussion', 7], ['extended', 6], ['returned', 6], ['transfer', 6],
  ['agreed', 5], ['changed', 5], ['dueSoon', 4], ['stale', 3], ['held', 2], ['submitted', 1],
];

export interface People {
  admin: SessionUser;
  head: SessionUser;
  handlers: SessionUser[];
  reviewers: SessionUser[];
}

export function people(app: AppContext): People {
  const users = app.repos.users.list().filter((u) => !u.disabled);
  const as = (pred: (u: (typeof users)[number]) => boolean) => users.filter(pred).map((u) => sessionUserOf(app, u.username));
  const [admin] = as((u) => u.roles.includes('admin'));
  const [head] = as((u) => u.roles.includes('head'));
  return {
    admin,
    head,
    handlers: as((u) => u.roles.includes('officer') && !u.roles.includes('reviewer') && u.officerId != null),
    reviewers: as((u) => u.roles.includes('reviewer') && u.reviewerQualified),
  };
}

/** Runs `fn` with the app's clock on `date` (10:00 local), then puts the clock back. */
export async function onDay<T>(app: AppContext, date: string, fn: () => Promise<T>): Promise<T> {
  const real = app.now;
  app.now = () => new Date(`${date}T10:00:00`);
  try {
    return await fn();
  } finally {
    app.now = real;
  }
}

/** A demo user who handles the case; if none does, the first demo handler becomes its lead handler (变更承办人). */
export async function handlerFor(app: AppContext, p: People, caseId: number): Promise<SessionUser> {
  const officers = app.repos.cases.handlers(caseId).map((h) => h.officerId);
  const found = p.handlers.find((u) => officers.includes(u.officerId!));
  if (found) return found;
  const user = p.handlers[caseId % p.handlers.length];
  await must(app, p.admin, 'cases.setHandlers', { id: caseId, handlerIds: [user.officerId!, ...officers.filter((o) => o !== user.officerId).slice(0, 1)] });
  return user;
}

async function materials(app: AppContext, handler: SessionUser, caseId: number) {
  const add = async (title: string, body: string) => (await must<{ id: number }>(app, handler, 'cases.addRecord', { caseId, title, body })).id;
  return {
    filingApproval: [await add('立案审批表', '经审查，符合立案条件，同意立案。')],
    interviewRecords: [await add('询问笔录', '问：你是否知道在林地上修建需要审批？答：知道，但没有办理。')],
    evidence: [await add('现场勘验图及照片', '勘验图一份，现场照片十二张。')],
    notice: [await add('行政处罚事先告知书', '已告知当事人拟作出的处罚及陈述、申辩和听证的权利。')],
    statement: [await add('陈述申辩笔录', '当事人表示认可违法事实，请求从轻处罚。')],
  };
}

/** The reviewer's checklist: every item passes except `problems`, each with `note` (or a stock note). */
export const checklist = (problems: ChecklistItem[] = [], note?: string) =>
  CHECKLIST_ITEMS.map((item) =>
    problems.includes(item)
      ? { item, result: 'problem' as const, note: note ?? (item === 'crimeTransfer' ? '毁坏林木数量达到刑事立案标准。' : '询问笔录未经当事人逐页签名，请补正。') }
      : { item, result: 'pass' as const },
  );

const OPINIONS: Record<ReviewOutcome, string> = {
  agree: '经审核，本案事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，同意承办机构意见。',
  change: '经审核，拟处罚款数额偏高，与本局裁量基准一般档次不符，建议变更为从轻档次。',
  correct: '经审核，适用法律条款有误，应予纠正。',
  return: '经审核，询问笔录未经当事人签名，证据尚不充分，请补充后重新送审。',
  transfer: '经审核，当事人毁坏林木数量已达刑事立案标准，建议移送公安机关。',
};

/** Seeds reviews at every state; returns how many cases reached each state. */
export async function seedReviews(app: AppContext, rng: Rng): Promise<Record<string, number>> {
  const p = people(app);
  if (!p.head || !p.handlers.length || !p.reviewers.length) return {};
  const cal = app.calendar();
  const today = todayLocal(app.now());
  const candidates = (app.db
    .prepare(
      `SELECT c.id, max(s.entered_on) AS last FROM cases c JOIN case_stages s ON s.case_id = c.id
       WHERE c.case_type = 'penalty' AND c.procedure = 'ordinary' AND c.status = 'active' AND c.stage IN ('filing', 'investigation', 'review')
         AND NOT EXISTS (SELECT 1 FROM review_submissions r WHERE r.case_id = c.id)
       GROUP BY c.id ORDER BY last`,
    )
    .all() as { id: number; last: string }[]).filter(() => rng.next() < 0.9);
  const counts: Record<string, number> = {};
  for (const [state, back] of PLAN) {
    const start = cal.addWorkdays(today, -back);
    const i = candidates.findIndex((c) => c.last <= start);
    if (i < 0) continue;
    const [{ id: caseId }] = candidates.splice(i, 1);
    const step = (n: number) => {
      const d = cal.addWorkdays(start, n);
      return d > today ? today : d;
    };
    await playState(app, p, caseId, state, start, step, rng);
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}

async function playState(app: AppContext, p: People, caseId: number, state: State, start: string, step: (n: number) => string, rng: Rng): Promise<void> {
  const handler = await onDay(app, start, () => handlerFor(app, p, caseId));
  const party = app.repos.cases.parties(caseId)[0];
  const fine = rng.int(2, 40) * 500;
  const submit = (date: string, amount: number, note: string) =>
    onDay(app, date, async () => {
      const m = await materials(app, handler, caseId);
      return must<ReviewItemDetail>(app, handler, 'review.submit', {
        caseId,
        proposal: {
          decisionType: 'penalty',
          measures: ['fine'],
          amounts: [{ partyId: party.id, fine: amount }],
          legalBasis: '《中华人民共和国森林法》第七十三条第一款',
          discretion: amount <= 5000 ? 'lighter' : 'ordinary',
          discretionNote: '遂宁市林业行政处罚裁量基准（2025 年版）第 12 项',
          summary: `拟对当事人处以罚款人民币 ${amount} 元，并责令限期恢复植被和林业生产条件。`,
          flags: [],
        },
        materials: m,
        handlerStatement: note,
      });
    });
  const reviewerOf = (item: ReviewItemDetail) =>
    p.reviewers.find((u) => u.id === item.assignee?.id) ?? p.reviewers.find((u) => !reviewerProblem(app, u.id, caseId, handler.id))!;
  const record = (item: ReviewItemDetail, date: string, outcome: ReviewOutcome, problems: ChecklistItem[] = []) =>
    onDay(app, date, () => must(app, reviewerOf(item), 'review.record', { submissionId: item.submissionId, checklist: checklist(problems), outcome, opinion: OPINIONS[outcome] }));

  const first = await submit(start, fine, '本案事实清楚，证据确凿，拟按一般档次处罚。');
  switch (state) {
    case 'held':
      await onDay(app, step(1), () => must(app, reviewerOf(first), 'review.claim', { submissionId: first.submissionId }));
      break;
    case 'extended':
      await onDay(app, step(4), () => must(app, reviewerOf(first), 'review.extend', { submissionId: first.submissionId, workdays: 3, reason: '需向外地林业部门调取林地权属证明。' }));
      break;
    case 'returned':
      await record(first, step(2), 'return', ['facts']);
      break;
    case 'resubmitted': {
      await record(first, step(2), 'return', ['facts']);
      await submit(step(4), fine, '已补充当事人签名的询问笔录。');
      break;
    }
    case 'agreed':
      await record(first, step(2), 'agree');
      break;
    case 'changed':
      await record(first, step(2), 'change', ['discretion']);
      break;
    case 'transfer':
      await record(first, step(2), 'transfer', ['crimeTransfer']);
      break;
    case 'discussion':
      await record(first, step(2), 'change', ['discretion']);
      await onDay(app, step(4), () =>
        must(app, p.head, 'review.discussion.record', {
          caseId,
          heldOn: step(4),
          participants: ['局长', '分管副局长', '法规科科长', '执法大队队长'],
          minutes: '承办机构认为当事人系再次违法，应按一般档次处罚；法制审核机构建议从轻。经讨论，多数意见同意按承办机构意见处理。',
          conclusion: 'approve',
          note: '当事人系再次违法，不适用从轻情节。',
        }),
      );
      break;
    case 'decided': {
      await record(first, step(2), 'agree');
      const date = step(3);
      if (decisionGate(app, caseId).allowed && STAGES.indexOf(app.repos.cases.get(caseId)!.stage) < STAGES.indexOf('decision')) {
        await onDay(app, date, () =>
          must(app, p.head, 'decisions.record', {
            caseId,
            decidedOn: date,
            decisionType: 'penalty',
            content: `对当事人处以罚款人民币 ${fine} 元，并责令限期恢复植被和林业生产条件。`,
            measures: ['fine'],
            amounts: [{ partyId: party.id, fine }],
            legalBasis: '《中华人民共和国森林法》第七十三条第一款',
          }),
        );
      }
      break;
    }
    case 'stale':
      await onDay(app, step(1), () =>
        must(app, handler, 'cases.update', { id: caseId, facts: `${app.repos.cases.get(caseId)!.facts}（补充：经复测，实际面积较立案时增加。）` }),
      );
      break;
    default:
      break; // submitted, dueSoon, overdue: the submission is the state
  }
}
