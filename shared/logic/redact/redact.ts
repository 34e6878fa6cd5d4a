/**
 * The redaction engine: detect, let a reviewer adjust, apply.
 *
 *   const { text, findings } = redact(decisionText, { partyName: '张三', partyIsPerson: true });
 *   // the UI highlights `findings`; the reviewer drops or adds some, then
 *   const published = applyRedaction(decisionText, adjustedFindings);
 *   checkPublishable(published, sameOptions)   // must be ok before upload
 *
 * Kind-specific rules (RedactOptions.kind):
 * - penalty, coercion, inspection, other: everything is masked, the party's
 *   name per `partyStyle` (default 张某某);
 * - permit, levy: the party's name is kept; ID, phones, bank cards, e-mail,
 *   home address, plates and other persons' names are still masked.
 * Minors' cases are never published: see `partyIsMinor` and checkPublishable.
 */
import { findAddresses } from './address.js';
import { findEmails } from './email.js';
import { dropKept, mergeFindings } from './merge.js';
import { buildNameTable, findNameOccurrences, harvestCueNames } from './names.js';
import { shadowOf } from './normalise.js';
import { findBankCards, findIdNumbers, findLandlines, findMobiles } from './patterns.js';
import { findPlates } from './plate.js';
import type { Finding, RedactOptions, RedactResult } from './types.js';

/** All personal data in `text`, sorted by offset and non-overlapping. */
export function findPersonalData(text: string, opts: RedactOptions = {}): Finding[] {
  const shadow = shadowOf(text);
  const raw: Finding[] = [];
  findIdNumbers(text, shadow, raw);
  findBankCards(text, shadow, raw);
  findMobiles(text, shadow, raw);
  findLandlines(text, shadow, raw);
  findEmails(text, shadow, raw);
  findAddresses(text, shadow, { partyIsPerson: opts.partyIsPerson, keepOrganisations: opts.keepAddressesOf !== 'none' }, raw);
  findPlates(text, shadow, opts.partyIsPerson, raw);
  const table = buildNameTable(
    {
      kind: opts.kind ?? 'penalty',
      partyName: opts.partyName,
      partyIsPerson: opts.partyIsPerson,
      partyStyle: opts.partyStyle ?? 'surname-moumou',
      otherPersonNames: opts.otherPersonNames ?? [],
    },
    harvestCueNames(shadow),
  );
  findNameOccurrences(text, table, raw);
  return mergeFindings(dropKept(raw, opts.keep));
}

/**
 * Replaces each finding's span by its replacement. Findings may come in any
 * order; a finding overlapping an earlier one is ignored. Throws a
 * RangeError when a finding does not match the text (stale findings from
 * another version of the document).
 */
export function applyRedaction(text: string, findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let pos = 0;
  for (const f of sorted) {
    if (f.start < pos) continue;
    if (f.start < 0 || f.end > text.length || f.end < f.start || text.slice(f.start, f.end) !== f.text) {
      throw new RangeError(`脱敏标记与正文不符（位置 ${f.start}–${f.end}），请重新检测后再应用。`);
    }
    parts.push(text.slice(pos, f.start), f.replacement);
    pos = f.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Detects and applies in one go. */
export function redact(text: string, opts: RedactOptions = {}): RedactResult {
  const findings = findPersonalData(text, opts);
  return { text: applyRedaction(text, findings), findings };
}
