// Checks for the Chinese identifiers that appear on enforcement documents:
// 居民身份证号码 (GB 11643-1999), 统一社会信用代码 (GB 32100-2015) and phone numbers.
// Every checker first converts full-width characters (０-９, Ｘ, （）－) to half-width,
// so numbers pasted from Word documents or typed with a Chinese IME pass.
// Pure module: no Node or DOM APIs.

import { isValidDate, todayLocal } from './calendar.js';
import { toHalfWidth } from './text.js';

export type CheckLevel = 'ok' | 'warning' | 'error';

/** Result of checking a code: `message` (Chinese) is set for warnings and errors. */
export interface CodeCheck {
  level: CheckLevel;
  message?: string;
  /** The input after normalisation (half-width, no spaces, upper case). */
  normalized: string;
}

export interface IdCheck extends CodeCheck {
  /** YYYY-MM-DD, set when the number passes (level ok or warning). */
  birthDate?: string;
  gender?: 'male' | 'female';
}

// ---------------------------------------------------------------- ID numbers

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The 18th character of an ID number, from its first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('身份证号码本体码应为17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/**
 * Builds a valid 18-digit ID number (test and demo data). `birth` is YYYYMMDD and must be
 * a real date; `genderDigit` (0–9, odd = male) replaces the last digit of `seq3`.
 */
export function makeIdNumber(area6: string, birth: string, seq3: string, genderDigit?: number): string {
  if (!/^[1-9]\d{5}$/.test(area6)) throw new Error('地址码应为6位数字，首位不为0');
  if (!/^\d{8}$/.test(birth) || !isValidDate(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`)) {
    throw new Error('出生日期应为有效的YYYYMMDD');
  }
  if (!/^\d{3}$/.test(seq3)) throw new Error('顺序码应为3位数字');
  let seq = seq3;
  if (genderDigit !== undefined) {
    if (!Number.isInteger(genderDigit) || genderDigit < 0 || genderDigit > 9) throw new Error('性别位应为0-9');
    seq = seq3.slice(0, 2) + String(genderDigit);
  }
  const first17 = area6 + birth + seq;
  return first17 + idCheckChar(first17);
}

/** Removes all whitespace after full-width → half-width conversion, upper case. */
function normalizeCode(raw: string): string {
  return toHalfWidth(String(raw ?? '')).replace(/\s+/g, '').toUpperCase();
}

/** Checks a birth date YYYYMMDD taken from an ID number; null when fine, else a message. */
function birthProblem(yyyymmdd: string, today: string): string | null {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (!isValidDate(iso) || Number(yyyymmdd.slice(0, 4)) < 1900) return `身份证号码中的出生日期“${yyyymmdd}”不正确`;
  if (iso > today) return `身份证号码中的出生日期“${yyyymmdd}”晚于今天`;
  return null;
}

/**
 * Checks a 居民身份证号码. 18-digit numbers: format, area code, birth date and check
 * character. Old 15-digit numbers are accepted with a warning. `today` (YYYY-MM-DD,
 * default: local today) bounds the birth date.
 */
export function checkIdNumber(raw: string, today: string = todayLocal()): IdCheck {
  const s = normalizeCode(raw);
  if (s === '') return { level: 'error', message: '请输入身份证号码', normalized: s };
  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) return { level: 'error', message: '15位旧身份证号码应全部为数字', normalized: s };
    if (s[0] === '0') return { level: 'error', message: '身份证号码地址码（前6位）不正确', normalized: s };
    const birth = '19' + s.slice(6, 12);
    const bad = birthProblem(birth, today);
    if (bad) return { level: 'error', message: bad, normalized: s };
    return {
      level: 'warning',
      message: '15位旧身份证号码，请核对后使用',
      normalized: s,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
      gender: Number(s[14]) % 2 === 1 ? 'male' : 'female',
    };
  }
  if (s.length !== 18) return { level: 'error', message: `身份证号码应为18位，当前为${s.length}位`, normalized: s };
  if (!/^\d{17}[\dX]$/.test(s)) {
    return { level: 'error', message: '身份证号码前17位应为数字，最后一位为数字或X', normalized: s };
  }
  if (s[0] === '0') return { level: 'error', message: '身份证号码地址码（前6位）不正确', normalized: s };
  const birth = s.slice(6, 14);
  const bad = birthProblem(birth, today);
  if (bad) return { level: 'error', message: bad, normalized: s };
  if (idCheckChar(s.slice(0, 17)) !== s[17]) {
    return { level: 'error', message: '身份证号码校验位不正确，请核对最后一位', normalized: s };
  }
  return {
    level: 'ok',
    normalized: s,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
    gender: Number(s[16]) % 2 === 1 ? 'male' : 'female',
  };
}

// ---------------------------------------------------------------- credit codes

/** The 31 characters of GB 32100: digits and capitals without I, O, Z, S, V. */
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a 统一社会信用代码 from its first 17 characters. */
export function creditCheckChar(first17: string): string {
  const s = first17.toUpperCase();
  if (s.length !== 17) throw new Error('统一社会信用代码本体应为17位');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARSET.indexOf(s[i]);
    if (v < 0) throw new Error(`统一社会信用代码第${i + 1}位“${s[i]}”不是有效字符`);
    sum += v * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}

/** Appends the check character to 17 valid characters (test and demo data). */
export function makeCreditCode(first17: string): string {
  return first17.toUpperCase() + creditCheckChar(first17);
}

/** Checks a 统一社会信用代码: charset, length, check character, division code. */
export function checkCreditCode(raw: string): CodeCheck {
  const s = normalizeCode(raw);
  if (s === '') return { level: 'error', message: '请输入统一社会信用代码', normalized: s };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (CREDIT_CHARSET.includes(ch)) continue;
    const message = 'IOZSV'.includes(ch)
      ? `统一社会信用代码不使用字母I、O、Z、S、V，第${i + 1}位“${ch}”有误`
      : `统一社会信用代码第${i + 1}位“${ch}”不是有效字符`;
    return { level: 'error', message, normalized: s };
  }
  if (s.length !== 18) return { level: 'error', message: `统一社会信用代码应为18位，当前为${s.length}位`, normalized: s };
  if (creditCheckChar(s.slice(0, 17)) !== s[17]) {
    return { level: 'error', message: '统一社会信用代码校验位不正确，请核对最后一位', normalized: s };
  }
  // Positions 3–8 are the administrative division code (行政区划码), digits only.
  if (!/^\d{6}$/.test(s.slice(2, 8))) {
    return { level: 'warning', message: '统一社会信用代码第3至8位（行政区划码）应为数字，请核对', normalized: s };
  }
  return { level: 'ok', normalized: s };
}

// ---------------------------------------------------------------- phone numbers

const MOBILE_RE = /^1[3-9]\d{9}$/;
/** Area code: 010 and 02x have three digits, all others four; local numbers 7–8 digits. */
const LANDLINE_RE = /^(010|02\d|0[3-9]\d{2})([2-9]\d{6,7})$/;
const SERVICE_RE = /^([48]00)(\d{3})(\d{4})$/;
const EXTENSION_RE = /^(.*?)\s*(?:转|分机|ext\.?|x|#|,)\s*(\d{1,6})$/i;
const PHONE_UNKNOWN = '电话号码格式无法识别，请核对（手机号为11位，固定电话请加区号）';

/** Classifies separator-free digits; null when not a known form. */
function classifyPhone(digits: string, ext: string | null): string | null {
  let d = digits;
  let international = false;
  const intl = /^(?:\+86|0086)(\d+)$/.exec(d) ?? (/^86(1[3-9]\d{9})$/.exec(d) as RegExpExecArray | null);
  if (intl) {
    d = intl[1];
    international = true;
  }
  if (!/^\d+$/.test(d)) return null;
  if (MOBILE_RE.test(d)) return ext ? null : d;
  const tail = ext ? `-${ext}` : '';
  const service = international ? null : SERVICE_RE.exec(d);
  if (service) return `${service[1]}-${service[2]}-${service[3]}${tail}`;
  if (international && d[0] !== '0') d = '0' + d;
  const land = LANDLINE_RE.exec(d);
  return land ? `${land[1]}-${land[2]}${tail}` : null;
}

/**
 * Checks a phone number: mobile (optionally +86/0086), landline with area code and
 * optional extension (转/分机/ext/#, or a trailing "-123"), 400/800 service numbers.
 * Anything else is a warning, not an error (it may still be a usable number); empty
 * is an error. `normalized` is the canonical form (13812345678, 0825-2345678-801).
 */
export function checkPhone(raw: string): CodeCheck {
  const s = toHalfWidth(String(raw ?? '')).trim();
  if (s === '') return { level: 'error', message: '请输入联系电话', normalized: '' };
  const compact = (t: string) => t.replace(/[\s\-()]/g, '');
  const extMatch = EXTENSION_RE.exec(s);
  let found: string | null = null;
  if (extMatch) {
    found = classifyPhone(compact(extMatch[1]), extMatch[2]);
  } else {
    found = classifyPhone(compact(s), null);
    const dashExt = found ? null : /^(.*\d)\s*-\s*(\d{1,6})$/.exec(s);
    if (dashExt) {
      const main = compact(dashExt[1]);
      // Only a landline or service number takes a dash extension.
      if (!MOBILE_RE.test(main.replace(/^(?:\+86|0086)/, ''))) found = classifyPhone(main, dashExt[2]);
    }
  }
  if (found) return { level: 'ok', normalized: found };
  const digitsOnly = compact(s);
  if (/^[2-9]\d{6,7}$/.test(digitsOnly)) {
    return { level: 'warning', message: '固定电话缺少区号，请核对', normalized: digitsOnly };
  }
  return { level: 'warning', message: PHONE_UNKNOWN, normalized: /^\+?\d+$/.test(digitsOnly) ? digitsOnly : s };
}
