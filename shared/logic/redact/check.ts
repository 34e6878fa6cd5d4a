/**
 * The final automatic check before publication. It runs on the exact text
 * that will be uploaded (after the reviewer's edits), with the same options
 * used for redaction, and refuses while any personal-data pattern remains.
 *
 * Masked output never matches again: masks break every pattern (`*` inside
 * numbers, 某 in names, `***` after the district in addresses). Values the
 * reviewer deliberately kept (the bureau's hotline, its collection account,
 * an undone false positive) must be listed in `opts.keep`, so that a kept
 * value is a recorded decision rather than an unnoticed leak.
 *
 * A minor's case (`partyIsMinor`) is refused whatever the text says.
 */
import { findPersonalData } from './redact.js';
import type { PublishCheck, RedactOptions } from './types.js';

export function checkPublishable(text: string, opts: RedactOptions = {}): PublishCheck {
  const leaks = findPersonalData(text, opts);
  const blockers: PublishCheck['blockers'] = opts.partyIsMinor ? ['minor'] : [];
  return { ok: leaks.length === 0 && blockers.length === 0, leaks, blockers };
}

/** A Chinese sentence summarising a failed check, for the publisher. */
export function describeCheck(check: PublishCheck): string {
  if (check.ok) return '自动检查通过：未发现个人信息。';
  const parts: string[] = [];
  if (check.blockers.includes('minor')) parts.push('当事人为未成年人，案件信息不予公开');
  if (check.leaks.length > 0) parts.push(`仍有 ${check.leaks.length} 处个人信息未脱敏`);
  return `不能发布：${parts.join('；')}。`;
}
