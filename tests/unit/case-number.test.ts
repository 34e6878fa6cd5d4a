import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_CASE_NUMBER_PATTERN,
  formatCaseNumber,
  parseCaseNumber,
  validatePattern,
} from '../../shared/logic/case-number.js';

const P = DEFAULT_CASE_NUMBER_PATTERN;
const base = { unit: '遂林', type: '罚', year: 2026, seq: 12 };

test('default pattern formats and parses round trip', () => {
  assert.equal(P, '{unit}{type}〔{year}〕{seq}号');
  assert.equal(validatePattern(P), null);
  assert.equal(formatCaseNumber(P, base), '遂林罚〔2026〕12号');
  assert.deepEqual(parseCaseNumber(P, '遂林罚〔2026〕12号'), base);
  for (const seq of [1, 9, 10, 99, 100, 1234, 100000]) {
    for (const [unit, type] of [['遂林', '罚'], ['泸州市林业局', '许'], ['高昌林草', '强']]) {
      const parts = { unit, type, year: 2025, seq };
      assert.deepEqual(parseCaseNumber(P, formatCaseNumber(P, parts)), parts);
    }
  }
});

test('padded sequence {seq:N}', () => {
  const p = '{unit}{type}〔{year}〕{seq:3}号';
  assert.equal(formatCaseNumber(p, { ...base, seq: 7 }), '遂林罚〔2026〕007号');
  assert.equal(formatCaseNumber(p, { ...base, seq: 999 }), '遂林罚〔2026〕999号');
  assert.equal(formatCaseNumber(p, { ...base, seq: 1234 }), '遂林罚〔2026〕1234号');
  assert.deepEqual(parseCaseNumber(p, '遂林罚〔2026〕007号'), { ...base, seq: 7 });
  assert.deepEqual(parseCaseNumber(p, '遂林罚〔2026〕1234号'), { ...base, seq: 1234 });
  assert.equal(parseCaseNumber(p, '遂林罚〔2026〕7号'), null, 'padding width is exact');
  assert.equal(parseCaseNumber(p, '遂林罚〔2026〕07号'), null);
  assert.equal(parseCaseNumber(p, '遂林罚〔2026〕0007号'), null);
  assert.equal(parseCaseNumber(p, '遂林罚〔2026〕000号'), null, 'sequence 0 is not a case');
});

test('custom patterns', () => {
  const p = '{unit}{type}字〔{year}〕第{seq:3}号';
  assert.equal(validatePattern(p), null);
  assert.equal(formatCaseNumber(p, base), '遂林罚字〔2026〕第012号');
  assert.deepEqual(parseCaseNumber(p, '遂林罚字〔2026〕第012号'), base);
  assert.deepEqual(parseCaseNumber(p, '遂林罚字[2026]第012号'), base);
  assert.equal(parseCaseNumber(p, '遂林罚〔2026〕第012号'), null);

  const plain = '{year}-{seq:4}';
  assert.equal(formatCaseNumber(plain, { ...base, unit: '', type: '' }), '2026-0012');
  assert.deepEqual(parseCaseNumber(plain, '2026-0012'), { unit: '', type: '', year: 2026, seq: 12 });

  const typeFirst = '{type}〔{year}〕{unit}{seq}号';
  assert.equal(formatCaseNumber(typeFirst, base), '罚〔2026〕遂林12号');
  assert.deepEqual(parseCaseNumber(typeFirst, '罚〔2026〕遂林12号'), base);

  const glued = '{seq}{year}';
  assert.deepEqual(parseCaseNumber(glued, '122026'), { unit: '', type: '', year: 2026, seq: 12 });

  const parens = '{unit}{type}（{year}）{seq}号';
  assert.equal(formatCaseNumber(parens, base), '遂林罚（2026）12号');
  assert.deepEqual(parseCaseNumber(parens, '遂林罚（2026）12号'), base);
  assert.equal(parseCaseNumber(parens, '遂林罚〔2026〕12号'), null, 'no bracket mapping without 〔〕');
  assert.equal(parseCaseNumber(parens, '遂林罚(2026)12号'), null);

  const regexChars = '{unit}.{type}*[{year}]+{seq}?';
  assert.equal(formatCaseNumber(regexChars, base), '遂林.罚*[2026]+12?');
  assert.deepEqual(parseCaseNumber(regexChars, '遂林.罚*[2026]+12?'), base);
  assert.equal(parseCaseNumber(regexChars, '遂林X罚*[2026]+12?'), null, 'literals are escaped');
});

test('bracket variants and full-width digits are accepted for 〔〕 patterns', () => {
  for (const s of [
    '遂林罚[2026]12号',
    '遂林罚［2026］12号',
    '遂林罚(2026)12号',
    '遂林罚（2026）12号',
    '遂林罚【2026】12号',
    '遂林罚﹝2026﹞12号',
    '遂林罚〖2026〗12号',
    '遂林罚(2026〕12号',
    '遂林罚〔２０２６〕１２号',
    '  遂林罚〔2026〕12号 ',
    '遂林罚 〔2026〕 12 号',
  ]) {
    assert.deepEqual(parseCaseNumber(P, s), base, s);
  }
});

