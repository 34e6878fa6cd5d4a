import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareZh,
  formatBytes,
  formatDate,
  formatDateTime,
  formatDuration,
  toHalfWidth,
} from '../../shared/logic/text.js';

test('toHalfWidth converts full-width ASCII and the ideographic space', () => {
  assert.equal(toHalfWidth('０１２３４５６７８９'), '0123456789');
  assert.equal(toHalfWidth('ＡＢＣｘｙｚ'), 'ABCxyz');
  assert.equal(toHalfWidth('（０８２５）－１２３４５６７'), '(0825)-1234567');
  assert.equal(toHalfWidth('１\u3000２'), '1 2');
  assert.equal(toHalfWidth('！～'), '!~');
  assert.equal(toHalfWidth('遂林罚〔２０２６〕１２号'), '遂林罚〔2026〕12号');
  assert.equal(toHalfWidth('【】、。'), '【】、。');
  assert.equal(toHalfWidth(''), '');
  assert.equal(toHalfWidth('plain 123'), 'plain 123');
});

test('compareZh sorts by pinyin', () => {
  const names = ['张三', '李四', '王五', '阿明', '赵六', '陈七'];
  assert.deepEqual([...names].sort(compareZh), ['阿明', '陈七', '李四', '王五', '张三', '赵六']);
  assert.equal(compareZh('林业局', '林业局'), 0);
  assert.ok(compareZh('安', '白') < 0);
  assert.ok(compareZh('白', '安') > 0);
});

test('formatDateTime and formatDate use local time', () => {
  const local = new Date(2026, 0, 5, 9, 7, 30);
  assert.equal(formatDateTime(local.toISOString()), '2026-01-05 09:07');
  assert.equal(formatDate(local.toISOString()), '2026-01-05');
  const late = new Date(2026, 11, 31, 23, 59, 59);
  assert.equal(formatDateTime(late.toISOString()), '2026-12-31 23:59');
  assert.equal(formatDate(late.toISOString()), '2026-12-31');
  // Bare dates are calendar dates, never shifted by the time zone.
  assert.equal(formatDate('2026-10-08'), '2026-10-08');
  assert.equal(formatDateTime('2026-10-08'), '2026-10-08 00:00');
  assert.equal(formatDate('2026-02-30'), '');
  assert.equal(formatDate(''), '');
  assert.equal(formatDateTime('not a date'), '');
});

test('formatBytes uses binary units', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1024), '1 KB');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(1.5 * 1024 ** 3), '1.5 GB');
  assert.equal(formatBytes(4 * 1024 ** 3), '4 GB');
  assert.equal(formatBytes(12.34 * 1024 ** 2), '12.3 MB');
  assert.equal(formatBytes(256 * 1024 ** 3), '256 GB');
  assert.equal(formatBytes(2 * 1024 ** 4), '2 TB');
  assert.equal(formatBytes(1024 * 1024 - 1), '1 MB');
  assert.equal(formatBytes(-2048), '-2 KB');
  assert.equal(formatBytes(Number.NaN), '—');
});

test('formatDuration gives M:SS or H:MM:SS', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(5), '0:05');
  assert.equal(formatDuration(59.9), '0:59');
  assert.equal(formatDuration(61), '1:01');
  assert.equal(formatDuration(600), '10:00');
  assert.equal(formatDuration(3599), '59:59');
  assert.equal(formatDuration(3600), '1:00:00');
  assert.equal(formatDuration(3725), '1:02:05');
  assert.equal(formatDuration(36000 + 61), '10:01:01');
  assert.equal(formatDuration(-65), '-1:05');
  assert.equal(formatDuration(Number.POSITIVE_INFINITY), '--:--');
});
