/**
 * Names of natural persons.
 *
 * Two sources feed one table of names → masks:
 * 1. names given in the options: the party (`partyName`) and every
 *    `otherPersonNames` entry;
 * 2. names found after a person cue in the text itself (below).
 * Every exact occurrence of a table name is then masked, so a witness named
 * once after 证人 is also masked where the facts mention them again.
 *
 * Cues chosen:
 * - party cues (the party's own name; masked per `partyStyle`, kept for
 *   permits and levies): 当事人, 被处罚人, 违法行为人, (行政)相对人,
 *   (被)申请人, 被征收人, 被检查人, 被执行人, 被强制执行人, 姓名;
 * - other-person cues (→ 张某 in every kind of decision): 证人, 见证人,
 *   被询问人, 举报人, 投诉人, 报案人, 检举人, (委托)代理人, 监护人, 受托人,
 *   在场人(员), 同行人(员), 陪同人(员), 雇工, 雇员, 驾驶人, 驾驶员, 车主,
 *   户主, 承包人, 签收人, 代收人, 收件人, 联系人, 邻居, 村民, family words
 *   (其妻, 其夫, 其子, 其女, 妻子, 丈夫, 儿子, 女儿, 父亲, 母亲, 之子, 之女).
 * - deliberately NOT cues (these names are published): 法定代表人, 负责人,
 *   主要负责人, 经营者 (of a 个体工商户), and the bureau's own staff —
 *   执法人员, 承办人, 询问人, 检查人, 记录人, 审核人, 批准人.
 *
 * After a cue the name is a known surname (see surnames.ts) plus one or two
 * given-name characters, followed by punctuation or a word that typically
 * follows a name (男/女, 系, 称, 在, 于, 住 …). `张某` and `张某某` never
 * match, so masked text is not flagged again. A chain 张三、李四 after one cue
 * yields both names.
 */
import { COMPOUND_SURNAMES, CUE_SURNAMES, NOT_NAMES } from './surnames.js';
import { maskPersonName } from './masks.js';
import type { Finding, PartyStyle, RedactDecisionKind } from './types.js';

const PARTY_CUES = '被强制执行人|被执行人|被处罚人|违法行为人|行政相对人|相对人|被申请人|申请人|被征收人|被检查人|当事人|姓名';
const OTHER_CUES =
  '委托代理人|代理人|见证人|被询问人|证人|举报人|投诉人|报案人|检举人|监护人|受托人|在场人员|在场人|同行人员|同行人|陪同人员|陪同人|雇工|雇员|驾驶人|驾驶员|车主|户主|承包人|签收人|代收人|收件人|联系人|邻居|村民|其妻|其夫|其子|其女|妻子|丈夫|儿子|女儿|父亲|母亲|之子|之女';

/** Characters never part of a given name after a cue (particles, verbs, 某 of masked names). */
const STOP = '某在于经被因是的了对将已未不无也都就又还把从向以与和及等称系为有所时后前中上下内外个人员说讲其该此这那每各本年月日号元及或并且由次';
const GIVEN = `(?:(?![${STOP}])[\\u4e00-\\u9fa5])`;
const COMPOUND = [...COMPOUND_SURNAMES].join('|');
const NAME = `(?:(?:${COMPOUND})${GIVEN}{1,2}?|[${CUE_SURNAMES}]${GIVEN}{1,2}?)`;
/**
 * Two-character words that typically follow a witness's name (作证, 指认, 看见 …). They are
 * whole words, not single characters, so that a name is not cut short before a given-name
 * character that merely starts a verb (李四作证 is 李四, not 李四作).
 */
const FOLLOW_WORDS = [
  '作证', '作出', '作了', '指证', '指认', '指出', '辨认', '确认', '陈述', '供述', '交代', '反映', '介绍', '描述', '回忆',
  '告诉', '告知', '声称', '说明', '口述', '否认', '辩称', '辩解', '回答', '答复', '看见', '看到', '见到', '听见', '听到',
  '目睹', '亲眼', '亲自', '当场', '当即', '当时', '当面', '发现', '知道', '知晓', '听说', '要求', '同意', '认可', '认为',
  '确定', '明确', '拍摄', '报警', '报案', '举报', '投诉', '协助', '配合', '参与', '负责', '居住', '开车', '购买', '收到',
  '接到', '领取', '联系', '电话', '手机', '年龄', '一同', '一起', '一直', '事后', '随后', '此前', '之前', '本人',
];
const BOUNDARY =
  `(?=[，,。；;、：:（()）\\s“”"'《》【】\\[\\]0-9]|${FOLLOW_WORDS.join('|')}|男|女|系|是|称|在|于|等|的|及|和|与|因|对|将|为|未|已|持|驾|家|住|身|现|户|出|签|向|到|说|讲|承|证|表|经|陪|代|拒|均|共|提|并|自|擅|曾|被|通|以|从|把|用|带|也|还|仍|即|就|都|$)`;

