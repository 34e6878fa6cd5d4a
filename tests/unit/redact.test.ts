import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FINDING_KINDS,
  applyRedaction,
  checkPublishable,
  defaultMask,
  findPersonalData,
  makeFinding,
  maskPersonName,
  redact,
  splitAddress,
  surnameOf,
  type Finding,
} from '../../shared/logic/redact/index.js';
import { idCheckChar, isValidCreditCode, isValidIdCheck, luhnValid } from '../../shared/logic/redact/checksums.js';
import { REDACT_CORPUS, Gen, creditCheck, fullWidth, idCheck, luhnDigit } from '../fixtures/redact-corpus.js';

const show = (fs: Finding[]): string[] => fs.map((f) => `${f.kind}:${f.text}`);

describe('redaction corpus', () => {
  test('has at least 200 sentences covering every kind and domain', () => {
    assert.ok(REDACT_CORPUS.length >= 200, `corpus has ${REDACT_CORPUS.length} cases`);
    const kinds = new Set(REDACT_CORPUS.flatMap((c) => c.expect.map((e) => e.kind)));
    for (const k of FINDING_KINDS) assert.ok(kinds.has(k), `no corpus case expects ${k}`);
    const domains = new Set(REDACT_CORPUS.map((c) => c.domain));
    for (const d of ['forestry', 'market', 'civil-air-defence']) assert.ok(domains.has(d as never), d);
    assert.equal(new Set(REDACT_CORPUS.map((c) => c.id)).size, REDACT_CORPUS.length, 'case ids are unique');
  });

  for (const c of REDACT_CORPUS) {
    test(c.id, () => {
      const findings = findPersonalData(c.text, c.opts);
      // zero leaks and no false positives: exactly the expected findings, in order
      assert.deepEqual(show(findings), c.expect.map((e) => `${e.kind}:${e.text}`), c.text);
      for (const f of findings) {
        assert.equal(c.text.slice(f.start, f.end), f.text, 'offsets point at the original text');
        assert.notEqual(f.replacement, f.text, 'a finding changes its span');
      }
      const { text: out, findings: again } = redact(c.text, c.opts);
      assert.deepEqual(again, findings);
      assert.equal(out, applyRedaction(c.text, findings));
      // zero damage: every protected substring survives verbatim
      for (const p of c.protected) assert.ok(out.includes(p), `damaged: ${p}\n${out}`);
      // the personal values are gone (unless also part of something protected, e.g. a shop named after its owner)
      for (const e of c.expect) {
        if (c.protected.some((p) => p.includes(e.text))) continue;
        assert.ok(!out.includes(e.text), `still present: ${e.text}\n${out}`);
      }
      const check = checkPublishable(out, c.opts);
      assert.deepEqual(check.leaks, [], `leaks in redacted text: ${show(check.leaks).join(', ')}\n${out}`);
      assert.equal(check.ok, !c.opts.partyIsMinor);
    });
  }
});

describe('fixture generators agree with the engine check digits', () => {
  test('ID, Luhn and credit-code check characters', () => {
    const g = new Gen(7);
    for (let i = 0; i < 200; i++) {
      const id = g.id();
      assert.equal(idCheckChar(id.slice(0, 17)), idCheck(id.slice(0, 17)));
      assert.ok(isValidIdCheck(id));
      assert.ok(!isValidIdCheck(g.badId()));
      assert.ok(luhnValid(g.card(16)) && luhnValid(g.card(19)));
      assert.ok(isValidCreditCode(g.creditCode()));
    }
    // published examples
    assert.ok(isValidIdCheck('11010519491231002X'));
    assert.ok(luhnValid('4111111111111111'));
    assert.equal(luhnDigit('411111111111111'), '1');
    assert.ok(isValidCreditCode('91350100M000100Y43'));
    assert.equal(creditCheck('91350100M000100Y4'), '3');
  });
});

