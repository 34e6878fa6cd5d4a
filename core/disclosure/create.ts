import { updateItem } from './edit.js';
import { rosterTable } from './roster-table.js';
import { DISCLOSURE_KIND_LABELS, isResultKind, type NoticeKind, type ResultKind } from '../../shared/disclosure-domain.js';
import type { NoticeFields, ResultFields } from '../../shared/disclosure-types.js';
import type { OpInput } from '../../shared/contract/index.js';
import { isMinorOn } from '../../shared/logic/redact/index.js';
import { todayLocal } from '../../shared/logic/calendar.js';
import { conflict, invalid, notFound, UserError } from '../errors.js';
import type { AppContext } from '../app.js';
import { emptyNotice, emptyResult, patchNotice, patchResult } from './content.js';
import { decisionById, decisionOfCase, measureWords, type DecisionFacts } from './decision-source.js';
import { storeImage } from './images.js';
import type { ItemRedaction } from './redaction.js';
import { disclosureRepo } from './repo.js';
import { dueDates, logEvent, type Svc } from './service.js';
import { loadDisclosureSettings } from './settings.js';

/** Inserts version 1 of a new item and logs it. Returns the id. */
function insertItem(
  svc: Svc,
  v: {
    kind: ResultKind | NoticeKind;
    title: string;
    itemDate: string;
    caseId?: number | null;
    decisionId?: number | null;
    partyId?: number | null;
    result?: ResultFields | null;
    notice?: NoticeFields | null;
    redaction: ItemRedaction;
    kept?: string[];
    image?: { sha256: string; name: string; mime: string } | null;
    decisionDue?: string | null;
  },
): number {
  const repo = disclosureRepo(svc.app);
  const item = { kind: v.kind, version: 1, result: v.result ?? null, redaction: v.redaction };
  const due = dueDates(svc.app, item, svc.today, v.decisionDue ?? null);
  const id = repo.insert({
    seriesId: null,
    version: 1,
    kind: v.kind,
    title: v.title,
    itemDate: v.itemDate,
    caseId: v.caseId ?? null,
    decisionId: v.decisionId ?? null,
    partyId: v.partyId ?? null,
    fields: JSON.stringify({ result: v.result ?? null, notice: v.notice ?? null }),
    redaction: JSON.stringify(v.redaction),
    kept: JSON.stringify(v.kept ?? []),
    imageSha256: v.image?.sha256 ?? null,
    imageName: v.image?.name ?? null,
    imageMime: v.image?.mime ?? null,
    correctionNote: null,
    supersedes: null,
    createdBy: svc.actor.id,
    editors: JSON.stringify([svc.actor.id]),
    publishDueOn: due.publishDueOn,
    takedownDueOn: due.takedownDueOn,
    at: svc.at,
  });
  logEvent(svc, id, 'create');
  svc.audit('disclosure', id, { created: v.kind, title: v.title, caseId: v.caseId ?? null, decisionId: v.decisionId ?? null });
  return id;
}

/**
 * Drafts a result from a case: the 双公示 fields from the case, its party and — when the review
 * backend recorded one — its decision; anything given in `input.result` wins. Minors' cases are
 * refused (never published).
 */
