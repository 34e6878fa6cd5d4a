/**
 * Check-digit helpers private to the redaction engine (kept here on purpose:
 * `shared/logic/check-digits.ts` is owned elsewhere and this folder must not
 * depend on it).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character for the first 17 digits of a resident ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** True when an 18-character ID number has a valid GB 11643 check character. */
export function isValidIdCheck(id: string): boolean {
  return id.length === 18 && idCheckChar(id) === id[17].toUpperCase();
}

/** True when YYYYMMDD (or YYMMDD with century) is a real calendar date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const dim = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= dim[month - 1];
}

/** Birth date embedded in an 18- or 15-digit ID number, or null when it is not a real date. */
export function idBirthDate(id: string): { year: number; month: number; day: number } | null {
  let year: number, month: number, day: number;
  if (id.length === 18) {
    year = +id.slice(6, 10);
    month = +id.slice(10, 12);
    day = +id.slice(12, 14);
  } else if (id.length === 15) {
    year = 1900 + +id.slice(6, 8);
    month = +id.slice(8, 10);
    day = +id.slice(10, 12);
  } else return null;
  if (year < 1880 || year > 2100 || !isRealDate(year, month, day)) return null;
  return { year, month, day };
}

/** Luhn (mod 10) check over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit that completes `body`. */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return String(d);
  return '0';
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 check character for the first 17 characters of a unified social credit code, or null if a character is not allowed. */
export function creditCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_ALPHABET.indexOf(first17[i].toUpperCase());
    if (v < 0) return null;
    sum += v * CREDIT_WEIGHTS[i];
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/** True when an 18-character string is a unified social credit code with a valid check character. */
export function isValidCreditCode(code: string): boolean {
  return code.length === 18 && creditCheckChar(code) === code[17].toUpperCase();
}
