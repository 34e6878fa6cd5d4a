import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createWorkdayCalendar, parseHolidayData } from '../../shared/logic/calendar.js';
import { dueInfo, extendedDueOn, reviewDueOn } from '../../shared/logic/review-due.js';

const cal = createWorkdayCalendar(
  parseHolidayData(JSON.parse(readFileSync(new URL('../../resources/calendar/cn-holidays.json', import.meta.url), 'utf8'))),
);

test('submission 2026-09-30 + 5 working days skips the National Day block and counts the Saturday make-up day', () => {
  // 10-01..10-07 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat make-up (3), 10-11 Sun off, 10-12 (4), 10-13 (5).
  assert.equal(reviewDueOn(cal, '2026-09-30', 5), '2026-10-13');
});

test('submission on the Friday before a Saturday make-up day', () => {
  // 2026-09-18 Fri; 09-20 Sun is a make-up day (1), 09-21 (2), 09-22 (3), 09-23 (4), 09-24 (5); 09-25..27 off.
  assert.equal(reviewDueOn(cal, '2026-09-18', 5), '2026-09-24');
  assert.equal(reviewDueOn(cal, '2026-09-18', 6), '2026-09-28', 'the Mid-Autumn days off are skipped');
});

test('submission on a holiday counts from the next working day', () => {
  assert.equal(reviewDueOn(cal, '2026-10-03', 1), '2026-10-08');
  assert.equal(reviewDueOn(cal, '2026-02-15', 5), '2026-02-28', 'Spring Festival block; the 5th day is the make-up Saturday');
});

test('ordinary weeks and a 10-day limit over a weekend', () => {
  assert.equal(reviewDueOn(cal, '2026-03-02', 5), '2026-03-09');
  assert.equal(reviewDueOn(cal, '2026-03-02', 10), '2026-03-16');
});

test('the extension counts on from the current due date', () => {
  assert.equal(extendedDueOn(cal, '2026-10-13', 3), '2026-10-16');
  assert.equal(extendedDueOn(cal, '2026-09-30', 1), '2026-10-08');
});

test('warnings: ok, 1 working day left, due today, overdue', () => {
  const due = '2026-10-13';
  assert.deepEqual(
    [dueInfo(cal, '2026-10-09', due).state, dueInfo(cal, '2026-10-09', due).workdaysLeft],
    ['ok', 3],
  );
  const oneLeft = dueInfo(cal, '2026-10-12', due);
  assert.equal(oneLeft.state, 'dueSoon');
  assert.equal(oneLeft.workdaysLeft, 1);
  assert.equal(oneLeft.label, '剩余 1 个工作日（10月13日到期）');
  // Sunday 10-11: Monday and Tuesday are left, two working days.
  assert.equal(dueInfo(cal, '2026-10-11', due).state, 'ok');
  const today = dueInfo(cal, due, due);
  assert.equal(today.state, 'dueSoon');
  assert.equal(today.label, '今天到期（10月13日）');
  const late = dueInfo(cal, '2026-10-15', due);
  assert.equal(late.state, 'overdue');
  assert.equal(late.workdaysLeft, -2);
  assert.equal(late.label, '已超期 2 个工作日（10月13日到期）');
});

test('warning across a holiday: the last working day before a long break is "1 day left"', () => {
  // Due 10-08; on 09-30 the only working day left is 10-08 itself.
  const d = dueInfo(cal, '2026-09-30', '2026-10-08');
  assert.equal(d.workdaysLeft, 1);
  assert.equal(d.state, 'dueSoon');
  // Overdue on a day off right after the due date: late by 0 working days, still overdue.
  const o = dueInfo(cal, '2026-10-11', '2026-10-10');
  assert.equal(o.state, 'overdue');
  assert.equal(o.label, '已超期（10月10日到期）');
});

test('the warning threshold is a setting', () => {
  assert.equal(dueInfo(cal, '2026-10-09', '2026-10-13', 3).state, 'dueSoon');
  assert.equal(dueInfo(cal, '2026-10-12', '2026-10-13', 0).state, 'ok');
});
