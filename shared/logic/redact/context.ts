/**
 * Small helpers that look at the text just before a candidate, bounded by the
 * current sentence (。；! ? or a line break), to decide what a number or a
 * plate belongs to.
 */

const SENTENCE_END = /[。；;!！?？\n]/;
const FULL_STOP = /[。!！?？\n]/;

/**
 * The text of the current sentence before `index`, at most `max` characters.
 * With `acrossSemicolons`, a ；-separated field list (当事人：…；住所：…) counts
 * as one sentence.
 */
export function textBefore(shadow: string, index: number, max: number, acrossSemicolons = false): string {
  const from = Math.max(0, index - max);
  const end = acrossSemicolons ? FULL_STOP : SENTENCE_END;
  let i = index - 1;
  while (i >= from && !end.test(shadow[i])) i--;
  return shadow.slice(i + 1, index);
}

/**
 * Labels that announce an official, non-personal number: certificate and
 * permit numbers, document numbers, credit codes, payment codes… A number
 * directly after one of these is not treated as a phone, card or ID number.
 * (身份证号 is not such a label: the look-behind keeps it out. 账号 is not one
 * either: a person's card is often written 银行账号; the bureau's own
 * collection account goes in `RedactOptions.keep`.)
 */
const OFFICIAL_NUMBER_LABEL =
  /(?:执法证|许可证|(?<!身份)证号|证书号|证编号|编号|文号|代码|注册号|单号|流水号|批号|登记号|合同号|缴款码|缴款书|识别号|税号|序列号|条码|案号|档案号|邮编|邮政编码|No\.|NO\.|№)[^0-9A-Za-z，,。；;\n]{0,6}$/;

/** True when the number at `index` is introduced by an official-number label. */
export function hasOfficialLabel(shadow: string, index: number): boolean {
  return OFFICIAL_NUMBER_LABEL.test(textBefore(shadow, index, 16));
}
