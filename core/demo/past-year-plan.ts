import type { CaseType, Stage } from '../../shared/domain.js';
import type { WorkdayCalendar } from '../../shared/logic/calendar.js';
import type { ChecklistItem, ReviewOutcome } from '../../shared/review-domain.js';
import { pastOutcome, type PastCaseFacts, type PastDecision } from './past-decisions.js';
import type { Rng } from './random.js';

/**
 * The life of a past demo case as dated steps, on the bureau's working days: investigation, legal
 * review (returned or changed now and then, a hearing before it when the party asked for one, a
 * collective discussion for a complex case), decision, its disclosure on the weekly publishing day,
 * service, execution, 结案 and 归档. `liveThroughCases` plays the steps of all cases in date order.
 */
export type PastAct =
  | { kind: 'record'; title: string; body: string }
  | { kind: 'stage'; stage: Stage; note: string }
  | { kind: 'noRecording'; reason: string }
  | { kind: 'submit'; proposal: PastDecision; hearingOn: string | null; resubmitted: boolean }
  | { kind: 'outcome'; outcome: ReviewOutcome; problems: ChecklistItem[]; opinion: string }
  | { kind: 'discussion' }
  | { kind: 'decide'; decision: PastDecision }
  | { kind: 'disclose' }
  | { kind: 'revoke' }
  | { kind: 'archive' };

export interface PastStep {
  on: string;
  act: PastAct;
}

export interface PastPlan {
  caseType: CaseType;
  steps: PastStep[];
  decision: PastDecision | null;
  decidedOn: string | null;
  /** The disclosure deadline of the decision (when it must be published). */
  disclosureDue: string | null;
}

export interface PlanSettings {
  calendar: WorkdayCalendar;
  /** Working days from a decision to its publication (公示期限). */
  publishWorkdays: number;
  /** Working days a legal review may take. */
  reviewWorkdays: number;
}

const OPINIONS: Record<'agree' | 'agreeCoercion' | 'return' | 'change' | 'transfer', string> = {
  agree: '经审核，本案事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，同意承办机构意见。',
  agreeCoercion: '经审核，实施扣押的事实依据和法律依据充分，程序合法，同意承办机构意见。',
  return: '经审核，询问笔录未经当事人逐页签名确认，证据尚不充分，请补充后重新送审。',
  change: '经审核，当事人系初次违法且积极配合调查，拟罚款数额与本局裁量基准不符，建议按从轻档次确定罚款数额。',
  transfer: '经审核，当事人滥伐林木蓄积已达到刑事立案追诉标准，建议移送公安机关依法处理。',
};

const isThursday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() === 4;

/** The bureau's publishing day on or after `from`: Thursdays (the next working day when a Thursday is off). */
export function publishDayFrom(cal: WorkdayCalendar, from: string): string {
  let d = from;
  while (!isThursday(d)) d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return cal.isWorkday(d) ? d : cal.addWorkdays(d, 1);
}

const yuan = (n: number) => n.toLocaleString('zh-CN');

/** The proposal after a review advised a lighter fine (从轻): 80 % of it, in hundreds. */
function lighter(p: PastDecision): PastDecision {
  const fine = Math.max(100, Math.round((p.fine * 0.8) / 100) * 100);
  return { ...p, fine, discretion: 'lighter', content: p.content.replace(`罚款人民币 ${yuan(p.fine)} 元`, `罚款人民币 ${yuan(fine)} 元`) };
}

