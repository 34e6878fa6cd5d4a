/**
 * Types shared by the redaction (脱敏) engine.
 *
 * Offsets are UTF-16 code-unit indices into the text that was scanned, so
 * `text.slice(f.start, f.end) === f.text` always holds for a finding produced
 * from that text.
 */

export type FindingKind =
  | 'id-number'
  | 'mobile'
  | 'landline'
  | 'bank-card'
  | 'email'
  | 'address'
  | 'plate'
  | 'person-name';

export const FINDING_KINDS: readonly FindingKind[] = [
  'id-number',
  'mobile',
  'landline',
  'bank-card',
  'email',
  'address',
  'plate',
  'person-name',
];

/** Chinese labels for the reviewer's highlight legend. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  'id-number': '身份证号',
  mobile: '手机号码',
  landline: '固定电话',
  'bank-card': '银行卡号',
  email: '电子邮箱',
  address: '详细住址',
  plate: '车牌号码',
  'person-name': '自然人姓名',
};

export interface Finding {
  kind: FindingKind;
  /** Start offset (inclusive, UTF-16 index). */
  start: number;
  /** End offset (exclusive, UTF-16 index). */
  end: number;
  /** The exact original substring `text.slice(start, end)`. */
  text: string;
  /** What the span becomes when the finding is applied. */
  replacement: string;
}

/** Decision kinds, as in `shared/domain.ts` CaseType (minus `confirmation`, treated as `other`). */
export type RedactDecisionKind = 'penalty' | 'permit' | 'coercion' | 'levy' | 'inspection' | 'other';

export type PartyStyle =
  /** 张三 → 张某 */
  | 'surname-mou'
  /** 张三 → 张某某 (default for a natural-person party) */
  | 'surname-moumou'
  /** the party's name is published as is */
  | 'keep';

export interface RedactOptions {
  /**
   * Kind of decision being published. `permit` and `levy` keep the party's
   * name (许可、征收决定 usually published in full) but every other detector
   * (ID, phones, bank cards, e-mail, home address, plates, third-party names)
   * still applies. Default `penalty`.
   */
  kind?: RedactDecisionKind;
  /** The party (当事人) as it appears in the text. */
  partyName?: string;
  /** True when the party is a natural person; false for organisations and 个体工商户 published by business name. */
  partyIsPerson?: boolean;
  /** How a natural-person party's name is shown. Default `surname-moumou` (张某某). */
  partyStyle?: PartyStyle;
  /** Other natural persons named in the text (witnesses, family, agents…); each becomes 张某. */
  otherPersonNames?: string[];
  /**
   * Whose addresses are kept. Default `organisations`: the registered address
   * (住所/经营场所) of an organisation stays; a natural person's home address
   * is cut to district level. `none`: every cued address is cut.
   */
  keepAddressesOf?: 'organisations' | 'none';
  /**
   * Exact values that must never be flagged: the bureau's own published
   * service hotline or landline, its fee-collection account, an e-mail box
   * for complaints, or a span a reviewer has explicitly undone. Digits are
   * compared after normalisation (full-width → ASCII, separators removed).
   */
  keep?: string[];
  /**
   * The party is a minor (未成年人). Minors' cases are never published:
   * `checkPublishable` refuses regardless of the text.
   */
  partyIsMinor?: boolean;
}

export interface RedactResult {
  text: string;
  findings: Finding[];
}

export interface PublishCheck {
  /** True only when no personal-data pattern remains and nothing blocks publication. */
  ok: boolean;
  /** Personal data still present in the text (offsets into the checked text). */
  leaks: Finding[];
  /** Reasons that block publication independently of the text (e.g. `minor`). */
  blockers: Array<'minor'>;
}
