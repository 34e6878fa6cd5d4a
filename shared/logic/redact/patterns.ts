/**
 * Detectors for number-shaped personal data: resident ID numbers, mobile
 * numbers, landlines and bank cards. Every detector matches on the shadow
 * copy (full-width folded, same offsets) and reports spans of the original.
 *
 * Shared rules:
 * - A number never starts or ends inside a longer run of digits or letters,
 *   so nothing is found inside credit codes (91510900MA62…), longer serials,
 *   dates, amounts or case numbers.
 * - A number introduced by an official label (执法证号, 许可证编号, 统一社会
 *   信用代码, 缴款码, No. …, see context.ts) is not personal; an ID or
 *   card number after its own cue (身份证号, 银行卡号) always is.
 */
import { idBirthDate, isValidIdCheck, luhnValid } from './checksums.js';
import { hasOfficialLabel } from './context.js';
import { countDigits, maskBankCard, maskIdNumber, maskLandline, maskMobile } from './masks.js';
import type { Finding } from './types.js';

// ---------------------------------------------------------------- ID numbers

/**
 * 18-digit ID with a plausible birth date, glued or written 6-8-4 with
 * spaces or dashes; the check character is verified in code.
 */
const ID18 = /(?<![0-9A-Za-z])[1-9]\d{5}([ -]?)(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\1\d{3}[\dXx](?![0-9A-Za-z])/g;

/** Any 15- or 18-long run right after an ID cue, whatever its check digit. */
const ID_CUED =
  /(?:公民身份号码|身份证件号码|身份证号码|身份证号|身份证|证件号码|身份号码)[^0-9A-Za-z\n。；;]{0,8}?(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

export function findIdNumbers(text: string, shadow: string, out: Finding[]): void {
  ID18.lastIndex = 0;
  for (let m = ID18.exec(shadow); m; m = ID18.exec(shadow)) {
    const s = m[1] ? m[0].split(m[1]).join('') : m[0];
    if (!isValidIdCheck(s) || !idBirthDate(s)) continue;
    if (hasOfficialLabel(shadow, m.index)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const orig = text.slice(start, end);
    out.push({ kind: 'id-number', start, end, text: orig, replacement: maskIdNumber(orig) });
  }
  ID_CUED.lastIndex = 0;
  for (let m = ID_CUED.exec(shadow); m; m = ID_CUED.exec(shadow)) {
    const num = m[1];
    const start = m.index + m[0].length - num.length;
    const orig = text.slice(start, start + num.length);
    // Duplicates of an ID18 hit are removed by the merge step.
    out.push({ kind: 'id-number', start, end: start + num.length, text: orig, replacement: maskIdNumber(orig) });
  }
}

// ---------------------------------------------------------------- mobiles

/**
 * 1[3-9]x xxxx xxxx, optionally prefixed by +86 / 0086 / 86 / (+86), with
 * optional single spaces or dashes between the 3-4-4 groups.
 */
const MOBILE = /(?<![0-9A-Za-z+])(?:(\(\+?86\)|\+86|0086|86)[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9A-Za-z])/g;

export function findMobiles(text: string, shadow: string, out: Finding[]): void {
  MOBILE.lastIndex = 0;
  for (let m = MOBILE.exec(shadow); m; m = MOBILE.exec(shadow)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!m[1] && hasOfficialLabel(shadow, start)) continue;
    const prefixDigits = m[1] ? countDigits(m[1]) : 0;
    const orig = text.slice(start, end);
    out.push({ kind: 'mobile', start, end, text: orig, replacement: maskMobile(orig, m[0], prefixDigits) });
  }
}

// ---------------------------------------------------------------- landlines

/**
 * Area code (010, 02x, 0[3-9]xx) written as `(0830)`, `0830-`, `0830 ` or
 * glued, then a 7–8 digit local number, then an optional extension
 * (-801, 转801, 分机801, ext.801).
 */
const LANDLINE =
  /(?<![0-9A-Za-z])(?:\((0(?:10|2\d|[3-9]\d{2}))\) ?|(0(?:10|2\d|[3-9]\d{2}))[- ]?)\d{7,8}(?:(?:-|转|分机|ext\.? ?)\d{1,5})?(?![0-9A-Za-z])/g;

/** A bare local number right after a telephone cue (no area code). */
const LANDLINE_CUED = /(?:电话|座机|固话|联系方式|Tel|TEL|tel)(?:号码)?[:： ]*([2-8]\d{6,7})(?![0-9A-Za-z])/g;

export function findLandlines(text: string, shadow: string, out: Finding[]): void {
  LANDLINE.lastIndex = 0;
  for (let m = LANDLINE.exec(shadow); m; m = LANDLINE.exec(shadow)) {
    const start = m.index;
    const end = start + m[0].length;
    if (hasOfficialLabel(shadow, start)) continue;
    const areaDigits = (m[1] ?? m[2]).length;
    const orig = text.slice(start, end);
    out.push({ kind: 'landline', start, end, text: orig, replacement: maskLandline(orig, m[0], areaDigits) });
  }
  LANDLINE_CUED.lastIndex = 0;
  for (let m = LANDLINE_CUED.exec(shadow); m; m = LANDLINE_CUED.exec(shadow)) {
    const num = m[1];
    const start = m.index + m[0].length - num.length;
    const orig = text.slice(start, start + num.length);
    out.push({ kind: 'landline', start, end: start + num.length, text: orig, replacement: maskLandline(orig, num, 0) });
  }
}

// ---------------------------------------------------------------- bank cards

/** 16–19 digits starting 3–6 (UnionPay, Visa, Mastercard, Amex…), glued or grouped by 4 with spaces/dashes; Luhn verified in code. */
const BANK_CARD = /(?<![0-9A-Za-z])[3-6]\d{3}(?:[- ]?\d{4}){3}(?:[- ]?\d{1,3})?(?![0-9A-Za-z])/g;

/**
 * After a personal-card cue any 12–19 digit number is masked, Luhn or not
 * (passbooks, typos). Digits may be grouped by single spaces or dashes; the
 * longest run of at most 19 digits is taken, so a following year or amount
 * separated by a space is not swallowed.
 */
const BANK_CUED =
  /(?:银行卡号?|借记卡号?|信用卡号?|卡号|存折(?:账号|号)?|个人账户|个人账号|本人账户|本人账号)[^0-9A-Za-z\n。；;]{0,10}?(\d(?:[ -]?\d){11,18})(?![0-9A-Za-z])/g;

export function findBankCards(text: string, shadow: string, out: Finding[]): void {
  BANK_CARD.lastIndex = 0;
  for (let m = BANK_CARD.exec(shadow); m; m = BANK_CARD.exec(shadow)) {
    const s = m[0];
    const digits = s.replace(/[- ]/g, '');
    if (digits.length < 16 || digits.length > 19 || !luhnValid(digits)) continue;
    if (hasOfficialLabel(shadow, m.index)) continue;
    const start = m.index;
    const orig = text.slice(start, start + s.length);
    out.push({ kind: 'bank-card', start, end: start + s.length, text: orig, replacement: maskBankCard(orig, s) });
  }
  BANK_CUED.lastIndex = 0;
  for (let m = BANK_CUED.exec(shadow); m; m = BANK_CUED.exec(shadow)) {
    const s = m[1];
    const n = countDigits(s);
    if (n < 12 || n > 19) continue;
    const start = m.index + m[0].length - m[1].length;
    const orig = text.slice(start, start + s.length);
    out.push({ kind: 'bank-card', start, end: start + s.length, text: orig, replacement: maskBankCard(orig, s) });
  }
}
