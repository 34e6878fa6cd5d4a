import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRange, planRangeResponse } from '../../shared/logic/http-range.js';

describe('parseRange', () => {
  const size = 1000;

  it('treats a missing, foreign-unit or malformed header as "send the whole file"', () => {
    for (const h of [undefined, null, '', 'items=0-5', 'bytes', 'bytes=', 'bytes=abc', 'bytes=5-2', 'bytes=1-2-3', 'bytes=--5', 'bytes=0x10-20', 'bytes=1.5-2', 'bytes=0-1,zz']) {
      assert.deepEqual(parseRange(h, size), { kind: 'whole' }, String(h));
    }
    assert.deepEqual(parseRange('bytes=' + '0-1,'.repeat(400), size), { kind: 'whole' }, 'too long a header is ignored');
  });

  it('single range', () => {
    assert.deepEqual(parseRange('bytes=0-499', size), { kind: 'range', range: { start: 0, end: 499 } });
    assert.deepEqual(parseRange('bytes=500-500', size), { kind: 'range', range: { start: 500, end: 500 } });
    assert.deepEqual(parseRange('Bytes = 10-19', size), { kind: 'range', range: { start: 10, end: 19 } }, 'unit is case-insensitive');
  });

  it('clamps a last position beyond the end', () => {
    assert.deepEqual(parseRange('bytes=900-5000', size), { kind: 'range', range: { start: 900, end: 999 } });
    assert.deepEqual(parseRange('bytes=0-99999999999999999999', size), { kind: 'range', range: { start: 0, end: 999 } });
  });

  it('open range bytes=100-', () => {
    assert.deepEqual(parseRange('bytes=100-', size), { kind: 'range', range: { start: 100, end: 999 } });
    assert.deepEqual(parseRange('bytes=0-', size), { kind: 'range', range: { start: 0, end: 999 } });
    assert.deepEqual(parseRange('bytes=999-', size), { kind: 'range', range: { start: 999, end: 999 } });
  });

  it('suffix range bytes=-500', () => {
    assert.deepEqual(parseRange('bytes=-500', size), { kind: 'range', range: { start: 500, end: 999 } });
    assert.deepEqual(parseRange('bytes=-5000', size), { kind: 'range', range: { start: 0, end: 999 } }, 'longer than the file: all of it');
    assert.deepEqual(parseRange('bytes=-0', size), { kind: 'unsatisfiable' });
  });

  it('multiple ranges: the first satisfiable one is served', () => {
    assert.deepEqual(parseRange('bytes=0-9, 20-29', size), { kind: 'range', range: { start: 0, end: 9 } });
    assert.deepEqual(parseRange('bytes=5000-6000, -10', size), { kind: 'range', range: { start: 990, end: 999 } });
    assert.deepEqual(parseRange('bytes=5000-, 6000-7000', size), { kind: 'unsatisfiable' });
    assert.deepEqual(parseRange('bytes=, 0-1', size), { kind: 'range', range: { start: 0, end: 1 } }, 'empty list elements are allowed');
  });

  it('a start at or beyond the size is unsatisfiable', () => {
    assert.deepEqual(parseRange('bytes=1000-', size), { kind: 'unsatisfiable' });
    assert.deepEqual(parseRange('bytes=1000-2000', size), { kind: 'unsatisfiable' });
    assert.deepEqual(parseRange('bytes=99999999999999999999-', size), { kind: 'unsatisfiable' });
  });

  it('an empty file has no satisfiable range', () => {
    for (const h of ['bytes=0-', 'bytes=0-0', 'bytes=-1', 'bytes=-0']) assert.deepEqual(parseRange(h, 0), { kind: 'unsatisfiable' }, h);
    assert.deepEqual(parseRange(undefined, 0), { kind: 'whole' });
  });
});

describe('planRangeResponse', () => {
  it('200 with the whole file and Accept-Ranges when there is no Range', () => {
    assert.deepEqual(planRangeResponse(null, 1000), {
      status: 200,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '1000' },
      range: { start: 0, end: 999 },
    });
  });

  it('206 with Content-Range and the span length', () => {
    assert.deepEqual(planRangeResponse('bytes=100-199', 1000), {
      status: 206,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Range': 'bytes 100-199/1000', 'Content-Length': '100' },
      range: { start: 100, end: 199 },
    });
    assert.equal(planRangeResponse('bytes=-500', 1000).headers['Content-Range'], 'bytes 500-999/1000');
    assert.equal(planRangeResponse('bytes=100-', 1000).headers['Content-Length'], '900');
  });

  it('416 with Content-Range: bytes */size and no body', () => {
    assert.deepEqual(planRangeResponse('bytes=2000-', 1000), {
      status: 416,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Range': 'bytes */1000', 'Content-Length': '0' },
      range: null,
    });
  });

  it('empty file: 200 with no body, or 416 for any range', () => {
    assert.deepEqual(planRangeResponse(undefined, 0), { status: 200, headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '0' }, range: null });
    assert.equal(planRangeResponse('bytes=0-', 0).status, 416);
    assert.equal(planRangeResponse('bytes=0-', 0).headers['Content-Range'], 'bytes */0');
  });

  it('malformed Range is ignored: 200, whole file', () => {
    assert.equal(planRangeResponse('bytes=9-1', 10).status, 200);
    assert.equal(planRangeResponse('lines=1-2', 10).status, 200);
  });
});
