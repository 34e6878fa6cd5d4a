import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axisTicks, fmtTick } from '../../renderer/features/dashboard/axis-ticks.js';

const labels = (v: number, whole: boolean) => axisTicks(v, whole).map(fmtTick);

test('trend axis: round steps, whole numbers for counts, no label twice', () => {
  assert.deepEqual(labels(0, true), ['0', '1', '2', '3', '4']);
  assert.deepEqual(labels(3, true), ['0', '1', '2', '3']);
  assert.deepEqual(labels(27, true), ['0', '10', '20', '30']);
  assert.deepEqual(labels(7.3, false), ['0', '2', '4', '6', '8']);
  assert.deepEqual(labels(0.01, false), ['0', '0.01'], 'a few minutes of footage: not 0, 0.01, 0.01');
  for (const v of [0.01, 0.03, 0.07, 0.2, 1.3, 13, 130]) {
    const l = labels(v, false);
    assert.equal(new Set(l).size, l.length, `${v}: ${l.join(' ')}`);
    assert.ok(axisTicks(v, false).at(-1)! >= v);
  }
});
