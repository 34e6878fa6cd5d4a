/**
 * E-mail detector. Instead of a regex that would retry a local-part class at
 * every position of ASCII-heavy text, it jumps from `@` to `@` and grows the
 * address outwards.
 */
import { maskEmail } from './masks.js';
import type { Finding } from './types.js';

const LOCAL = /[A-Za-z0-9._%+\-]/;
const DOMAIN = /[A-Za-z0-9.\-]/;
const TLD_END = /\.[A-Za-z]{2,24}$/;

export function findEmails(text: string, shadow: string, out: Finding[]): void {
  let at = shadow.indexOf('@');
  while (at >= 0) {
    let s = at;
    const minS = Math.max(0, at - 64); // RFC 5321: local part ≤ 64
    while (s > minS && LOCAL.test(shadow[s - 1])) s--;
    while (s < at && shadow[s] === '.') s++;
    let e = at + 1;
    const maxE = Math.min(shadow.length, at + 256); // domain ≤ 255
    while (e < maxE && DOMAIN.test(shadow[e])) e++;
    while (e > at + 1 && (shadow[e - 1] === '.' || shadow[e - 1] === '-')) e--;
    const domain = shadow.slice(at + 1, e);
    if (s < at && (s === 0 || !LOCAL.test(shadow[s - 1])) && domain.includes('.') && TLD_END.test(domain)) {
      const orig = text.slice(s, e);
      out.push({ kind: 'email', start: s, end: e, text: orig, replacement: maskEmail(orig) });
    }
    at = shadow.indexOf('@', Math.max(e, at + 1));
  }
}
