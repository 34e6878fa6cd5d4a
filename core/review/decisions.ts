import { draftFromDecision } from '../disclosure/create.js';
import { loadDisclosureSettings } from '../disclosure/settings.js';
import { STAGES, STAGE_LABELS } from '../../shared/domain.js';
import type { OpInput } from '../../shared/contract/index.js';
import { addDays } from '../../shared/logic/calendar.js';
import { formatCaseNumber } from '../../shared/logic/case-number.js';
import { typeAbbreviation } from '../../shared/settings.js';
import type { DecisionInfo } from '../../shared/review-types.js';
import type { AppContext } from '../app.js';
import type { CaseRow } from '../cases/cases-repo.js';
import { forbidden, invalid, notFound, UserError } from '../errors.js';
import { currentUser, hasRole, type OpContext } from '../operations/context.js';
import { assertDecisionAllowed } from './gate.js';
import { reviewRepos } from './repos.js';
import { loadReviewSettings } from './review-config.js';
import { proposalProblems } from './submit.js';
import { decisionInfo } from './views.js';

/** Allocates the next 决定书文号 for a case type and year (never reused, skips numbers taken). */
export function allocateDecisionNumber(app: AppContext, c: CaseRow, year: number): { decisionNo: string; seq: number } {
  const pattern = loadReviewSettings(app).decisionNumberPattern;
  const unit = app.repos.bureau.get()!.unitAbbr;
  const type = typeAbbreviation(app.settings.get(), c.caseType);
  const { decisions } = reviewRepos(app);
  for (;;) {
    const seq = decisions.nextSeq(c.caseType, year);
    const decisionNo = formatCaseNumber(pattern, { unit, type, year, seq });
    if (!decisions.numberTaken(decisionNo)) return { decisionNo, seq };
  }
}

/**
 * Records a case's decision through the gate: numbers it, starts the disclosure clock
 * (decision date + N working days) and the service period, and moves the case to 决定.
 */
export function recordDecision(ctx: OpContext, input: OpInput<'decisions.record'>): DecisionInfo {
  const { app } = ctx;
  const user = currentUser(ctx);
  const c = app.repos.cases.get(input.caseId);
  if (!c) throw notFound('该案件');
  if (c.stage === 'archived') throw new UserError('CASE_READ_ONLY', `案件 ${c.caseNo} 已归档，归档后的案卷只读。`);
  const isHandler = user.officerId != null && app.repos.cases.handlers(c.id).some((h) => h.officerId === user.officerId);
  if (!hasRole(ctx, 'head') && !isHandler) throw forbidden('只有负责人或本案承办人可以记录决定。');
  if (input.decidedOn > ctx.today()) throw invalid('决定日期不能晚于今天。');
  if (input.decidedOn < c.openedOn) throw invalid(`决定日期不能早于立案日期（${c.openedOn}）。`);
  const problems = proposalProblems(app, c.id, input);
  if (problems.length) throw invalid(`决定内容有误：${problems.join('；')}。`, { problems });
  const gate = assertDecisionAllowed(app, c.id, input);

  const lastStage = app.repos.cases.stages(c.id).at(-1);
  const moveStage = STAGES.indexOf(c.stage) < STAGES.indexOf('decision');
  if (moveStage && lastStage && input.decidedOn < lastStage.enteredOn) {
    throw invalid(`决定日期不能早于“${STAGE_LABELS[lastStage.stage]}”环节的日期（${lastStage.enteredOn}）。`);
  }
  const settings = loadReviewSettings(app);
  const year = Number(input.decidedOn.slice(0, 4));
  const { decisionNo, seq } = allocateDecisionNumber(app, c, year);
  const at = ctx.nowIso();
  const totalFine = input.amounts.reduce((s, a) => s + a.fine, 0);
  const totalConfiscation = input.amounts.reduce((s, a) => s + a.confiscation, 0);
  const { decisions } = reviewRepos(app);
  decisions.insert({
    caseId: c.id,
    decisionNo,
    caseType: c.caseType,
    year,
    seq,
    decidedOn: input.decidedOn,
    decisionType: input.decisionType,
    content: input.content,
    measures: JSON.stringify(input.measures),
    amounts: JSON.stringify(input.amounts),
    totalFine: Math.round(totalFine * 100) / 100,
    totalConfiscation: Math.round(totalConfiscation * 100) / 100,
    legalBasis: input.legalBasis,
    basis: gate.basis!,
    submissionId: gate.submissionId,
    discussionId: gate.discussionId,
    disclosureDueOn: app.calendar().addWorkdays(input.decidedOn, loadDisclosureSettings(app).publishWorkdays),
    serviceDueOn: addDays(input.decidedOn, settings.serviceDays),
    recordedBy: user.id,
    recordedAt: at,
  });
  if (moveStage) {
    app.repos.cases.setStage(c.id, 'decision', null, at);
    app.repos.cases.insertStage({ caseId: c.id, stage: 'decision', enteredOn: input.decidedOn, note: `作出决定 ${decisionNo}`, userId: user.id, at });
  }
  ctx.audit('case', c.id, { decisionNo, decidedOn: input.decidedOn, basis: gate.basis, submissionId: gate.submissionId, discussionId: gate.discussionId, totalFine, totalConfiscation });
  const decision = decisions.ofCase(c.id)!;
  // The disclosure clock starts: a draft with the 双公示 fields, already redacted, for a person to confirm.
  // Drafting never blocks the decision: a minor's case is never published, and any other refusal is
  // left for the publisher to resolve by hand (the savepoint undoes a half-made draft).
  try {
    app.db.transaction(() => draftFromDecision(app, decision.id, { id: user.id, username: user.username }))();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    ctx.audit('case', c.id, { disclosureDraft: 'skipped', reason: e.message });
  }
  return decisionInfo(decision);
}