const CUE_NAME = new RegExp(`(${PARTY_CUES})|(?:${OTHER_CUES})`, 'g');
const NAME_AT = new RegExp(`[:： ]*(${NAME})${BOUNDARY}`, 'y');
const NEXT_NAME = new RegExp(`[、和及与](${NAME})${BOUNDARY}`, 'y');

export interface CueName {
  name: string;
  role: 'party' | 'other';
}

/** Names found right after person cues. */
export function harvestCueNames(shadow: string): CueName[] {
  const found: CueName[] = [];
  CUE_NAME.lastIndex = 0;
  for (let m = CUE_NAME.exec(shadow); m; m = CUE_NAME.exec(shadow)) {
    const role = m[1] ? 'party' : 'other';
    NAME_AT.lastIndex = m.index + m[0].length;
    let n = NAME_AT.exec(shadow);
    while (n) {
      const name = n[1];
      if (!NOT_NAMES.has(name)) found.push({ name, role });
      NEXT_NAME.lastIndex = n.index + n[0].length;
      n = NEXT_NAME.exec(shadow);
    }
  }
  return found;
}

export interface NameOptions {
  kind: RedactDecisionKind;
  partyName?: string;
  partyIsPerson?: boolean;
  partyStyle: PartyStyle;
  otherPersonNames: string[];
}

/** True when a name-like party string is probably a natural person (2–4 Han characters, no organisation ending). */
export function looksLikePersonName(s: string): boolean {
  return /^[\u4e00-\u9fa5]{2,4}$|^[\u4e00-\u9fa5]{1,6}·[\u4e00-\u9fa5]{1,8}$/.test(s) && !/[司社厂店部行院所站场馆局队会处室组]$/.test(s);
}

/**
 * Builds the name → mask table. A name mapped to itself is one that must be
 * kept (a permit holder, a party under `keep`): it shadows cue hits.
 */
export function buildNameTable(opts: NameOptions, harvested: CueName[]): Map<string, string> {
  const table = new Map<string, string>();
  const partyIsPerson = opts.partyIsPerson ?? (opts.partyName ? looksLikePersonName(opts.partyName) : undefined);
  const keepParty = opts.kind === 'permit' || opts.kind === 'levy' || opts.partyStyle === 'keep';
  const partyMask = (name: string): string => (keepParty ? name : maskPersonName(name, opts.partyStyle));

  if (opts.partyName && opts.partyName.length >= 2) {
    // An organisation's name is never masked, and never masked as a person either.
    table.set(opts.partyName, partyIsPerson === false ? opts.partyName : partyMask(opts.partyName));
  }
  for (const name of opts.otherPersonNames) {
    if (name.length >= 2 && !table.has(name)) table.set(name, maskPersonName(name, 'other'));
  }
  for (const { name, role } of harvested) {
    if (table.has(name)) continue;
    if (role === 'party') {
      if (partyIsPerson === false) continue;
      // With a known party name, another name after a party cue is someone else (e.g. a co-applicant).
      table.set(name, opts.partyName ? maskPersonName(name, 'other') : partyMask(name));
    } else table.set(name, maskPersonName(name, 'other'));
  }
  return table;
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/** Business-name endings: a name directly followed by one of these is part of an organisation's name. */
const ORG_TAIL =
  /^[\u4e00-\u9fa5]{0,6}?(?:有限责任公司|有限公司|公司|专业合作社|合作社|加工厂|厂|商行|经营部|门市部|超市|餐馆|饭店|酒店|药店|药房|诊所|商店|店|农场|林场|养殖场|种植场|农家乐|茶楼|茶馆|小卖部|批发部|门市|作坊|工作室)/;
const ORG_TAIL_BREAK = /[的在于经是和与及被向对把将称说了]/;

function inOrganisationName(text: string, end: number): boolean {
  const m = ORG_TAIL.exec(text.slice(end, end + 12));
  return m !== null && !ORG_TAIL_BREAK.test(m[0]);
}

/** Every exact occurrence of a table name whose mask differs from it. */
export function findNameOccurrences(text: string, table: Map<string, string>, out: Finding[]): void {
  const masked = [...table].filter(([name, mask]) => mask !== name).map(([name]) => name);
  if (masked.length === 0) return;
  masked.sort((a, b) => b.length - a.length);
  // Kept names take part in the alternation too, so that a kept longer name shadows a masked shorter one.
  const kept = [...table].filter(([name, mask]) => mask === name).map(([name]) => name);
  const all = [...masked, ...kept].sort((a, b) => b.length - a.length);
  const re = new RegExp(all.map((n) => n.replace(ESCAPE, '\\$&')).join('|'), 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[0];
    const mask = table.get(name)!;
    if (mask === name) continue;
    const end = m.index + name.length;
    if (inOrganisationName(text, end)) continue;
    out.push({ kind: 'person-name', start: m.index, end, text: name, replacement: mask });
  }
}
