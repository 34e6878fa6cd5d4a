import type { OpInput } from '../../shared/contract/index.js';
import { isResultKind } from '../../shared/disclosure-domain.js';
import type { FindingKind } from '../../shared/logic/redact/index.js';
import { makeFinding } from '../../shared/logic/redact/index.js';
import { conflict, invalid, notFound } from '../errors.js';
import { patchNotice, patchResult, textFields } from './content.js';
import { rosterTable } from './roster-table.js';
import { decisionById } from './decision-source.js';
import { contentOf } from './evaluate.js';
import { storeImage } from './images.js';
import type { MaskOverride } from './redaction.js';
import { disclosureRepo, type Item } from './repo.js';
import { dueDates, logEvent, type Svc } from './service.js';

export function itemOrThrow(svc: Pick<Svc, 'app'>, id: number): Item {
  const item = disclosureRepo(svc.app).get(id);
  if (!item) throw notFound('该公示事项');
  return item;
}

/** Content edits are allowed until publication; an edit of a submitted or approved version returns it to draft. */
function assertEditable(item: Item): void {
  if (item.state === 'published' || item.state === 'superseded') {
    throw conflict('该事项已发布，不能直接修改。请使用“更正”生成新版本，并填写更正说明。');
  }
  if (item.state === 'withdrawn') throw conflict('该事项已撤回，不能修改。');
}

/** Writes the content of a version back as a draft (clearing any approval) and records the editor. */
function writeDraft(svc: Svc, before: Item, after: Item, note: string): void {
  const repo = disclosureRepo(svc.app);
  const editors = [...new Set([...before.editors, svc.actor.id])];
  repo.writeContent({
    id: before.id,
    state: 'draft',
    title: after.title,
    itemDate: after.itemDate,
    fields: JSON.stringify({ result: after.result, notice: after.notice }),
    redaction: JSON.stringify(after.redaction),
    kept: JSON.stringify(after.kept),
    imageSha256: after.imageSha256,
    imageName: after.imageName,
    imageMime: after.imageMime,
    editors: JSON.stringify(editors),
    at: svc.at,
  });
  if (before.state === 'pending' || before.state === 'approved') {
    logEvent(svc, before.id, 'reopen', before.state === 'approved' ? '审核通过后又被修改，需要重新审核' : '待审核时被修改，需要重新提交');
  }
  logEvent(svc, before.id, 'update', note);
  const d = before.decisionId ? decisionById(svc.app, before.decisionId) : null;
  const due = dueDates(svc.app, after, svc.today, d?.disclosureDueOn ?? null);
  repo.setDue(before.id, due.publishDueOn, due.takedownDueOn);
}

export function updateItem(svc: Svc, input: OpInput<'disclosure.update'>): void {
  const item = itemOrThrow(svc, input.id);
  assertEditable(item);
  if (input.result && !item.result) throw invalid('事前公开事项没有决定字段，请修改正文或表格。');
  if (input.notice && !item.notice) throw invalid('结果公示事项没有正文段落，请修改决定字段。');
  const image = input.image ? storeImage(svc.app, input.image, svc.at) : null;
  const result = item.result ? patchResult(item.result, input.result) : null;
  const after: Item = {
    ...item,
    title: input.title ?? item.title,
    itemDate: input.itemDate ?? (result && isResultKind(item.kind) && result.decidedOn ? result.decidedOn : item.itemDate),
    result,
    notice: item.notice ? patchNotice(item.notice, input.notice) : null,
    imageSha256: image?.sha256 ?? item.imageSha256,
    imageName: image?.name ?? item.imageName,
    imageMime: image?.mime ?? item.imageMime,
    redaction: {
      ...item.redaction,
      partyIsPerson: input.partyIsPerson ?? (input.result?.partyType ? input.result.partyType === 'person' : item.redaction.partyIsPerson),
      otherPersonNames: input.otherPersonNames ?? item.redaction.otherPersonNames,
    },
  };
  const changed = [...Object.keys(input.result ?? {}), ...Object.keys(input.notice ?? {}), ...(input.title ? ['title'] : []), ...(image ? ['image'] : [])];
  writeDraft(svc, item, after, changed.length ? `修改：${changed.join('、')}` : '');
  svc.audit('disclosure', item.id, { update: changed, from: item.state });
}

