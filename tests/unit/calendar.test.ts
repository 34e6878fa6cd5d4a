import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  addDays,
  createWorkdayCalendar,
  isValidDate,
  parseHolidayData,
  todayLocal,
  type HolidayData,
} from '../../shared/logic/calendar.js';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../resources/calendar/cn-holidays.json', import.meta.url), 'utf8'),
);
const data = parseHolidayData(raw);
const cal = createWorkdayCalendar(data);

test('parses the shipped data and ignores non-year keys', () => {
  assert.deepEqual(Object.keys(data).sort(), ['2025', '2026']);
  assert.equal(data['2026'].off.length, 7);
  assert.deepEqual(data['2026'].work, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  assert.match(data['2025'].source ?? '', /国办发明电/);
  assert.deepEqual(cal.years(), [2025, 2026]);
});

test('isWorkday: make-up days, holidays, weekends', () => {
  assert.equal(cal.isWorkday('2026-02-14'), true, 'Saturday make-up day');
  assert.equal(cal.isWorkday('2026-02-16'), false, 'Spring Festival Monday');
  assert.equal(cal.isWorkday('2026-02-23'), false, 'last day of Spring Festival block');
  assert.equal(cal.isWorkday('2026-02-24'), true);
  assert.equal(cal.isWorkday('2026-10-01'), false);
  assert.equal(cal.isWorkday('2026-10-07'), false);
  assert.equal(cal.isWorkday('2026-10-08'), true, 'Thursday after National Day block');
  assert.equal(cal.isWorkday('2026-10-10'), true, 'Saturday make-up day');
  assert.equal(cal.isWorkday('2026-10-11'), false, 'ordinary Sunday');
  assert.equal(cal.isWorkday('2026-01-04'), true, 'Sunday make-up day');
  assert.equal(cal.isWorkday('2026-01-01'), false);
  assert.equal(cal.isWorkday('2026-03-10'), true, 'ordinary Tuesday');
  assert.equal(cal.isWorkday('2025-10-08'), false, '2025 National Day block ran to 10-08');
  assert.equal(cal.isWorkday('2025-09-28'), true, '2025 Sunday make-up day');
  assert.equal(cal.isWorkday('2025-01-26'), true);
  assert.equal(cal.isWorkday('2025-02-04'), false);
});

test('addWorkdays: next working day skips holiday blocks', () => {
  assert.equal(cal.addWorkdays('2026-09-30', 1), '2026-10-08');
  assert.equal(cal.addWorkdays('2026-02-13', 1), '2026-02-14');
  assert.equal(cal.addWorkdays('2026-02-14', 1), '2026-02-24');
  assert.equal(cal.addWorkdays('2025-09-30', 1), '2025-10-09');
  assert.equal(cal.addWorkdays('2025-01-24', 1), '2025-01-26');
  assert.equal(cal.addWorkdays('2025-01-24', 2), '2025-01-27');
  assert.equal(cal.addWorkdays('2025-01-24', 3), '2025-02-05');
});

test('addWorkdays: across New Year 2025 → 2026', () => {
  assert.equal(cal.addWorkdays('2025-12-30', 1), '2025-12-31');
  assert.equal(cal.addWorkdays('2025-12-31', 1), '2026-01-04');
  assert.equal(cal.addWorkdays('2025-12-31', 2), '2026-01-05');
  assert.equal(cal.addWorkdays('2026-01-05', -2), '2025-12-31');
});

test('addWorkdays: 7-working-day disclosure deadlines', () => {
  // Decision on Wed 30 Sep 2026: 10-08, 10-09, 10-10 (Sat make-up), 10-12..10-15.
  assert.equal(cal.addWorkdays('2026-09-30', 7), '2026-10-15');
  // Decision on Thu 12 Feb 2026: 02-13, 02-14 (Sat), 02-24..02-27, 02-28 (Sat make-up).
  assert.equal(cal.addWorkdays('2026-02-12', 7), '2026-02-28');
  // Ordinary week: Mon 9 Mar 2026 → Wed 18 Mar.
  assert.equal(cal.addWorkdays('2026-03-09', 7), '2026-03-18');
  // Decision made on a holiday (Sunday inside the block): counting starts after it,
  // so the deadline equals that of a decision on the last working day before the block.
  assert.equal(cal.addWorkdays('2026-10-04', 7), '2026-10-15');
  // 1-working-day takedown after a revocation on Friday 2026-04-03 (Qingming block follows).
  assert.equal(cal.addWorkdays('2026-04-03', 1), '2026-04-07');
});

test('addWorkdays: n = 0, negative n, bad input', () => {
  assert.equal(cal.addWorkdays('2026-02-16', 0), '2026-02-16');
  assert.equal(cal.addWorkdays('2026-10-08', -1), '2026-09-30');
  assert.equal(cal.addWorkdays('2026-02-24', -1), '2026-02-14');
  assert.equal(cal.addWorkdays('2026-02-16', 1), '2026-02-24');
  assert.throws(() => cal.addWorkdays('2026-02-30', 1), /日期格式不正确/);
  assert.throws(() => cal.addWorkdays('2026-02-01', 1.5), /整数/);
  assert.throws(() => cal.addWorkdays('2026/02/01', 1), /日期格式不正确/);
});

test('workdaysBetween: half-open interval, symmetric sign', () => {
  assert.equal(cal.workdaysBetween('2026-09-30', '2026-10-15'), 7);
  assert.equal(cal.workdaysBetween('2026-10-15', '2026-09-30'), -7);
  assert.equal(cal.workdaysBetween('2026-10-08', '2026-10-08'), 0);
  assert.equal(cal.workdaysBetween('2026-09-30', '2026-10-07'), 0);
  assert.equal(cal.workdaysBetween('2025-12-31', '2026-01-05'), 2);
  assert.equal(cal.workdaysBetween('2026-01-05', '2025-12-31'), -2);
  // 365 − 104 weekend days − 13 statutory holidays = 248 in both years.
  assert.equal(cal.workdaysBetween('2024-12-31', '2025-12-31'), 248);
  assert.equal(cal.workdaysBetween('2025-12-31', '2026-12-31'), 248);
});

test('addWorkdays and workdaysBetween agree over 2025–2026', () => {
  for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
    for (const n of [1, 2, 5, 7, 10]) {
      const end = cal.addWorkdays(d, n);
      assert.equal(cal.isWorkday(end), true);
      assert.equal(cal.workdaysBetween(d, end), n);
      assert.equal(cal.workdaysBetween(end, d), -n);
      if (cal.isWorkday(d)) assert.equal(cal.addWorkdays(end, -n), d);
    }
  }
});

