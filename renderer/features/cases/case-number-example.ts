import { formatCaseNumber } from '../../../shared/logic/case-number.js';
import { typeAbbreviation, type Settings } from '../../../shared/settings.js';
import type { CaseType } from '../../../shared/domain.js';

/** An example number in the bureau's pattern, e.g. 遂林罚〔2025〕12号; '' if the pattern is unusable. */
export function caseNumberExample(settings: Settings | undefined, unit: string, caseType: CaseType, year: number, seq = 12): string {
  if (!settings) return '';
  try {
    return formatCaseNumber(settings.caseNumberPattern, { unit, type: typeAbbreviation(settings, caseType), year, seq });
  } catch {
    return '';
  }
}