describe('masks', () => {
  const one = (text: string, opts = {}): Finding => {
    const fs = findPersonalData(text, opts);
    assert.equal(fs.length, 1, show(fs).join(','));
    return fs[0];
  };
  test('ID number keeps first and last character', () => {
    assert.equal(one('身份证号11010519491231002X。').replacement, '1****************X');
    assert.equal(one('身份证号110105491231002。').replacement, '1*************2');
  });
  test('mobile 138****5678 style, prefixes and separators kept', () => {
    assert.equal(one('电话13812345678').replacement, '138****5678');
    assert.equal(one('电话+86 138-1234-5678').replacement, '+86 138-****-5678');
    assert.equal(one('电话0086 13812345678').replacement, '0086 138****5678');
    assert.equal(one('电话１３８１２３４５６７８').replacement, '１３８****５６７８');
  });
  test('landline 0830-****567 style', () => {
    assert.equal(one('0830-1234567').replacement, '0830-****567');
    assert.equal(one('(0830)1234567').replacement, '(0830)****567');
    assert.equal(one('028-87654321转802').replacement, '028-****4321转802');
  });
  test('bank card keeps last 4', () => {
    assert.equal(one('卡号4111111111111111').replacement, '************1111');
    assert.equal(one('转入4111 1111 1111 1111').replacement, '**** **** **** 1111');
  });
  test('email z***@example.com', () => {
    assert.equal(one('邮箱zhangsan@example.com。').replacement, 'z***@example.com');
  });
  test('address cut to district', () => {
    const f = one('住址：四川省遂宁市船山区镇江寺街道明月路88号3栋2单元501室，', { partyIsPerson: true });
    assert.equal(f.replacement, '四川省遂宁市船山区***');
    assert.deepEqual(splitAddress('射洪市太和镇五里村3组'), { prefix: '射洪市', rest: '太和镇五里村3组' });
    assert.deepEqual(splitAddress('遂宁市阳光小区5栋'), { prefix: '遂宁市', rest: '阳光小区5栋' });
    assert.equal(splitAddress('新疆维吾尔自治区吐鲁番市高昌区亚尔镇').prefix, '新疆维吾尔自治区吐鲁番市高昌区');
  });
  test('plate keeps province and letter', () => {
    assert.equal(one('车主驾驶川E·A1212').replacement, '川E·***12');
    assert.equal(one('车主驾驶川AD12345').replacement, '川A****45');
  });
  test('names: 张某, 张某某, compound surnames', () => {
    assert.equal(maskPersonName('张三', 'other'), '张某');
    assert.equal(maskPersonName('张三', 'surname-moumou'), '张某某');
    assert.equal(maskPersonName('张三', 'surname-mou'), '张某');
    assert.equal(maskPersonName('张三', 'keep'), '张三');
    for (const s of ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯']) {
      assert.equal(surnameOf(`${s}文华`), s);
      assert.equal(maskPersonName(`${s}文华`, 'other'), `${s}某`);
    }
    assert.equal(surnameOf('欧阳'), '欧');
  });
});

describe('rules by decision kind and party', () => {
  const text = '当事人张三，身份证号11010519491231002X，证人李四称张三砍伐了树木。';
  test('penalty: party 张某某 by default, others 张某', () => {
    assert.equal(redact(text, { partyName: '张三', partyIsPerson: true }).text, '当事人张某某，身份证号1****************X，证人李某称张某某砍伐了树木。');
  });
  test('party style surname-mou', () => {
    assert.equal(redact(text, { partyName: '张三', partyIsPerson: true, partyStyle: 'surname-mou' }).text, '当事人张某，身份证号1****************X，证人李某称张某砍伐了树木。');
  });
  for (const kind of ['permit', 'levy'] as const) {
    test(`${kind}: party name kept, ID and third parties still masked`, () => {
      assert.equal(redact(text, { kind, partyName: '张三', partyIsPerson: true }).text, '当事人张三，身份证号1****************X，证人李某称张三砍伐了树木。');
    });
  }
  test('organisation party: its name and address stay', () => {
    const t = '当事人遂宁市船山区绿源木业有限公司，住所：遂宁市船山区明月路8号，负责人张三。';
    assert.equal(redact(t, { partyName: '遂宁市船山区绿源木业有限公司', partyIsPerson: false }).text, t);
  });
  test('keepAddressesOf none also cuts organisation addresses', () => {
    const t = '当事人遂宁市船山区绿源木业有限公司，住所：遂宁市船山区明月路8号。';
    assert.equal(redact(t, { partyIsPerson: false, keepAddressesOf: 'none' }).text, '当事人遂宁市船山区绿源木业有限公司，住所：遂宁市船山区***。');
  });
  test('party name inferred as a person when partyIsPerson is not given', () => {
    assert.equal(redact('处罚对象王建华。', { partyName: '王建华' }).text, '处罚对象王某某。');
    assert.equal(redact('处罚对象绿源木业有限公司。', { partyName: '绿源木业有限公司' }).text, '处罚对象绿源木业有限公司。');
  });
  test('legal representatives and officers are not masked', () => {
    const t = '法定代表人王建华，执法人员李明、赵刚，负责人刘志强。';
    assert.equal(redact(t, {}).text, t);
  });
  test('plates only for persons or in an owner/driver context', () => {
    const t = '川E·A1234货车';
    assert.equal(redact(t, {}).findings.length, 0);
    assert.equal(redact(t, { partyIsPerson: false }).findings.length, 0);
    assert.equal(redact(t, { partyIsPerson: true }).text, '川E·***34货车');
  });
});

