import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPublishable, describeCheck, findPersonalData, isMinorOn, redact } from '../../shared/logic/redact/index.js';
import { REDACT_CORPUS, Gen } from '../fixtures/redact-corpus.js';

describe('checkPublishable on unredacted text', () => {
  test('every corpus sentence with personal data is refused, reporting exactly the findings', () => {
    let refused = 0;
    for (const c of REDACT_CORPUS) {
      const check = checkPublishable(c.text, c.opts);
      if (c.expect.length === 0) continue;
      refused++;
      assert.equal(check.ok, false, c.id);
      assert.deepEqual(check.leaks, findPersonalData(c.text, c.opts), c.id);
    }
    assert.ok(refused >= 150, `only ${refused} cases carry personal data`);
  });

  test('sentences without personal data pass as they are', () => {
    for (const c of REDACT_CORPUS.filter((x) => x.expect.length === 0 && !x.opts.partyIsMinor)) {
      assert.ok(checkPublishable(c.text, c.opts).ok, c.id);
    }
  });
});

describe('masked output is not flagged again', () => {
  const masked = [
    '张某',
    '当事人张某某，男',
    '证人欧阳某称',
    '110***********1234',
    '身份证号：1****************X',
    '公民身份号码5109**********123X',
    '138****5678',
    '联系电话：138****5678',
    '+86 138-****-5678',
    '１３８****５６７８',
    '0830-****567',
    '(0830)****567转801',
    '电话：****567',
    '************1234',
    '银行卡号：**** **** **** 1234',
    'z***@example.com',
    '住址：四川省遂宁市船山区***',
    '家住***，',
    '车主驾驶川E·***12',
    '川A****45',
  ];
  for (const m of masked) {
    test(m, () => {
      const check = checkPublishable(m, { partyIsPerson: true });
      assert.deepEqual(check.leaks, []);
      assert.ok(check.ok);
    });
  }
});

describe('the check runs on the exact bytes to publish', () => {
  const g = new Gen(4242);
  test('a whole redacted corpus page passes', () => {
    // Cases whose options keep something (permit/levy party names, keep lists, style keep) are
    // checked with their own options in redact.test.ts; the rest must pass with no options at all.
    const strict = REDACT_CORPUS.filter(
      (c) => !c.opts.partyIsMinor && !c.opts.keep && c.opts.kind !== 'permit' && c.opts.kind !== 'levy' && c.opts.partyStyle !== 'keep',
    );
    assert.ok(strict.length >= 150);
    const page = strict.map((c) => redact(c.text, c.opts).text).join('\n');
    const check = checkPublishable(page, {});
    assert.deepEqual(check.leaks.map((l) => `${l.kind}:${l.text}`), []);
    assert.ok(check.ok);
  });
  test('an edit after redaction that re-inserts a number is caught', () => {
    const { text } = redact('当事人张三，电话13812345678。', { partyName: '张三', partyIsPerson: true });
    const edited = text + `补充：身份证号${g.id()}。`;
    const check = checkPublishable(edited, { partyName: '张三', partyIsPerson: true });
    assert.equal(check.ok, false);
    assert.deepEqual(check.leaks.map((l) => l.kind), ['id-number']);
    assert.equal(edited.slice(check.leaks[0].start, check.leaks[0].end), check.leaks[0].text);
  });
  test('a reviewer undo without recording it in keep is refused; with keep it passes', () => {
    const text = '当事人张三，联系电话13812345678。';
    const opts = { partyName: '张三', partyIsPerson: true };
    const fs = findPersonalData(text, opts).filter((f) => f.kind !== 'mobile');
    const published = fs.reduceRight((t, f) => t.slice(0, f.start) + f.replacement + t.slice(f.end), text);
    assert.equal(checkPublishable(published, opts).ok, false);
    assert.ok(checkPublishable(published, { ...opts, keep: ['13812345678'] }).ok);
  });
  test('a name left in the text is a leak', () => {
    const check = checkPublishable('证人李四称当事人张某某砍伐林木。', { otherPersonNames: ['李四'] });
    assert.deepEqual(check.leaks.map((l) => `${l.kind}:${l.text}`), ['person-name:李四']);
    assert.match(describeCheck(check), /仍有 1 处个人信息未脱敏/);
  });
});

describe('minors are never published', () => {
  test('partyIsMinor blocks whatever the text', () => {
    const check = checkPublishable('当事人赵某某在林区内用火。', { partyIsMinor: true });
    assert.equal(check.ok, false);
    assert.deepEqual(check.blockers, ['minor']);
    assert.deepEqual(check.leaks, []);
    assert.match(describeCheck(check), /未成年人/);
  });
  test('age on the decision date from an ID number', () => {
    assert.equal(isMinorOn('11010520080305002X'.slice(0, 17) + 'X', '2026-03-04'), true);
    assert.equal(isMinorOn('110105200803050021', '2026-03-05'), false);
    assert.equal(isMinorOn('110105080305002', '2026-03-05'), false); // 15-digit: born 1908
    assert.equal(isMinorOn('not an id', '2026-03-05'), null);
  });
  test('a clean check says so', () => {
    assert.equal(describeCheck(checkPublishable('遂林罚〔2026〕12号')), '自动检查通过：未发现个人信息。');
  });
});
