import { STAGES, STAGE_LABELS, type Stage } from '../../shared/domain.js';
import type { FieldWarning } from '../../shared/types.js';
import { conflict, invalid, notFound, UserError } from '../errors.js';
import { assertMayChangeCase } from '../cases/case-guard.js';
import { checkHandlers, checkParties } from '../cases/case-checks.js';
import { allocateCaseNumber, checkManualCaseNumber } from '../cases/case-numbers.js';
import { loadCaseDetail } from '../cases/case-detail.js';
import { addCaseRecord } from '../cases/case-records.js';
import type { CaseRow } from '../cases/cases-repo.js';
import { assertDecisionAllowed } from '../review/gate.js';
import { currentUser, type Handlers, type OpContext, type OpsWithPrefix } from './context.js';

function refuse(errors: FieldWarning[]): void {
  if (errors.length) throw invalid(errors.map((e) => e.message).join('；'), { fields: errors });
}

/** A case that can still be changed, by this user: it exists, is not voided or archived, and the user may change it (mayChangeCase). */
function editableCase(ctx: OpContext, id: number): CaseRow {
  const c = ctx.app.repos.cases.get(id);
  if (!c) throw notFound('该案件');
  if (c.status === 'voided') throw new UserError('CASE_READ_ONLY', `案件 ${c.caseNo} 已作废，不能再修改。`);
  if (c.stage === 'archived') throw new UserError('CASE_READ_ONLY', `案件 ${c.caseNo} 已归档，归档后的案卷只读。`);
  assertMayChangeCase(ctx.app, currentUser(ctx), id);
  return c;
}

const detail = (ctx: OpContext, id: number) => loadCaseDetail(ctx.app, id, ctx.today());