export function planPastCase(f: PastCaseFacts & { openedOn: string; place: string; siteRecord: boolean }, rng: Rng, s: PlanSettings): PastPlan {
  const cal = s.calendar;
  const steps: PastStep[] = [];
  let d = f.openedOn;
  const at = (act: PastAct) => steps.push({ on: d, act });
  /** Moves on by `min`..`max` working days. */
  const after = (min: number, max: number) => (d = cal.addWorkdays(d, rng.int(min, max)));
  const plan: PastPlan = { caseType: f.caseType, steps, decision: null, decidedOn: null, disclosureDue: null };
  const close = (note: string) => {
    at({ kind: 'stage', stage: 'closing', note });
    after(3, 20);
    at({ kind: 'archive' });
    return plan;
  };

  if (f.siteRecord) at({ kind: 'record', title: '现场勘验笔录', body: `${f.openedOn} 执法人员在${f.place}进行现场勘验，当事人在场。勘验情况：${f.facts.slice(0, 60)}……` });
  const outcome = pastOutcome(f, rng);
  const simple = f.procedure === 'simple';
  if (!simple) {
    after(0, 2);
    at({ kind: 'stage', stage: 'investigation', note: f.caseType === 'permit' ? '受理申请，进行审查' : '' });
  }
  if (outcome.kind === 'dropped') {
    after(10, 30);
    return close('经调查，违法事实不能成立，撤销立案。');
  }
  const proposal = outcome.kind === 'transfer' ? outcome.proposal : outcome.decision;
  const seizure = proposal.measures.includes('seizure');
  const reviewed = (f.caseType === 'penalty' && !simple) || seizure;
  let decision = proposal;
  if (seizure) at({ kind: 'noRecording', reason: '扣押在木材检查站进行，由检查站固定视频监控全程录像，执法记录仪未开启；监控录像已刻录光盘附卷。' });
  if (reviewed) {
    if (seizure) after(1, 3);
    else after(8, 30);
    const hearingOn = proposal.flags.includes('hearingQualified') && rng.chance(0.4) ? cal.addWorkdays(d, -rng.int(2, 5)) : null;
    at({ kind: 'submit', proposal, hearingOn, resubmitted: false });
    const r = rng.next();
    if (outcome.kind === 'transfer') {
      after(1, 3);
      at({ kind: 'outcome', outcome: 'transfer', problems: ['crimeTransfer'], opinion: OPINIONS.transfer });
      after(1, 5);
      return close('涉嫌犯罪，已移送公安机关，本案终结。');
    }
    if (!seizure && r < 0.05) {
      after(1, 3);
      at({ kind: 'outcome', outcome: 'return', problems: ['facts'], opinion: OPINIONS.return });
      after(3, 8);
      at({ kind: 'submit', proposal, hearingOn: null, resubmitted: true });
    } else if (!seizure && r < 0.1 && proposal.fine >= 1000) {
      after(1, 3);
      at({ kind: 'outcome', outcome: 'change', problems: ['discretion'], opinion: OPINIONS.change });
      decision = lighter(proposal);
      after(2, 5);
      at({ kind: 'submit', proposal: decision, hearingOn: null, resubmitted: true });
    }
    // Now and then a review takes longer than allowed (the annual figures count it as late).
    if (rng.chance(0.02)) d = cal.addWorkdays(d, s.reviewWorkdays + 1);
    else after(1, 4);
    at({ kind: 'outcome', outcome: 'agree', problems: [], opinion: seizure ? OPINIONS.agreeCoercion : OPINIONS.agree });
    if (decision.flags.includes('complex')) {
      after(2, 6);
      at({ kind: 'discussion' });
    }
    after(seizure ? 0 : 1, seizure ? 1 : 4);
  } else if (!simple) {
    const [min, max] = ({ permit: [5, 15], inspection: [0, 4], levy: [3, 10], confirmation: [10, 20], coercion: [2, 8] } as Partial<Record<CaseType, [number, number]>>)[f.caseType] ?? [3, 15];
    after(min, max);
  }
  at({ kind: 'decide', decision });
  plan.decision = decision;
  plan.decidedOn = d;
  let published = d;
  if (f.caseType !== 'confirmation' && f.caseType !== 'other') {
    const due = cal.addWorkdays(d, s.publishWorkdays);
    const day = publishDayFrom(cal, cal.addWorkdays(d, 1));
    published = day <= due ? day : due;
    plan.disclosureDue = due;
    steps.push({ on: published, act: { kind: 'disclose' } });
  }
  if (f.caseType === 'inspection' || f.caseType === 'confirmation' || f.caseType === 'other') {
    after(0, 3);
    return finish(close(f.caseType === 'inspection' ? '检查结束，结案。' : '办理完毕，结案。'), published, cal, rng);
  }
  if (simple) at({ kind: 'stage', stage: 'service', note: '当场交付决定书' });
  else {
    after(0, 4);
    at({ kind: 'stage', stage: 'service', note: rng.chance(0.7) ? '直接送达' : '邮寄送达' });
  }
  const paid = decision.fine > 0 || decision.confiscation > 0;
  if (seizure) {
    after(0, 2);
    at({ kind: 'stage', stage: 'execution', note: '扣押措施已执行，现场笔录和扣押清单由当事人签字确认' });
    after(15, 22);
    return finish(close('扣押期满，涉案木材已依法处理，结案。'), published, cal, rng);
  }
  if (paid || f.caseType === 'levy') {
    after(simple ? 0 : 5, simple ? 5 : 15);
    at({ kind: 'stage', stage: 'execution', note: f.caseType === 'levy' ? '已缴纳森林植被恢复费' : decision.fine > 0 ? '当事人已缴纳罚款' : '没收财物已移交处置' });
  }
  after(1, 10);
  return finish(close(f.caseType === 'permit' ? '许可决定已送达，结案。' : '执行完毕，结案。'), published, cal, rng);
}

