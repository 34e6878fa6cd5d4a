/**
 * Mask builders, one per finding kind. Masks keep the layout of the original
 * (separators, full-width digits) and always break the pattern that found
 * them, so the final check never flags masked output again:
 *
 * | kind        | original                 | mask                     |
 * |-------------|--------------------------|--------------------------|
 * | id-number   | 510902198001011234       | 5****************4       | first and last character only
 * | mobile      | +86 138-1234-5678        | +86 138-****-5678        | digits 4–7 of the subscriber number
 * | landline    | 0830-2345678             | 0830-****678             | first 4 digits of the local number
 * | bank-card   | 6222 0212 3456 7890      | **** **** **** 7890      | last 4 digits kept
 * | email       | zhangsan@example.com     | z***@example.com         | first character of the local part
 * | address     | 四川省遂宁市船山区明月路8号 | 四川省遂宁市船山区***       | administrative path to county/district
 * | plate       | 川E·A1234                | 川E·***34                | province + letter + last 2
 * | person-name | 张三 / 欧阳娜娜           | 张某 / 欧阳某             | party: per PartyStyle (张某某 by default)
 */
import { COMPOUND_SURNAMES } from './surnames.js';
import type { PartyStyle } from './types.js';

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Replaces with `*` the digits whose ordinal (0-based, counted over digits
 * only, in the shadow copy) lies in [from, to). Other characters are copied.
 */
export function maskDigitRange(original: string, shadow: string, from: number, to: number): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    if (isDigitCode(shadow.charCodeAt(i))) {
      out += n >= from && n < to ? '*' : original[i];
      n++;
    } else out += original[i];
  }
  return out;
}

/** Counts ASCII digits (in a shadow slice). */
export function countDigits(shadow: string): number {
  let n = 0;
  for (let i = 0; i < shadow.length; i++) if (isDigitCode(shadow.charCodeAt(i))) n++;
  return n;
}

/** ID number: keep the first and the last character. */
export function maskIdNumber(original: string): string {
  return original.length <= 2 ? '*'.repeat(original.length) : original[0] + '*'.repeat(original.length - 2) + original[original.length - 1];
}

/** Mobile: `prefixDigits` digits of +86/0086 are skipped, then digits 4–7 masked. */
export function maskMobile(original: string, shadow: string, prefixDigits: number): string {
  return maskDigitRange(original, shadow, prefixDigits + 3, prefixDigits + 7);
}

/** Landline: the first 4 digits of the local number (after `areaDigits`). */
export function maskLandline(original: string, shadow: string, areaDigits: number): string {
  return maskDigitRange(original, shadow, areaDigits, areaDigits + 4);
}

/** Bank card: all digits but the last 4. */
export function maskBankCard(original: string, shadow: string): string {
  return maskDigitRange(original, shadow, 0, countDigits(shadow) - 4);
}

/** E-mail: first character of the local part, `***`, then the domain. */
export function maskEmail(original: string): string {
  const at = original.lastIndexOf('@') >= 0 ? original.lastIndexOf('@') : original.lastIndexOf('＠');
  if (at <= 0) return '***';
  return original[0] + '***' + original.slice(at);
}

/** Plate: province character and issuing letter (and a separator) kept, all but the last 2 characters masked. */
export function maskPlate(original: string): string {
  let head = 2;
  while (head < original.length && /[·•・\s.\-]/.test(original[head])) head++;
  const tail = original.slice(head);
  // New-energy and trailer plates may end with a Han suffix (挂/学/警…); keep it.
  const suffix = /[\u4e00-\u9fa5]$/.test(tail) ? tail.slice(-1) : '';
  const body = suffix ? tail.slice(0, -1) : tail;
  return original.slice(0, head) + '*'.repeat(Math.max(body.length - 2, 1)) + body.slice(-2) + suffix;
}

/** Address: the kept administrative prefix followed by `***`. */
export function maskAddress(keptPrefix: string): string {
  return keptPrefix + '***';
}

/** The surname of a Chinese name: a compound surname when the name starts with one, else the first character. */
export function surnameOf(name: string): string {
  if (name.length >= 3 && COMPOUND_SURNAMES.has(name.slice(0, 2))) return name.slice(0, 2);
  return name.slice(0, 1);
}

/** 张三 → 张某 (`mou`) / 张某某 (`moumou`); `keep` returns the name. */
export function maskPersonName(name: string, style: PartyStyle | 'other'): string {
  if (style === 'keep') return name;
  const s = surnameOf(name);
  return style === 'surname-moumou' ? s + '某某' : s + '某';
}
