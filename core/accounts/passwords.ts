import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { UserError } from '../errors.js';
import { PASSWORD_POLICY_TEXT, passwordProblem } from '../../shared/logic/password-policy.js';

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

/** Refuses a password that does not meet the shared policy. */
export function checkPasswordPolicy(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new UserError('WEAK_PASSWORD', `${problem}（${PASSWORD_POLICY_TEXT}）。`);
}