test('fallback to the weekend rule outside the data', () => {
  assert.equal(cal.covers('2026-06-01'), true);
  assert.equal(cal.covers('2027-01-01'), false);
  assert.equal(cal.covers('2024-10-01'), false);
  assert.equal(cal.isWorkday('2027-01-01'), true, 'Friday, no data for 2027');
  assert.equal(cal.isWorkday('2027-01-02'), false, 'Saturday');
  assert.equal(cal.isWorkday('2024-10-01'), true, 'Tuesday, no data for 2024');
  assert.equal(cal.addWorkdays('2027-01-01', 1), '2027-01-04');
  assert.equal(cal.addWorkdays('2026-12-31', 1), '2027-01-01');
  const plain = createWorkdayCalendar({});
  assert.deepEqual(plain.years(), []);
  assert.equal(plain.isWorkday('2026-10-01'), true);
  assert.equal(plain.workdaysBetween('2026-01-04', '2026-01-11'), 5);
  assert.equal(plain.addWorkdays('2026-01-09', -5), '2026-01-02');
});

test('invalid holiday data is rejected with a Chinese message naming the entry', () => {
  const ok = { off: [['2026-01-01', '2026-01-03']], work: ['2026-01-04'] };
  assert.doesNotThrow(() => parseHolidayData({ '2026': ok }));
  assert.throws(() => parseHolidayData(null), /顶层应为对象/);
  assert.throws(() => parseHolidayData([]), /顶层应为对象/);
  assert.throws(() => parseHolidayData({ '2026': 'x' }), /2026 年：应为对象/);
  assert.throws(() => parseHolidayData({ '2026': { work: [] } }), /2026 年：缺少 off/);
  assert.throws(() => parseHolidayData({ '2026': { off: [] } }), /2026 年：缺少 work/);
  assert.throws(() => parseHolidayData({ '2026': { ...ok, source: 5 } }), /source/);
  assert.throws(
    () => parseHolidayData({ '2026': { off: [['2026-01-01', '2026-01-03'], ['2026-02-30', '2026-03-01']], work: [] } }),
    /2026 年 off 第2项：起始日期“2026-02-30”不正确/,
  );
  assert.throws(() => parseHolidayData({ '2026': { off: [['2026-01-03', '2026-01-01']], work: [] } }), /早于/);
  assert.throws(() => parseHolidayData({ '2026': { off: [['2026-01-01']], work: [] } }), /off 第1项/);
  assert.throws(() => parseHolidayData({ '2026': { off: [['2026-02-15', '2026-12-23']], work: [] } }), /超过/);
  assert.throws(() => parseHolidayData({ '2026': { off: [['2029-01-01', '2029-01-02']], work: [] } }), /不正确/);
  assert.throws(() => parseHolidayData({ '2026': { off: [], work: ['2026-01-05'] } }), /work 第1项.*不是周六或周日/);
  assert.throws(() => parseHolidayData({ '2026': { off: [], work: [20260104] } }), /work 第1项/);
  assert.throws(
    () => parseHolidayData({ '2026': { off: [['2026-01-01', '2026-01-04']], work: ['2026-01-04'] } }),
    /同时在放假范围内/,
  );
  // Neighbouring-year dates are allowed (the 2019 notice began on 2018-12-30).
  const y2019 = parseHolidayData({ '2019': { off: [['2018-12-30', '2019-01-01']], work: ['2018-12-29'] }, about: 'x' });
  const c = createWorkdayCalendar(y2019);
  assert.equal(c.isWorkday('2018-12-29'), true);
  assert.equal(c.isWorkday('2018-12-31'), false);
  assert.deepEqual(Object.keys(y2019), ['2019']);
});

