/**
 * Minors' cases are never published. The party's age on the decision date
 * can be read from an ID number; the caller sets `partyIsMinor` from it (or
 * from the case record) and `checkPublishable` then refuses.
 */
import { idBirthDate } from './checksums.js';

/**
 * True when the holder of `idNumber` is under 18 on `isoDate` (YYYY-MM-DD);
 * null when the ID carries no readable birth date.
 */
export function isMinorOn(idNumber: string, isoDate: string): boolean | null {
  const b = idBirthDate(idNumber.trim());
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!b || !d) return null;
  const [y, m, day] = [+d[1], +d[2], +d[3]];
  const had18th = m > b.month || (m === b.month && day >= b.day);
  const age = y - b.year - (had18th ? 0 : 1);
  return age < 18;
}
