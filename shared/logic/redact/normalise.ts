/**
 * The "shadow copy": a same-length version of the input in which full-width
 * ASCII (０-９, Ａ-Ｚ, ＋, －, （ ）, ＠ …), the ideographic space and the
 * various dash characters are folded to plain ASCII. Every fold maps one
 * UTF-16 code unit to one code unit, so an offset found in the shadow is the
 * same offset in the original text.
 */

const FOLDABLE = /[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212\uFE58\uFE63\u00A0]/;
const FOLDABLE_G = /[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212\uFE58\uFE63\u00A0]/g;

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000 || c === 0x00a0) return ' ';
  return '-';
}

/** Returns the shadow copy (the input itself when nothing needs folding). */
export function shadowOf(text: string): string {
  return FOLDABLE.test(text) ? text.replace(FOLDABLE_G, foldChar) : text;
}

/** Digits and letters only, folded: used to compare values with the `keep` list. */
export function compactValue(s: string): string {
  return shadowOf(s).replace(/[\s\-()+·•.]/g, '').toUpperCase();
}
