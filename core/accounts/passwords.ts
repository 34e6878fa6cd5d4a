import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { UserError } from '../errors.js';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

/** scrypt hash in a self-describing string: `scrypt$N$r$p$salt$hash` (base64). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64');
  const key = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

/** Minimum password policy: 8+ characters mixing at least two of letters, digits and symbols. */
export function checkPasswordPolicy(password: string): void {
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (password.length < 8 || classes < 2) {
    throw new UserError('WEAK_PASSWORD', '密码至少 8 位，并且包含字母、数字、符号中的至少两类。');
  }
}
