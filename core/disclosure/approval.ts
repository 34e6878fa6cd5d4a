import type { OpInput } from '../../shared/contract/index.js';
import { isResultKind, WITHDRAW_EVENT_LABELS } from '../../shared/disclosure-domain.js';
import { conflict, forbidden, invalid, UserError } from '../errors.js';
import { missingForSubmit } from './content.js';
import { itemOrThrow } from './edit.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { checkPdf, markChecked, PDF_KEY } from './final-check.js';
import { registerVaultObject } from './images.js';
import { renderDisclosurePdf } from './pdf.js';
import { contentHashOf, pdfSource } from './public-item.js';
import { disclosureRepo, type Item } from './repo.js';
import { logEvent, type Svc } from './service.js';
import { loadDisclosureSettings } from './settings.js';

/** Refuses while personal data is left, masks went stale, or the party is a minor. */
function assertClean(ev: Evaluation): void {
  if (ev.redacted.stale.length) {
    const list = ev.redacted.stale.map((s) => `“${s.text}”`).join('、');
    throw new UserError('REDACTION_STALE', `正文修改后，${ev.redacted.stale.length} 处手工遮盖（${list}）已找不到对应文字。请重新检查脱敏标记后再提交。`, {
      stale: ev.redacted.stale,
    });
  }
  if (!ev.check.ok) throw new UserError(ev.options.partyIsMinor ? 'MINOR_NOT_PUBLISHED' : 'PERSONAL_DATA_LEFT', ev.check.message, { leaks: ev.check.leaks });
}

export function submitItem(svc: Svc, id: number): void {
  const item = itemOrThrow(svc, id);
  if (item.state !== 'draft') throw conflict(item.state === 'pending' ? '该事项已提交，正在等待审核。' : '只有草稿可以提交审核。');
  const missing = missingForSubmit(item.kind, item, !!item.imageSha256);
  if (missing.length) throw invalid(`请先填写：${missing.join('、')}。`, { missing });
  assertClean(evaluate(svc.app, item, svc.today));
  disclosureRepo(svc.app).submit(item.id, svc.actor.id, svc.at);
  logEvent(svc, item.id, 'submit');
  svc.audit('disclosure', item.id, { submitted: true });
}

/** The PDF of a result, regenerated from the redacted text, checked on its own bytes and stored. */
function publicPdf(svc: Svc, item: Item, ev: Evaluation): { sha256: string; size: number } {
  const bureau = svc.app.repos.bureau.get();
  const src = pdfSource(ev.pub, bureau?.name ?? '', ev.redactedFullText);
  const pdf = renderDisclosurePdf({ ...src, date: item.itemDate, title: ev.pub.title, author: bureau?.name ?? '' });
  const problems = checkPdf(pdf.bytes, pdf.text, ev.options);
  if (problems.length) {
    throw new UserError('PERSONAL_DATA_LEFT', `生成的公开版决定书（PDF）中仍有个人信息：${problems.map((p) => `“${p.text}”`).join('、')}。请遮盖后再审核。`, {
      leaks: problems,
    });
  }
  const stored = svc.app.vault.putBytes(pdf.bytes);
  registerVaultObject(svc.app, stored.sha256, stored.size, svc.at);
  markChecked(svc.app, stored.sha256, PDF_KEY, svc.at);
  return { sha256: stored.sha256, size: stored.size };
}

/**
 * Approval by a publisher who neither wrote nor edited this version (four eyes). Freezes the
 * public form: redacted content, regenerated PDF and the content hash; the site is built from it.
 */
export function approveItem(svc: Svc, id: number, note: string): void {
  const item = itemOrThrow(svc, id);
  if (item.state !== 'pending') throw conflict(item.state === 'draft' ? '该事项尚未提交审核。' : '只有待审核的事项可以审核通过。');
  if (item.createdBy === svc.actor.id || item.editors.includes(svc.actor.id)) {
    throw forbidden('不能审核自己起草或修改过的公示事项，请由另一位信息公开员审核。');
  }
  const ev = evaluate(svc.app, item, svc.today);
  assertClean(ev);
  const pub = { ...ev.pub, pdf: isResultKind(item.kind) ? publicPdf(svc, item, ev) : null };
  const hash = contentHashOf(pub);
  const changed = disclosureRepo(svc.app).approve({
    id: item.id,
    by: svc.actor.id,
    at: svc.at,
    on: svc.today,
    publicContent: JSON.stringify(pub),
    pdfSha256: pub.pdf?.sha256 ?? null,
    contentHash: hash,
  });
  if (changed !== 1) throw conflict('该事项刚被他人修改，请刷新后重新审核。');
  logEvent(svc, item.id, 'approve', note, hash);
  svc.audit('disclosure', item.id, { approved: true, contentHash: hash, note });
}

export function rejectItem(svc: Svc, id: number, reason: string): void {
  const item = itemOrThrow(svc, id);
  if (item.state !== 'pending') throw conflict('只有待审核的事项可以退回。');
  disclosureRepo(svc.app).reject(item.id, reason, svc.at);
  logEvent(svc, item.id, 'reject', reason);
  svc.audit('disclosure', item.id, { rejected: reason });
}

/**
 * Takes a series off the site: every version not yet superseded becomes `withdrawn`. The
 * take-down is due within N working days of the event (000: 1) and is done by the next publish;
 * a series that never reached the site needs no take-down.
 */
export function withdrawItem(svc: Svc, input: OpInput<'disclosure.withdraw'>): void {
  const item = itemOrThrow(svc, input.id);
  if (input.eventOn > svc.today) throw invalid('事件日期不能晚于今天。');
  const repo = disclosureRepo(svc.app);
  const series = repo.series(item.seriesId).filter((v) => v.state !== 'superseded' && v.state !== 'withdrawn');
  if (series.length === 0) throw conflict('该事项已撤回。');
  const live = series.some((v) => v.state === 'published');
  const dueOn = svc.app.calendar().addWorkdays(input.eventOn, loadDisclosureSettings(svc.app).withdrawWorkdays);
  for (const v of series) {
    repo.withdraw({ id: v.id, event: input.event, eventOn: input.eventOn, reason: input.reason, by: svc.actor.id, at: svc.at, dueOn, takenDownAt: live ? null : svc.at });
    logEvent(svc, v.id, 'withdraw', `${WITHDRAW_EVENT_LABELS[input.event]}：${input.reason}`);
  }
  svc.audit('disclosure', item.id, { withdrawn: input.event, eventOn: input.eventOn, reason: input.reason, dueOn, live });
}
