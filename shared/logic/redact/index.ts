/** Redaction (脱敏) of decisions before publication — see redact.ts for the flow. */
export type { Finding, FindingKind, PartyStyle, PublishCheck, RedactDecisionKind, RedactOptions, RedactResult } from './types.js';
export { FINDING_KINDS, FINDING_KIND_LABELS } from './types.js';
export { applyRedaction, findPersonalData, redact } from './redact.js';
export { checkPublishable, describeCheck } from './check.js';
export { defaultMask, makeFinding } from './manual.js';
export { maskPersonName, surnameOf } from './masks.js';
export { splitAddress } from './address.js';
export { isMinorOn } from './minor.js';