/** Replaces the reviewer's manual masks and undos (both given in full). */
export function setFindings(svc: Svc, input: OpInput<'disclosure.setFindings'>): void {
  const item = itemOrThrow(svc, input.id);
  assertEditable(item);
  const fields = new Map(textFields(item.kind, contentOf(item)).map((f) => [f.key, f]));
  const masks: MaskOverride[] = input.masks.map((m) => {
    const f = fields.get(m.field);
    if (!f) throw invalid(`没有名为 ${m.field} 的字段，请刷新后重试。`);
    if (m.end > f.value.length || m.start >= m.end) throw invalid(`“${f.label}”中所选范围无效，请重新选择。`);
    const finding = makeFinding(f.value, m.start, m.end, m.kind as FindingKind, m.replacement);
    return { field: m.field, start: m.start, end: m.end, kind: finding.kind, text: finding.text, replacement: finding.replacement };
  });
  const kept = [...new Set(input.kept)];
  writeDraft(svc, item, { ...item, kept }, `手工遮盖 ${masks.length} 处，保留 ${kept.length} 项`);
  disclosureRepo(svc.app).replaceOverrides(item.id, masks, svc.actor.id, svc.at);
  logEvent(svc, item.id, 'findings', `手工遮盖 ${masks.length} 处，保留公开 ${kept.length} 项`);
  svc.audit('disclosure', item.id, { masks: masks.map((m) => ({ field: m.field, kind: m.kind, start: m.start, end: m.end })), kept: kept.length });
}

/** A corrected version (更正) of a published item: a new draft with the 更正说明, same public address. */
export function correctItem(svc: Svc, input: OpInput<'disclosure.correct'>): number {
  const item = itemOrThrow(svc, input.id);
  const repo = disclosureRepo(svc.app);
  const series = repo.series(item.seriesId);
  const latest = series[series.length - 1];
  if (item.state !== 'published') throw conflict('只有已发布的事项可以更正；未发布的事项请直接修改。');
  if (latest.id !== item.id) throw conflict(`该事项已有更正稿（第 ${latest.version} 版，${latest.state === 'draft' ? '草稿' : '审核中'}），请在更正稿上修改。`);
  let notice = item.notice ? patchNotice(item.notice, input.notice) : null;
  let kept = item.kept;
  if (item.kind === 'roster' && !input.notice) {
    const r = rosterTable(svc.app, svc.today);
    notice = { ...notice!, table: r.table };
    kept = r.kept;
  }
  const result = item.result ? patchResult(item.result, input.result) : null;
  const next = { kind: item.kind, version: item.version + 1, result, redaction: item.redaction };
  const due = dueDates(svc.app, next, svc.today, null);
  const id = repo.insert({
    seriesId: item.seriesId,
    version: item.version + 1,
    kind: item.kind,
    title: input.title ?? item.title,
    itemDate: result && result.decidedOn ? result.decidedOn : item.itemDate,
    caseId: item.caseId,
    decisionId: item.decisionId,
    partyId: item.partyId,
    fields: JSON.stringify({ result, notice }),
    redaction: JSON.stringify(item.redaction),
    kept: JSON.stringify(kept),
    imageSha256: item.imageSha256,
    imageName: item.imageName,
    imageMime: item.imageMime,
    correctionNote: input.note,
    supersedes: item.id,
    createdBy: svc.actor.id,
    editors: JSON.stringify([svc.actor.id]),
    publishDueOn: due.publishDueOn,
    takedownDueOn: due.takedownDueOn,
    at: svc.at,
  });
  repo.replaceOverrides(id, repo.overrides(item.id), svc.actor.id, svc.at);
  logEvent(svc, id, 'correct', input.note);
  svc.audit('disclosure', id, { correctionOf: item.id, version: item.version + 1, note: input.note });
  return id;
}