describe('negatives stay untouched', () => {
  const g = new Gen(99);
  const negatives = [
    '遂林罚〔2026〕12号',
    '遂林罚决字〔2026〕第15号',
    `统一社会信用代码${g.creditCode()}`,
    '罚款人民币5000元',
    '¥12,345.00',
    '2026年3月5日',
    '2026-03-05',
    '《中华人民共和国森林法》第七十四条第一款',
    '12.5亩',
    '3.6立方米',
    '0.8公顷',
    '9时30分',
    '14:30:05',
    '共计26株',
    '邮编629000',
    '执法证号14010012345',
    '营业执照注册号510903000012345',
    '许可证编号510903202600012',
    '新A级景区',
    '当事人陈述，',
    '12345政务服务热线',
    '4001234567客服',
    '第3条第2款第（一）项',
    `缴款码${'5'.repeat(20)}`,
    '售价13.80元/斤，共1380000元',
  ];
  for (const n of negatives) {
    test(n, () => {
      assert.deepEqual(show(findPersonalData(n)), []);
      assert.deepEqual(show(findPersonalData(n, { partyIsPerson: true })), []);
    });
  }
  test('an ID-shaped run inside a longer run or with a wrong check digit is not an ID', () => {
    const id = g.id();
    assert.deepEqual(show(findPersonalData(`批次${id}1`)), []);
    assert.deepEqual(show(findPersonalData(`批次A${id}`)), []);
    assert.deepEqual(show(findPersonalData(`批次${g.badId()}`)).filter((s) => s.startsWith('id-number')), []);
  });
});

describe('detection details', () => {
  test('full-width digits are found and offsets refer to the original', () => {
    const t = `号码${fullWidth('13912345678')}，身份证${fullWidth('11010519491231002')}Ｘ`;
    const fs = findPersonalData(t);
    assert.deepEqual(show(fs), [`mobile:${fullWidth('13912345678')}`, `id-number:${fullWidth('11010519491231002')}Ｘ`]);
    for (const f of fs) assert.equal(t.slice(f.start, f.end), f.text);
  });
  test('valid ID anywhere, 15-digit only after a cue', () => {
    assert.deepEqual(show(findPersonalData('张某11010519491231002X在场')), ['id-number:11010519491231002X']);
    assert.deepEqual(show(findPersonalData('编码110105491231002')), []);
    assert.deepEqual(show(findPersonalData('身份证号码：110105491231002')), ['id-number:110105491231002']);
  });
  test('bank cards need Luhn unless a card cue precedes', () => {
    assert.deepEqual(show(findPersonalData('转入4111111111111111')), ['bank-card:4111111111111111']);
    assert.deepEqual(show(findPersonalData('转入4111111111111112')), []);
    assert.deepEqual(show(findPersonalData('银行卡号4111111111111112')), ['bank-card:4111111111111112']);
  });
  test('findings are sorted and never overlap', () => {
    const text = REDACT_CORPUS.map((c) => c.text).join('\n');
    const fs = findPersonalData(text, { partyIsPerson: true });
    for (let i = 1; i < fs.length; i++) assert.ok(fs[i].start >= fs[i - 1].end, `overlap at ${i}`);
  });
  test('the keep list exempts the bureau hotline (digits compared loosely)', () => {
    const t = '监督电话：0825-2296106，或0825 2296106';
    assert.equal(findPersonalData(t).length, 2);
    assert.equal(findPersonalData(t, { keep: ['0825-2296106'] }).length, 0);
  });
});

describe('reviewer workflow: add and undo masks', () => {
  const text = '当事人张三，电话13812345678，其友人赵六在场。';
  const opts = { partyName: '张三', partyIsPerson: true };
  test('dropping a finding leaves that span as it was', () => {
    const fs = findPersonalData(text, opts).filter((f) => f.kind !== 'mobile');
    assert.equal(applyRedaction(text, fs), '当事人张某某，电话13812345678，其友人赵六在场。');
  });
  test('adding a finding by hand masks it with the default mask', () => {
    const start = text.indexOf('赵六');
    const fs = [...findPersonalData(text, opts), makeFinding(text, start, start + 2, 'person-name')];
    assert.equal(applyRedaction(text, fs), '当事人张某某，电话138****5678，其友人赵某在场。');
    assert.equal(defaultMask('mobile', '+86 13812345678'), '+86 138****5678');
    assert.equal(defaultMask('landline', '0830-1234567'), '0830-****567');
    assert.equal(defaultMask('address', '遂宁市船山区明月路8号'), '遂宁市船山区***');
  });
  test('findings may come unsorted; overlapping ones are ignored', () => {
    const fs = findPersonalData(text, opts);
    const extra = makeFinding(text, fs[1].start + 1, fs[1].end, 'mobile', 'X');
    assert.equal(applyRedaction(text, [...fs].reverse().concat(extra)), redact(text, opts).text);
  });
  test('stale findings are refused', () => {
    const fs = findPersonalData(text, opts);
    assert.throws(() => applyRedaction(text.replace('张三', '李四'), fs), RangeError);
  });
  test('redacting twice changes nothing', () => {
    for (const c of REDACT_CORPUS) {
      const once = redact(c.text, c.opts).text;
      assert.equal(redact(once, c.opts).text, once, c.id);
    }
  });
});