test('work entries win over off ranges when data bypasses validation', () => {
  const d: HolidayData = { '2026': { off: [['2026-01-01', '2026-01-04']], work: ['2026-01-04'] } };
  assert.equal(createWorkdayCalendar(d).isWorkday('2026-01-04'), true);
});

test('isValidDate, addDays and todayLocal', () => {
  assert.equal(isValidDate('2026-02-28'), true);
  assert.equal(isValidDate('2024-02-29'), true);
  assert.equal(isValidDate('2026-02-29'), false);
  assert.equal(isValidDate('1900-02-29'), false);
  assert.equal(isValidDate('2000-02-29'), true);
  assert.equal(isValidDate('2026-13-01'), false);
  assert.equal(isValidDate('2026-1-01'), false);
  assert.equal(isValidDate(' 2026-01-01'), false);
  assert.equal(isValidDate(''), false);
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('1970-01-01', -1), '1969-12-31');
  assert.equal(todayLocal(new Date(2026, 0, 5, 23, 59, 59)), '2026-01-05');
  assert.equal(todayLocal(new Date(2026, 11, 31, 0, 0, 0)), '2026-12-31');
  assert.match(todayLocal(), /^\d{4}-\d{2}-\d{2}$/);
});

test('covers and isWorkday reject malformed dates', () => {
  assert.throws(() => cal.covers('2026-00-01'), /日期格式不正确/);
  assert.throws(() => cal.isWorkday('20261001'), /日期格式不正确/);
  assert.throws(() => cal.workdaysBetween('2026-10-01', 'x'), /日期格式不正确/);
});

test('addWorkdays over ±400 days is fast', () => {
  const t0 = performance.now();
  let last = '';
  for (let i = 0; i < 2000; i++) {
    last = cal.addWorkdays('2026-06-15', i % 2 ? 400 : -400);
  }
  const perCallMs = (performance.now() - t0) / 2000;
  assert.equal(last, cal.addWorkdays('2026-06-15', 400));
  assert.ok(perCallMs < 0.5, `addWorkdays took ${perCallMs} ms per call`);
});