export const caseHandlers: Handlers<OpsWithPrefix<'cases.' | 'records.'>> = {
  'cases.list': (ctx, q) => ctx.app.repos.caseQueries.list(q, ctx.today()),

  'cases.get': (ctx, { id }) => detail(ctx, id),

  'cases.checkDraft': (ctx, d) => {
    const parties = d.parties ? checkParties(d.parties) : { errors: [], warnings: [] };
    const handlerErrors = d.handlerIds
      ? checkHandlers(d.handlerIds, d.procedure, (id) => ctx.app.repos.officers.get(id), ctx.today())
      : [];
    return { errors: [...handlerErrors, ...parties.errors], warnings: parties.warnings };
  },

  'cases.create': (ctx, d) => {
    const { app } = ctx;
    const { cases, officers } = app.repos;
    const checked = checkParties(d.parties);
    refuse([...checkHandlers(d.handlerIds, d.procedure, (id) => officers.get(id), ctx.today()), ...checked.errors]);
    if (d.openedOn > ctx.today()) throw invalid('立案日期不能晚于今天。');
    const year = Number(d.openedOn.slice(0, 4));
    const number = d.manualCaseNo
      ? checkManualCaseNumber(app, d.caseType, d.manualCaseNo)
      : { ...allocateCaseNumber(app, d.caseType, year), year };
    if (d.manualCaseNo) cases.bumpSeq(d.caseType, number.year, number.seq);
    const at = ctx.nowIso();
    const dueOn = app.calendar().addWorkdays(d.openedOn, app.settings.get().caseHandlingWorkdays);
    const id = cases.insert({
      caseNo: number.caseNo,
      caseType: d.caseType,
      year: number.year,
      seq: number.seq,
      procedure: d.procedure,
      title: d.title,
      place: d.place,
      facts: d.facts,
      openedOn: d.openedOn,
      dueOn,
      createdBy: ctx.user?.id ?? null,
      at,
    });
    for (const p of checked.parties) cases.insertParty(id, p, at);
    cases.setHandlers(id, d.handlerIds);
    cases.insertStage({ caseId: id, stage: 'filing', enteredOn: d.openedOn, note: '立案', userId: ctx.user?.id ?? null, at });
    cases.refreshSummaries(id);
    cases.refreshSearch(id);
    ctx.audit('case', id, {
      caseNo: number.caseNo,
      manual: !!d.manualCaseNo,
      caseType: d.caseType,
      procedure: d.procedure,
      title: d.title,
      parties: checked.parties.map((p) => p.name),
      handlers: d.handlerIds,
      warnings: checked.warnings.map((w) => w.message),
    });
    return { id, caseNo: number.caseNo, warnings: checked.warnings };
  },

  'cases.update': (ctx, { id, ...patch }) => {
    const before = editableCase(ctx, id);
    const after = {
      title: patch.title ?? before.title,
      place: patch.place ?? before.place,
      facts: patch.facts ?? before.facts,
    };
    ctx.app.repos.cases.updateText(id, after, ctx.nowIso());
    ctx.app.repos.cases.refreshSearch(id);
    ctx.audit('case', id, { before: { title: before.title, place: before.place, facts: before.facts }, after });
    return detail(ctx, id);
  },

  'cases.setHandlers': (ctx, { id, handlerIds }) => {
    const c = editableCase(ctx, id);
    const { cases, officers } = ctx.app.repos;
    refuse(checkHandlers(handlerIds, c.procedure, (o) => officers.get(o), ctx.today()));
    const before = cases.handlers(id).map((h) => h.officerId);
    cases.setHandlers(id, handlerIds);
    cases.refreshSummaries(id);
    ctx.audit('case', id, { before, after: handlerIds });
    return detail(ctx, id);
  },

  'cases.addParty': (ctx, { id, party }) => {
    editableCase(ctx, id);
    const checked = checkParties([party]);
    refuse(checked.errors);
    const { cases } = ctx.app.repos;
    const partyId = cases.insertParty(id, checked.parties[0], ctx.nowIso());
    cases.refreshSummaries(id);
    cases.refreshSearch(id);
    ctx.audit('case', id, { partyAdded: partyId, name: party.name, kind: party.kind });
    return { detail: detail(ctx, id), warnings: checked.warnings };
  },

  'cases.advanceStage': (ctx, { id, stage, enteredOn, note }) => {
    const c = editableCase(ctx, id);
    const from = STAGES.indexOf(c.stage);
    const to = STAGES.indexOf(stage as Stage);
    if (to <= from) {
      throw invalid(`案件当前处于“${STAGE_LABELS[c.stage]}”环节，不能回到或重复“${STAGE_LABELS[stage]}”环节。`);
    }
    if (stage === 'archived' && c.stage !== 'closing') throw invalid('案件须先结案，才能归档。');
    // 归档 is reached only through archive.create, which builds and verifies the case-file package first.
    if (stage === 'archived') {
      throw new UserError('ARCHIVE_PACKAGE_REQUIRED', `归档须生成案卷包：请在案件页点击“归档”，系统生成并校验案卷包后自动进入“归档”环节。`);
    }
    if (enteredOn < c.openedOn) throw invalid(`环节日期不能早于立案日期（${c.openedOn}）。`);
    if (enteredOn > ctx.today()) throw invalid('环节日期不能晚于今天。');
    const lastStage = ctx.app.repos.cases.stages(id).at(-1);
    if (lastStage && enteredOn < lastStage.enteredOn) {
      throw invalid(`环节日期不能早于上一环节“${STAGE_LABELS[lastStage.stage]}”的日期（${lastStage.enteredOn}）。`);
    }
    // The decision gate (法制审核): 决定, 送达 or 执行 imply a decision, which a major case may only have after review.
    // Closing without a decision (撤销立案、终止调查) is not gated.
    if (from < STAGES.indexOf('decision') && ['decision', 'service', 'execution'].includes(stage)) assertDecisionAllowed(ctx.app, id);
    const at = ctx.nowIso();
    const closedOn = stage === 'closing' ? (c.closedOn ?? enteredOn) : null;
    ctx.app.repos.cases.setStage(id, stage, closedOn, at);
    ctx.app.repos.cases.insertStage({ caseId: id, stage, enteredOn, note, userId: ctx.user?.id ?? null, at });
    ctx.audit('case', id, { from: c.stage, to: stage, enteredOn, note });
    return detail(ctx, id);
  },

  'cases.void': (ctx, { id, reason }) => {
    const c = editableCase(ctx, id);
    if (c.stage !== 'filing' && c.stage !== 'investigation') {
      throw conflict(`案件已进入“${STAGE_LABELS[c.stage]}”环节，不能作废编号。如需终止，请按程序结案。`);
    }
    ctx.app.repos.cases.setVoid(id, reason, ctx.nowIso());
    ctx.audit('case', id, { voided: c.caseNo, reason });
    return detail(ctx, id);
  },

  'cases.addRecord': (ctx, input) => {
    editableCase(ctx, input.caseId);
    return addCaseRecord(ctx, input);
  },

  'records.content': (ctx, { id }) => {
    const r = ctx.app.repos.cases.record(id);
    if (!r || !r.sha256) throw notFound('该附件');
    return { fileName: r.fileName ?? 'attachment', mime: r.mime ?? 'application/octet-stream', sha256: r.sha256, base64: ctx.app.vault.read(r.sha256).toString('base64') };
  },
};