/** Archives only after the decision is on the website, so the package holds the published item. */
function finish(plan: PastPlan, published: string, cal: WorkdayCalendar, rng: Rng): PastPlan {
  const archive = plan.steps.find((x) => x.act.kind === 'archive')!;
  if (archive.on <= published) archive.on = cal.addWorkdays(published, rng.int(1, 5));
  return plan;
}

/** Publishes the decision late: the draft waits until after its deadline. */
export function publishLate(plan: PastPlan, rng: Rng, cal: WorkdayCalendar): void {
  const step = plan.steps.find((x) => x.act.kind === 'disclose');
  if (!step || !plan.disclosureDue) return;
  step.on = publishDayFrom(cal, cal.addWorkdays(plan.disclosureDue, rng.int(1, 4)));
  finish(plan, step.on, cal, rng);
  sortSteps(plan);
}

/**
 * The decision is revoked on reconsideration (行政复议撤销) some weeks after it was published: the
 * publisher withdraws it from the website that day, and the case is closed without execution.
 */
export function revokeOnReconsideration(plan: PastPlan, rng: Rng, cal: WorkdayCalendar): void {
  const published = plan.steps.find((x) => x.act.kind === 'disclose');
  if (!published) return;
  const revokedOn = cal.addWorkdays(published.on, rng.int(35, 45));
  const kept = plan.steps.filter((x) => !(x.act.kind === 'stage' && (x.act.stage === 'execution' || x.act.stage === 'closing')) && x.act.kind !== 'archive');
  const closedOn = cal.addWorkdays(revokedOn, rng.int(3, 8));
  plan.steps.splice(
    0,
    plan.steps.length,
    ...kept,
    { on: revokedOn, act: { kind: 'revoke' } },
    { on: closedOn, act: { kind: 'stage', stage: 'closing', note: '原处罚决定经行政复议被撤销，已重新调查处理，本案终结。' } },
    { on: cal.addWorkdays(closedOn, rng.int(5, 15)), act: { kind: 'archive' } },
  );
  sortSteps(plan);
}

function sortSteps(plan: PastPlan): void {
  const order = new Map(plan.steps.map((x, i) => [x, i]));
  plan.steps.sort((a, b) => a.on.localeCompare(b.on) || order.get(a)! - order.get(b)!);
}
