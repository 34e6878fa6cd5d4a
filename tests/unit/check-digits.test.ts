import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkCreditCode,
  checkIdNumber,
  checkPhone,
  creditCheckChar,
  idCheckChar,
  makeCreditCode,
  makeIdNumber,
} from '../../shared/logic/check-digits.js';

const TODAY = '2026-06-01';
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

test('ID: the GB 11643 example and generated numbers pass', () => {
  const r = checkIdNumber('11010519491231002X', TODAY);
  assert.deepEqual(r, { level: 'ok', normalized: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
  const id = makeIdNumber('510903', '19850612', '123');
  assert.equal(id, '510903198506121235');
  assert.equal(id.length, 18);
  const ok = checkIdNumber(id, TODAY);
  assert.equal(ok.level, 'ok');
  assert.equal(ok.message, undefined);
  assert.equal(ok.birthDate, '1985-06-12');
  assert.equal(ok.gender, 'male');
  assert.equal(checkIdNumber(makeIdNumber('510903', '19850612', '123', 2), TODAY).gender, 'female');
  assert.equal(makeIdNumber('510903', '19850612', '120', 7).slice(14, 17), '127');
  assert.equal(checkIdNumber(makeIdNumber('650402', '20000229', '001'), TODAY).level, 'ok');
});

test('ID: X check character, lower-case x, spaces and full-width input', () => {
  // Find a generated number whose check character is X.
  let withX = '';
  for (let seq = 0; seq < 1000 && !withX; seq++) {
    const id = makeIdNumber('510903', '19900101', String(seq).padStart(3, '0'));
    if (id.endsWith('X')) withX = id;
  }
  assert.ok(withX, 'some sequence gives check character X');
  assert.equal(idCheckChar(withX.slice(0, 17)), 'X');
  assert.equal(checkIdNumber(withX.toLowerCase(), TODAY).level, 'ok');
  assert.equal(checkIdNumber(withX.toLowerCase(), TODAY).normalized, withX);
  assert.equal(checkIdNumber(`  ${withX.slice(0, 6)} ${withX.slice(6)} `, TODAY).level, 'ok');
  const full = '１１０１０５１９４９１２３１００２ｘ';
  assert.deepEqual(checkIdNumber(full, TODAY).normalized, '11010519491231002X');
  assert.equal(checkIdNumber(full, TODAY).level, 'ok');
});

test('ID: every single-character corruption is rejected', () => {
  const ids = ['11010519491231002X', makeIdNumber('510903', '19850612', '123'), makeIdNumber('320102', '20010915', '046')];
  let tried = 0;
  for (const id of ids) {
    for (let i = 0; i < 18; i++) {
      const alphabet = i === 17 ? '0123456789X' : '0123456789';
      for (const ch of alphabet) {
        if (ch === id[i]) continue;
        const bad = id.slice(0, i) + ch + id.slice(i + 1);
        const r = checkIdNumber(bad, TODAY);
        assert.equal(r.level, 'error', `${bad} should be rejected`);
        assert.ok(r.message, 'a message explains the error');
        assert.equal(r.birthDate, undefined);
        tried++;
      }
    }
  }
  assert.equal(tried, 3 * (17 * 9 + 10));
});

test('ID: check character, birth date, area and length errors', () => {
  const id = makeIdNumber('510903', '19850612', '123');
  const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  assert.equal(checkIdNumber(wrongCheck, TODAY).message, '身份证号码校验位不正确，请核对最后一位');
  const feb30 = '51090319850230123';
  assert.match(checkIdNumber(feb30 + idCheckChar(feb30), TODAY).message ?? '', /出生日期“19850230”不正确/);
  const future = '51090320991231123';
  assert.match(checkIdNumber(future + idCheckChar(future), TODAY).message ?? '', /晚于今天/);
  const old = '51090318991231123';
  assert.equal(checkIdNumber(old + idCheckChar(old), TODAY).level, 'error');
  const zeroArea = '01090319850612123';
  assert.match(checkIdNumber(zeroArea + idCheckChar(zeroArea), TODAY).message ?? '', /地址码/);
  assert.match(checkIdNumber(id.slice(0, 17), TODAY).message ?? '', /^身份证号码应为18位/);
  assert.match(checkIdNumber(id + '1', TODAY).message ?? '', /当前为19位/);
  assert.match(checkIdNumber('5109031985061212X5', TODAY).message ?? '', /前17位应为数字/);
  assert.match(checkIdNumber('51090319850612123Y', TODAY).message ?? '', /最后一位为数字或X/);
  assert.equal(checkIdNumber('', TODAY).message, '请输入身份证号码');
  assert.equal(checkIdNumber('   ', TODAY).level, 'error');
  // Born today is fine; tomorrow is not.
  const todayBorn = '51090320260601123';
  assert.equal(checkIdNumber(todayBorn + idCheckChar(todayBorn), TODAY).level, 'ok');
  assert.equal(checkIdNumber(todayBorn + idCheckChar(todayBorn), '2026-05-31').level, 'error');
});

test('ID: 15-digit old numbers give a warning', () => {
  const r = checkIdNumber('510903850612123', TODAY);
  assert.equal(r.level, 'warning');
  assert.equal(r.message, '15位旧身份证号码，请核对后使用');
  assert.equal(r.birthDate, '1985-06-12');
  assert.equal(r.gender, 'male');
  assert.equal(checkIdNumber('510903850612124', TODAY).gender, 'female');
  assert.equal(checkIdNumber('510903850230123', TODAY).level, 'error');
  assert.equal(checkIdNumber('51090385061212X', TODAY).level, 'error');
  assert.equal(checkIdNumber('010903850612123', TODAY).level, 'error');
});

test('ID generators reject bad input', () => {
  assert.throws(() => idCheckChar('1234'), /17位/);
  assert.throws(() => makeIdNumber('51090', '19850612', '123'), /地址码/);
  assert.throws(() => makeIdNumber('510903', '19850230', '123'), /出生日期/);
  assert.throws(() => makeIdNumber('510903', '19850612', '12'), /顺序码/);
  assert.throws(() => makeIdNumber('510903', '19850612', '123', 10), /性别位/);
});

test('credit code: known-valid and generated codes pass', () => {
  assert.deepEqual(checkCreditCode('91350100M000100Y43'), { level: 'ok', normalized: '91350100M000100Y43' });
  const code = makeCreditCode('91510903MA6Q12345');
  assert.equal(code, '91510903MA6Q123454');
  assert.equal(checkCreditCode(code).level, 'ok');
  assert.equal(checkCreditCode(code.toLowerCase()).normalized, code);
  assert.equal(checkCreditCode(` ${code.slice(0, 9)} ${code.slice(9)} `).level, 'ok');
  assert.equal(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３').level, 'ok');
  for (const first of ['1', '5', '9', 'Y', 'A']) {
    const c = makeCreditCode(`${first}1510903${'0'.repeat(9)}`);
    assert.equal(checkCreditCode(c).level, 'ok', c);
  }
  // The check value 0 maps to '0' (31 - 0 mod 31 = 31 → 0), and a check char can be a letter.
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) seen.add(creditCheckChar(`9151090${String(i).padStart(10, '0')}`));
  assert.equal(seen.size, 31, 'every charset character occurs as a check character');
});

test('credit code: every single-character corruption is rejected', () => {
  const code = '91350100M000100Y43';
  let tried = 0;
  for (let i = 0; i < 18; i++) {
    for (const ch of CREDIT_CHARSET) {
      if (ch === code[i]) continue;
      // MOD 31 with weights coprime to 31 catches every substitution.
      const r = checkCreditCode(code.slice(0, i) + ch + code.slice(i + 1));
      assert.equal(r.level, 'error');
      assert.match(r.message ?? '', /校验位不正确/);
      tried++;
    }
  }
  assert.equal(tried, 18 * 30);
});

test('credit code: forbidden letters, bad characters, length, check character', () => {
  for (const letter of 'IOZSV') {
    const r = checkCreditCode('91350100M' + letter + '00100Y43');
    assert.equal(r.level, 'error');
    assert.equal(r.message, `统一社会信用代码不使用字母I、O、Z、S、V，第10位“${letter}”有误`);
  }
  assert.match(checkCreditCode('91350100-000100Y43').message ?? '', /第9位“-”不是有效字符/);
  assert.match(checkCreditCode('91350100M000100Y4').message ?? '', /应为18位，当前为17位/);
  assert.equal(checkCreditCode('91350100M000100Y44').message, '统一社会信用代码校验位不正确，请核对最后一位');
  assert.equal(checkCreditCode('').message, '请输入统一社会信用代码');
  const oddDivision = makeCreditCode('91AB0903MA6Q12345');
  assert.equal(checkCreditCode(oddDivision).level, 'warning');
  assert.match(checkCreditCode(oddDivision).message ?? '', /行政区划码/);
  assert.throws(() => creditCheckChar('91350100M000100'), /17位/);
  assert.throws(() => makeCreditCode('91350100O00010012'), /第9位“O”/);
});

test('phone: mobile numbers with prefixes, spaces, dashes, full width', () => {
  for (const p of [
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+8613812345678',
    '0086-138-1234-5678',
    '8613812345678',
    '１３８１２３４５６７８',
    '＋８６　１３８１２３４５６７８',
  ]) {
    assert.deepEqual(checkPhone(p), { level: 'ok', normalized: '13812345678' }, p);
  }
  assert.equal(checkPhone('19912345678').level, 'ok');
  assert.equal(checkPhone('12812345678').level, 'warning');
  assert.equal(checkPhone('1381234567').level, 'warning');
  assert.equal(checkPhone('13812345678-12').level, 'warning');
});

test('phone: landlines, extensions, service numbers', () => {
  const cases: [string, string][] = [
    ['0825-2345678', '0825-2345678'],
    ['(0825)2345678', '0825-2345678'],
    ['（０８２５）２３４５６７８', '0825-2345678'],
    ['08252345678', '0825-2345678'],
    ['028 8765 4321', '028-87654321'],
    ['010-62345678', '010-62345678'],
    ['010-62345678-123', '010-62345678-123'],
    ['0825-2345678转801', '0825-2345678-801'],
    ['0825-2345678 分机 12', '0825-2345678-12'],
    ['0825-2345678 ext. 9', '0825-2345678-9'],
    ['0825-2345678#66', '0825-2345678-66'],
    ['+86-10-62345678', '010-62345678'],
    ['400-123-4567', '400-123-4567'],
    ['8001234567', '800-123-4567'],
  ];
  for (const [input, normalized] of cases) assert.deepEqual(checkPhone(input), { level: 'ok', normalized }, input);
});

test('phone: unknown forms warn, empty is an error', () => {
  assert.deepEqual(checkPhone(''), { level: 'error', message: '请输入联系电话', normalized: '' });
  assert.equal(checkPhone('  ').level, 'error');
  assert.deepEqual(checkPhone('2345678'), { level: 'warning', message: '固定电话缺少区号，请核对', normalized: '2345678' });
  for (const p of ['12345', '12345678901234', 'abc', '0825-123', '0125-2345678']) {
    const r = checkPhone(p);
    assert.equal(r.level, 'warning', p);
    assert.match(r.message ?? '', /无法识别/);
  }
});
