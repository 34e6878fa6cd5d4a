/**
 * Home addresses of natural persons, cut to the county/district level:
 * 住址：四川省遂宁市船山区镇江寺街道明月路88号3栋2单元501室
 *   → 住址：四川省遂宁市船山区***
 *
 * An address is looked for only after a cue. Cues of two strengths:
 * - person cues — 住址, 家住, 家庭住址, 户籍地/户籍所在地/户籍地址, 现住/现住址,
 *   居住地/居住地址/居住于, and a bare 住 (…出生，住四川省…) when a province,
 *   city or county follows: always a natural person's address;
 * - neutral cues — 住所/住所地, 地址, 联系地址, 通讯地址, 送达地址: the
 *   organisation's address (kept, as 双公示 publishes it) when the sentence
 *   before names an organisation (公司, 合作社, 信用代码, 法定代表人 …) or
 *   the party is an organisation; a person's address when the sentence shows
 *   a person (男/女, 出生, 身份证, 民族 …) or the party is (or may be) a person.
 * 经营地址/注册地址/办公地址/单位地址/营业地址/门店地址… are never cues.
 *
 * The address runs from the cue to the next punctuation (or 的). It is a
 * finding only when something below district level follows the kept
 * administrative prefix (村, 组, 路, 号, 室, a digit …; 花园/镇/院 … only when
 * a province, city or county comes first, so that boilerplate such as
 * 被告住所地人民法院 is left alone).
 */
import { textBefore } from './context.js';
import { maskAddress } from './masks.js';
import type { Finding } from './types.js';

const ADDRESS =
  /(?<![营册公位司业店发场])(户籍所在地|户籍地址|户籍地|现住址|现住|家庭住址|家住|居住地址|居住地|居住于|居住|住址|住所地|住所|联系地址|通讯地址|送达地址|地址|(?<![居家现入常暂留记抓顶挡守站保忍止停靠禁稳包困])住(?![所址宿院房户]))(?:为|是|在)?[:： ]*([^，,。；;、\s()（）:：！!？?“”"'《》【】\[\]的]{2,60})/g;

const PERSON_CUES = /^(?:户籍|现住|家庭住址|家住|居住|住址|住$)/;

/** Province, prefecture and county levels; the name parts exclude lower-level keywords. */
const NAME_CHARS = '[^\\s省市区县镇乡村街路道号组社]';
const PROVINCE = new RegExp(`${NAME_CHARS}{2,7}?(?:省|自治区|特别行政区)`, 'y');
const CITY = new RegExp(`${NAME_CHARS}{2,9}?(?:市|自治州|地区|盟)`, 'y');
const COUNTY = new RegExp(`${NAME_CHARS}{1,7}?(?:自治县|区|县|市|旗)`, 'y');
/** Endings that look like a level but are places below it (阳光小区, 工业园区, 万达超市 …). */
const NOT_A_LEVEL = /(?:小|园|景|校|城|片|营|矿|街|厂)区$|(?:超|集|菜|夜|门)市$/;

/** Unmistakable parts of a street address (or a house number). */
const STRONG_DETAIL = /村|组|社区|路|街|巷|弄|胡同|号|栋|幢|单元|室|楼|屯|寨|小区|大道|\d/;
/** Parts that count only after a real administrative prefix (…区南津花园). */
const WEAK_DETAIL = /[社院苑园镇乡里坊道庄湾坝沟岭场]/;

const PERSON_EVIDENCE = /[，,：:]\s*[男女]\s*(?:[，,（(]|$)|性别|出生|生于|身份证|公民身份|[汉回藏苗彝壮羌土满蒙]族|年龄|\d岁/;

const ORG_EVIDENCE =
  /有限责任公司|有限公司|公司|合作社|加工厂|[^工]厂|商行|经营部|门市部|超市|协会|学校|医院|信用代码|法定代表人|负责人|个体工商户|企业|药店|饭店|酒店|餐馆|宾馆|诊所|农场|林场|养殖场|机关|单位/;

export interface AddressOptions {
  partyIsPerson: boolean | undefined;
  keepOrganisations: boolean;
}

/** Splits an address into the kept administrative prefix (province/city/county) and the detailed rest. */
export function splitAddress(address: string): { prefix: string; rest: string } {
  let i = 0;
  for (const level of [PROVINCE, CITY, COUNTY]) {
    level.lastIndex = i;
    const m = level.exec(address);
    if (m && !NOT_A_LEVEL.test(m[0])) i += m[0].length;
  }
  return { prefix: address.slice(0, i), rest: address.slice(i) };
}

function belongsToOrganisation(shadow: string, cueStart: number, opts: AddressOptions): boolean {
  const before = textBefore(shadow, cueStart, 100, true);
  if (PERSON_EVIDENCE.test(before)) return false;
  // The clauses right before the cue decide between the organisation and a person.
  const clauses = before.split(/[，,；;]/);
  const near = clauses.slice(-3).join('，');
  if (ORG_EVIDENCE.test(near)) return true;
  return opts.partyIsPerson === false;
}

export function findAddresses(text: string, shadow: string, opts: AddressOptions, out: Finding[]): void {
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(shadow); m; m = ADDRESS.exec(shadow)) {
    const cue = m[1];
    const addr = m[2];
    const { prefix, rest } = splitAddress(addr);
    // "住所地人民法院" is boilerplate, not an address: without an administrative
    // prefix only unmistakable street-address parts count.
    if (!rest || !(STRONG_DETAIL.test(rest) || (prefix && WEAK_DETAIL.test(rest)))) continue;
    // A bare 住 is a cue only when an administrative path follows (…，住四川省遂宁市…).
    if (cue === '住' && !prefix) continue;
    if (opts.keepOrganisations && !PERSON_CUES.test(cue) && belongsToOrganisation(shadow, m.index, opts)) continue;
    const start = m.index + m[0].length - addr.length;
    const end = start + addr.length;
    out.push({ kind: 'address', start, end, text: text.slice(start, end), replacement: maskAddress(text.slice(start, start + prefix.length)) });
  }
}