test('known unit and type lists resolve the split', () => {
  const known = { units: ['遂', '遂林'], types: ['罚', '罚决', '许'] };
  assert.deepEqual(parseCaseNumber(P, '遂林罚决〔2026〕3号', known), { unit: '遂林', type: '罚决', year: 2026, seq: 3 });
  assert.deepEqual(parseCaseNumber(P, '遂许〔2026〕3号', known), { unit: '遂', type: '许', year: 2026, seq: 3 });
  // Without lists the type is taken as one character.
  assert.deepEqual(parseCaseNumber(P, '遂林罚决〔2026〕3号'), { unit: '遂林罚', type: '决', year: 2026, seq: 3 });
  assert.deepEqual(parseCaseNumber(P, '遂林罚决〔2026〕3号', { types: ['罚决'] }), {
    unit: '遂林',
    type: '罚决',
    year: 2026,
    seq: 3,
  });
  // A unit missing from the list still parses by the default rule.
  assert.deepEqual(parseCaseNumber(P, '蓬林罚〔2026〕5号', known), { unit: '蓬林', type: '罚', year: 2026, seq: 5 });
  assert.deepEqual(parseCaseNumber(P, '遂林罚〔2026〕5号', { units: [], types: [] }), { ...base, seq: 5 });
});

test('malformed case numbers are rejected', () => {
  for (const s of [
    '',
    '   ',
    'abc',
    '遂林罚〔26〕12号',
    '遂林罚〔20266〕12号',
    '遂林罚〔2026〕号',
    '遂林罚〔2026〕12',
    '遂林罚2026〕12号',
    '遂林罚〔2026〕12号附件',
    '罚〔2026〕12号',
    '〔2026〕12号',
    '遂林罚〔2026〕0号',
    '遂林罚〔2026〕-1号',
    '遂林罚〔0999〕1号',
    '遂林罚〔2026〕1.5号',
    '遂林罚〔2026〕<12>号',
    '12遂林罚〔2026〕12号',
  ]) {
    assert.equal(parseCaseNumber(P, s), null, s);
  }
  assert.equal(parseCaseNumber(P, undefined as unknown as string), null);
});

test('invalid patterns are refused with a Chinese message', () => {
  const bad: [string, RegExp][] = [
    ['', /不能为空/],
    ['{unit}{type}〔{year}〕号', /必须包含\{seq\}/],
    ['{unit}{type}{seq}号', /必须包含\{year\}/],
    ['{year}{year}{seq}', /\{year\}只能出现一次/],
    ['{year}{seq}{seq:3}', /\{seq\}只能出现一次/],
    ['{unit}{unit}{year}{seq}', /\{unit\}最多出现一次/],
    ['{type}{year}{seq}{type}', /\{type\}最多出现一次/],
    ['{unit}{foo}{year}{seq}', /未知的占位符\{foo\}/],
    ['{YEAR}{seq}', /未知的占位符\{YEAR\}/],
    ['{year}{seq:0}', /位数应为1到10/],
    ['{year}{seq:11}', /位数应为1到10/],
    ['{year}{seq:x}', /未知的占位符/],
    ['{year}{seq}}', /花括号不配对/],
    ['{year{seq}', /花括号不配对/],
    ['x'.repeat(101) + '{year}{seq}', /不能超过/],
  ];
  for (const [p, re] of bad) {
    const msg = validatePattern(p);
    assert.ok(msg, `${p} should be refused`);
    assert.match(msg, re, p);
    assert.throws(() => formatCaseNumber(p, base), re);
    assert.throws(() => parseCaseNumber(p, '遂林罚〔2026〕12号'), re);
  }
  assert.equal(validatePattern('{year}{seq}'), null);
  assert.equal(validatePattern('{type}{unit}〔{year}〕{seq:6}号'), null);
});

test('formatCaseNumber refuses bad parts', () => {
  assert.throws(() => formatCaseNumber(P, { ...base, year: 26 }), /年份应为4位数字/);
  assert.throws(() => formatCaseNumber(P, { ...base, year: 2026.5 }), /年份/);
  assert.throws(() => formatCaseNumber(P, { ...base, seq: 0 }), /序号应为正整数/);
  assert.throws(() => formatCaseNumber(P, { ...base, seq: 1.5 }), /序号/);
  assert.throws(() => formatCaseNumber(P, { ...base, unit: '' }), /单位简称不能为空/);
  assert.throws(() => formatCaseNumber(P, { ...base, type: ' ' }), /类别简称不能为空/);
  assert.throws(() => formatCaseNumber(P, { ...base, unit: '遂林2' }), /不能包含数字/);
  // Unit and type are not needed when the pattern does not use them.
  assert.equal(formatCaseNumber('〔{year}〕{seq}号', { unit: '', type: '', year: 2026, seq: 3 }), '〔2026〕3号');
});
