/**
 * Redaction (脱敏) of enforcement decisions before publication.
 *
 * Flow: `findPersonalData` → reviewer adds/undoes findings (`makeFinding`,
 * `keep`) → `applyRedaction` → `checkPublishable` on the exact text to
 * upload. `redact` = find + apply. Pure code: no fs, no DOM.
 *
 * Decisions recorded here (details in each file):
 * - Masks (masks.ts): ID keeps first + last character (5****************4);
 *   mobile 138****5678; landline 0830-****567; bank card last 4; e-mail
 *   z***@domain; address cut to county/district + ***; plate 川E·***12;
 *   other persons 张某, a natural-person party 张某某 by default
 *   (`partyStyle`), compound surnames 欧阳某.
 * - Decision kinds: permit and levy keep the party's name only; everything
 *   else is still masked. Organisation names, credit codes, case and
 *   document numbers, amounts, dates, citations, areas and volumes are never
 *   touched.
 * - Names after cues (names.ts): party cues 当事人/被处罚人/…; other-person
 *   cues 证人/举报人/代理人/监护人/驾驶员/…; legal representatives,
 *   负责人, 经营者 and the bureau's own officers are not masked.
 * - The bureau's own hotline, landline, e-mail or collection account are
 *   flagged like any number unless listed in `RedactOptions.keep`; 12345 /
 *   12315 style short hotlines never match.
 * - Minors' cases are refused by `checkPublishable` (`partyIsMinor`,
 *   `isMinorOn`).
 */
export type { Finding, FindingKind, PartyStyle, PublishCheck, RedactDecisionKind, RedactOptions, RedactResult } from './types.js';
export { FINDING_KINDS, FINDING_KIND_LABELS } from './types.js';
export { applyRedaction, findPersonalData, redact } from './redact.js';
export { checkPublishable, describeCheck } from './check.js';
export { defaultMask, makeFinding } from './manual.js';
export { maskPersonName, surnameOf } from './masks.js';
export { splitAddress } from './address.js';
export { isMinorOn } from './minor.js';
