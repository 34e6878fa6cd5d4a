import { formatCaseNumber, parseCaseNumber } from '../../shared/logic/case-number.js';
import { CASE_TYPE_LABELS, type CaseType } from '../../shared/domain.js';
import { typeAbbreviation } from '../../shared/settings.js';
import type { AppContext } from '../app.js';
import { conflict, invalid } from '../errors.js';

/**
 * Unified case numbers: allocated atomically inside the caller's transaction (sequence per
 * type and year, never reused), or checked when an existing paper case is registered by hand.
 */
export function allocateCaseNumber(app: AppContext, caseType: CaseType, year: number): { caseNo: string; seq: number } {
  const settings = app.settings.get();
  const unit = app.repos.bureau.get()!.unitAbbr;
  const type = typeAbbreviation(settings, caseType);
  for (;;) {
    const seq = app.repos.cases.nextSeq(caseType, year);
    const caseNo = formatCaseNumber(settings.caseNumberPattern, { unit, type, year, seq });
    // A number entered by hand earlier may already hold this text: skip it, never reuse.
    if (app.repos.cases.idByNo(caseNo) == null) return { caseNo, seq };
  }
}

export function checkManualCaseNumber(app: AppContext, caseType: CaseType, text: string): { caseNo: string; year: number; seq: number } {
  const settings = app.settings.get();
  const unit = app.repos.bureau.get()!.unitAbbr;
  const type = typeAbbreviation(settings, caseType);
  const parts = parseCaseNumber(settings.caseNumberPattern, text, { units: [unit], types: [type] });
  const example = formatCaseNumber(settings.caseNumberPattern, { unit, type, year: 2026, seq: 12 });
  if (!parts) throw invalid(`案件编号“${text}”格式不正确，应形如“${example}”。`, { fields: [{ field: 'manualCaseNo', message: '格式不正确' }] });
  if (parts.unit !== unit) throw invalid(`案件编号中的单位简称“${parts.unit}”与本单位（${unit}）不符。`);
  if (parts.type !== type) throw invalid(`案件编号中的类别“${parts.type}”与案件类型（${CASE_TYPE_LABELS[caseType]}，简称“${type}”）不符。`);
  if (parts.seq < 1) throw invalid('案件编号的序号应从 1 开始。');
  const caseNo = formatCaseNumber(settings.caseNumberPattern, parts);
  const taken = app.repos.cases.noBySeq(caseType, parts.year, parts.seq);
  if (app.repos.cases.idByNo(caseNo) != null || taken) throw conflict(`案件编号“${taken ?? caseNo}”已被使用（含已作废的编号），编号不能重复使用。`);
  return { caseNo, year: parts.year, seq: parts.seq };
}
