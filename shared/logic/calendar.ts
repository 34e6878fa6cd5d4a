// Chinese working-day calendar (工作日历).
//
// Working days are weekdays, minus public holidays, plus the official make-up
// working days (调休上班) that fall on weekends. The holiday schedule changes every
// year (State Council notice each November/December), so it is data, in the format
// of resources/calendar/cn-holidays.json. Years missing from the data fall back to
// the plain weekend rule.
//
// Periods count from the day after the event: addWorkdays(decisionDate, 7) is the
// last day of a "within 7 working days" period.
//
// All arithmetic is done on integer day numbers (days since 1970-01-01, proleptic
// Gregorian), so no time zone or DST can shift a date. Pure module: no Node/DOM APIs.

/** One year of the State Council schedule. */
export type HolidayYear = {
  source?: string;
  /** Inclusive date ranges of days off (weekend days inside a holiday block included). */
  off: [string, string][];
  /** Make-up working days (调休上班), which fall on Saturdays or Sundays. */
  work: string[];
};

/** Year ("2026") → schedule. */
export type HolidayData = Record<string, HolidayYear>;

export interface WorkdayCalendar {
  /** Whether `date` (YYYY-MM-DD) is a working day. */
  isWorkday(date: string): boolean;
  /** The n-th working day after `date` (date itself not counted); n = 0 → date; n < 0 counts backwards. */
  addWorkdays(date: string, n: number): string;
  /** Working days in the half-open interval (from, to]; negative (and symmetric) when to < from. */
  workdaysBetween(from: string, to: string): number;
  /** Whether the year of `date` has holiday data (otherwise only weekends are off). */
  covers(date: string): boolean;
  /** The years with holiday data, ascending. */
  years(): number[];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_KEY_RE = /^\d{4}$/;
/** Longest accepted off range; guards against typos such as 02-15..12-23. */
const MAX_OFF_RANGE_DAYS = 60;
/** Largest |n| for addWorkdays (about 380 years); keeps a bad input from looping for ages. */
const MAX_WORKDAY_STEPS = 100_000;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 for a civil date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil, formatted as YYYY-MM-DD. */
function civilFromDays(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Day number of a valid YYYY-MM-DD string, or NaN. */
function dayNumberOrNaN(s: string): number {
  const m = typeof s === 'string' ? DATE_RE.exec(s) : null;
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d);
}

function dayNumber(s: string): number {
  const n = dayNumberOrNaN(s);
  if (Number.isNaN(n)) throw new Error(`日期格式不正确：“${String(s)}”，应为 YYYY-MM-DD`);
  return n;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Whether `s` is a real calendar date written as YYYY-MM-DD. */
export function isValidDate(s: string): boolean {
  return !Number.isNaN(dayNumberOrNaN(s));
}

/** Calendar-day arithmetic: `date` plus n days (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`天数应为整数：${n}`);
  return civilFromDays(dayNumber(date) + n);
}

/** Today's date in the local time zone, as YYYY-MM-DD. */
export function todayLocal(d: Date = new Date()): string {
  const m = d.getMonth() + 1;
  const day = d.getDate();
  return `${String(d.getFullYear()).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validates parsed JSON in the cn-holidays.json format and returns a clean copy holding
 * only the year keys. Non-year keys ("about", …) are ignored. Throws an Error with a
 * Chinese message naming the offending entry.
 */
export function parseHolidayData(json: unknown): HolidayData {
  if (!isPlainObject(json)) throw new Error('节假日数据格式不正确：顶层应为对象');
  const out: HolidayData = {};
  for (const key of Object.keys(json).sort()) {
    if (!YEAR_KEY_RE.test(key)) continue;
    const year = Number(key);
    const where = `节假日数据 ${key} 年`;
    const entry = json[key];
    if (!isPlainObject(entry)) throw new Error(`${where}：应为对象`);
    if (entry.source !== undefined && typeof entry.source !== 'string') throw new Error(`${where}：source 应为文字`);
    if (!Array.isArray(entry.off)) throw new Error(`${where}：缺少 off（放假日期范围）列表`);
    if (!Array.isArray(entry.work)) throw new Error(`${where}：缺少 work（调休上班日）列表`);
    // Dates may reach into the neighbouring years (e.g. 2018-12-30..2019-01-01 in the 2019 notice).
    const near = (d: number, s: string) => Math.abs(Number(s.slice(0, 4)) - year) <= 1 && !Number.isNaN(d);
    const off: [string, string][] = [];
    const offDays = new Set<number>();
    entry.off.forEach((r: unknown, i: number) => {
      const label = `${where} off 第${i + 1}项`;
      if (!Array.isArray(r) || r.length !== 2 || typeof r[0] !== 'string' || typeof r[1] !== 'string') {
        throw new Error(`${label}：应为 ["起始日期","结束日期"]`);
      }
      const [from, to] = r as [string, string];
      const a = dayNumberOrNaN(from);
      const b = dayNumberOrNaN(to);
      if (!near(a, from)) throw new Error(`${label}：起始日期“${from}”不正确`);
      if (!near(b, to)) throw new Error(`${label}：结束日期“${to}”不正确`);
      if (b < a) throw new Error(`${label}：结束日期“${to}”早于起始日期“${from}”`);
      if (b - a + 1 > MAX_OFF_RANGE_DAYS) throw new Error(`${label}：放假范围 ${from} 至 ${to} 超过${MAX_OFF_RANGE_DAYS}天，请核对`);
      for (let d = a; d <= b; d++) offDays.add(d);
      off.push([from, to]);
    });
    const work: string[] = [];
    entry.work.forEach((w: unknown, i: number) => {
      const label = `${where} work 第${i + 1}项`;
      if (typeof w !== 'string') throw new Error(`${label}：应为日期文字`);
      const d = dayNumberOrNaN(w);
      if (!near(d, w)) throw new Error(`${label}：日期“${w}”不正确`);
      const wd = weekdayOf(d);
      if (wd !== 0 && wd !== 6) throw new Error(`${label}：调休上班日“${w}”不是周六或周日`);
      if (offDays.has(d)) throw new Error(`${label}：“${w}”同时在放假范围内`);
      work.push(w);
    });
    const clean: HolidayYear = { off, work };
    if (typeof entry.source === 'string') clean.source = entry.source;
    out[key] = clean;
  }
  return out;
}

/**
 * Builds a calendar from holiday data (ideally passed through parseHolidayData first).
 * The lookup sets are built once; every query afterwards is a few Set lookups per day.
 */
export function createWorkdayCalendar(data: HolidayData): WorkdayCalendar {
  const offDays = new Set<number>();
  const workDays = new Set<number>();
  const covered = new Set<number>();
  for (const [key, y] of Object.entries(data)) {
    if (!YEAR_KEY_RE.test(key) || !y) continue;
    covered.add(Number(key));
    for (const [from, to] of y.off ?? []) {
      const b = dayNumber(to);
      for (let d = dayNumber(from); d <= b; d++) offDays.add(d);
    }
    for (const w of y.work ?? []) workDays.add(dayNumber(w));
  }
  const yearList = [...covered].sort((a, b) => a - b);

  // A listed make-up day wins over everything; then holiday ranges; then the weekend rule.
  const isWork = (day: number): boolean => {
    if (workDays.has(day)) return true;
    if (offDays.has(day)) return false;
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6;
  };

  return {
    isWorkday: (date) => isWork(dayNumber(date)),
    addWorkdays(date, n) {
      let day = dayNumber(date);
      if (!Number.isInteger(n)) throw new Error(`工作日数应为整数：${n}`);
      if (Math.abs(n) > MAX_WORKDAY_STEPS) throw new Error(`工作日数过大：${n}`);
      const step = n < 0 ? -1 : 1;
      for (let left = Math.abs(n); left > 0; ) {
        day += step;
        if (isWork(day)) left--;
      }
      return civilFromDays(day);
    },
    workdaysBetween(from, to) {
      const a = dayNumber(from);
      const b = dayNumber(to);
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      let count = 0;
      for (let d = lo + 1; d <= hi; d++) if (isWork(d)) count++;
      return b < a ? -count : count;
    },
    covers(date) {
      dayNumber(date); // validates
      return covered.has(Number(date.slice(0, 4)));
    },
    years: () => yearList.slice(),
  };
}