export function createFromCase(svc: Svc, input: OpInput<'disclosure.createFromCase'>, decision?: DecisionFacts | null): number {
  const { app } = svc;
  const c = app.repos.cases.get(input.caseId);
  if (!c) throw notFound('该案件');
  if (c.status === 'voided') throw invalid(`案件 ${c.caseNo} 已作废，不能公示。`);
  const kind = input.kind ?? c.caseType;
  if (!isResultKind(kind)) throw invalid('行政确认和“其他”类案件不在结果公示范围内；如需公示，请选择公示类别（处罚、许可、强制、征收或检查）。');
  const parties = app.repos.cases.parties(c.id);
  const d = decision === undefined ? decisionOfCase(app, c.id) : decision;
  const amountParty = d?.amounts[0]?.partyId;
  const party = parties.find((p) => p.id === (input.partyId ?? amountParty)) ?? (input.partyId ? null : parties[0]);
  if (!party) throw invalid(input.partyId ? '所选当事人不属于该案件。' : `案件 ${c.caseNo} 还没有登记当事人，请先补充当事人。`);
  const decidedOn = input.result?.decidedOn || d?.decidedOn || '';
  if (party.isMinor || (party.idNumber && isMinorOn(party.idNumber, decidedOn || svc.today))) {
    throw new UserError('MINOR_NOT_PUBLISHED', `当事人${party.name}为未成年人，依法不公开其案件信息，不能起草公示。`);
  }
  const repo = disclosureRepo(app);
  const existing = repo.ofCase(c.id).find((i) => i.state !== 'withdrawn' && i.partyId === party.id);
  // A draft already there is the one to work on: open it instead of a second. One written by hand
  // before the decision was recorded gets the decision now: its number, date, basis, content and
  // amounts fill the fields still blank (what the author typed stays), and its deadline follows.
  if (existing?.state === 'draft') {
    if (d && existing.decisionId == null) completeFromDecision(svc, existing.id, d, party.id);
    return existing.id;
  }
  if (existing) throw conflict(`本案当事人已有公示事项（编号 ${existing.seriesId}，${existing.title}），请在该事项上修改或更正。`);
  const bureau = app.repos.bureau.get();
  const amount = d?.amounts.find((a) => a.partyId === party.id);
  const base: ResultFields = {
    ...emptyResult(),
    partyName: party.name,
    partyType: party.kind === 'person' ? 'person' : 'organisation',
    creditCode: party.kind === 'person' ? '' : party.creditCode,
    legalRep: party.kind === 'person' ? '' : party.legalRep,
    decisionNo: d?.decisionNo ?? '',
    category: d ? measureWords(d.measures) : '',
    violation: c.title.replace(party.name, '').replace(/案$/, ''),
    facts: c.facts,
    basis: d?.legalBasis ?? '',
    content: d?.content ?? '',
    fine: amount ? amount.fine : null,
    confiscation: amount ? amount.confiscation : null,
    decidedOn,
    authority: bureau?.name ?? '',
    authorityCreditCode: bureau?.creditCode ?? '',
  };
  const result = patchResult(base, input.result);
  const others = parties.filter((p) => p.id !== party.id && p.kind === 'person').map((p) => p.name);
  const redaction: ItemRedaction = {
    partyIsPerson: result.partyType === 'person',
    partyIsMinor: false,
    otherPersonNames: [...new Set([...others, ...(input.otherPersonNames ?? [])])],
    partyStyle: loadDisclosureSettings(app).partyStyle,
  };
  const caseTitle = c.title.includes(party.name) ? c.title : `${party.name}${c.title}`;
  const title = input.title || `${caseTitle}${DISCLOSURE_KIND_LABELS[kind]}决定`;
  return insertItem(svc, {
    kind,
    title,
    itemDate: result.decidedOn || svc.today,
    caseId: c.id,
    decisionId: d?.id ?? null,
    partyId: party.id,
    result,
    redaction,
    decisionDue: d?.disclosureDueOn ?? null,
  });
}

function completeFromDecision(svc: Svc, itemId: number, d: DecisionFacts, partyId: number): void {
  const repo = disclosureRepo(svc.app);
  const item = repo.get(itemId);
  if (!item?.result || !repo.linkDecision(itemId, d.id)) return;
  const amount = d.amounts.find((a) => a.partyId === partyId);
  const fromDecision: Partial<ResultFields> = {
    decisionNo: d.decisionNo,
    decidedOn: d.decidedOn,
    category: measureWords(d.measures),
    basis: d.legalBasis,
    content: d.content,
    fine: amount ? amount.fine : null,
    confiscation: amount ? amount.confiscation : null,
  };
  const blanks = Object.fromEntries(
    Object.entries(fromDecision).filter(([k, v]) => {
      const now = item.result![k as keyof ResultFields];
      return v !== null && v !== '' && (now === null || now === '' || now === undefined);
    }),
  );
  updateItem(svc, { id: itemId, result: blanks } as OpInput<'disclosure.update'>);
}

/**
 * The draft for a decision recorded by the review backend (idempotent: the existing item's id
 * when there is one). Call it right after `decisions.record`; the decision's recorder is the author.
 */
export function draftFromDecision(app: AppContext, decisionId: number, actor?: { id: number; username: string }): number {
  const existing = disclosureRepo(app).idOfDecision(decisionId);
  if (existing) return existing;
  const d = decisionById(app, decisionId);
  if (!d) throw notFound('该决定');
  const by = actor ?? (app.db.prepare('SELECT id, username FROM users WHERE id = ?').get(d.recordedBy) as { id: number; username: string });
  const at = app.now().toISOString();
  const svc: Svc = {
    app,
    actor: by,
    at,
    today: todayLocal(app.now()),
    audit: (objectType, objectId, summary) =>
      app.audit.append({ userId: by.id, username: by.username, operation: 'disclosure.fromDecision', objectType, objectId: String(objectId), summary }),
  };
  return app.db.transaction(() => createFromCase(svc, { caseId: d.caseId }, d))();
}


/** Drafts a before-the-fact notice (the roster is generated from the officers register). */
export function createNotice(svc: Svc, input: OpInput<'disclosure.createNotice'>): number {
  let notice = patchNotice(emptyNotice(), input.notice);
  let kept: string[] = [];
  if (input.kind === 'roster') {
    const r = rosterTable(svc.app, svc.today);
    if (r.table.rows.length === 0) throw invalid('没有在岗且执法证有效的执法人员，无法生成执法人员名单。');
    notice = { ...notice, table: r.table };
    kept = r.kept;
  }
  const image = input.image ? storeImage(svc.app, input.image, svc.at) : null;
  if (input.kind === 'flowchart' && !image) throw invalid('执法流程图请上传流程图图片（PNG 或 JPG）。');
  return insertItem(svc, {
    kind: input.kind,
    title: input.title,
    itemDate: input.itemDate ?? svc.today,
    notice,
    redaction: { partyIsPerson: false, partyIsMinor: false, otherPersonNames: [], partyStyle: loadDisclosureSettings(svc.app).partyStyle },
    kept,
    image,
  });
}
