import type { SessionUser } from '../../core/accounts/sessions.js';
import type { ApiInput } from '../../shared/contract/index.js';
import { makeCreditCode, makeIdNumber } from '../../shared/logic/check-digits.js';
import { makeTestApp, officerInput, type TestApp } from './app.js';

/** People of a disclosure scenario: an officer who drafts, two publishers (four eyes), an admin. */
export interface DisclosureWorld {
  t: TestApp;
  officer: SessionUser;
  publisher: SessionUser;
  publisher2: SessionUser;
  officerIds: number[];
  /** A penalty case with a natural-person party (ID, phone, home address in the facts) and a witness. */
  personCase(opts?: { name?: string; openedOn?: string; minor?: boolean }): Promise<{ caseId: number; caseNo: string }>;
  /** An organisation's case (published by name). */
  orgCase(opts?: { caseType?: 'penalty' | 'permit'; name?: string }): Promise<{ caseId: number; caseNo: string }>;
  /** Drafts from a case, fills the decision fields, submits, approves by publisher2. Returns the item id. */
  approved(caseId: number, result?: ApiInput<'disclosure.createFromCase'>['result']): Promise<number>;
}

export const PARTY_ID = makeIdNumber('510903', '19850312', '271');
export const WITNESS = '李德明';

let seq = 0;

export async function disclosureWorld(opts: { now?: () => Date } = {}): Promise<DisclosureWorld> {
  const t = await makeTestApp(opts);
  const bureau = await t.call('bureau.get', {});
  await t.call('bureau.update', { ...bureau, address: '四川省遂宁市船山区遂州中路166号', phone: '0825-2222110' });
  const a = (await t.call('officers.create', officerInput('王建国'))).id;
  const b = (await t.call('officers.create', officerInput('李秀英'))).id;
  const officer = await t.user('zhifa', ['officer'], { officerId: a });
  const publisher = await t.user('gongkai', ['publisher']);
  const publisher2 = await t.user('gongkai2', ['publisher']);

  async function personCase(o: { name?: string; openedOn?: string; minor?: boolean } = {}) {
    const name = o.name ?? '张三丰';
    const r = await t.call(
      'cases.create',
      {
        caseType: 'penalty',
        procedure: 'ordinary',
        title: `${name}滥伐林木案`,
        place: '船山区永兴镇石洞村',
        facts: `经查，当事人${name}（公民身份号码${PARTY_ID}，联系电话13812345678，住址：四川省遂宁市船山区永兴镇石洞村5组12号）于2026年1月在永兴镇石洞村超出采伐许可证规定数量采伐柏木13株，蓄积4.6立方米。证人${WITNESS}证实了上述事实。`,
        openedOn: o.openedOn ?? '2026-02-02',
        handlerIds: [a, b],
        parties: [{ kind: 'person', name, idNumber: o.minor ? makeIdNumber('510903', '20120101', '123') : PARTY_ID, phone: '13812345678', isMinor: !!o.minor }],
      },
      officer,
    );
    return { caseId: r.id, caseNo: r.caseNo };
  }

  async function orgCase(o: { caseType?: 'penalty' | 'permit'; name?: string } = {}) {
    seq++;
    const name = o.name ?? `遂宁市第${seq}木业有限公司`;
    const r = await t.call(
      'cases.create',
      {
        caseType: o.caseType ?? 'penalty',
        procedure: 'ordinary',
        title: o.caseType === 'permit' ? '林木采伐许可申请' : '无证运输木材案',
        place: '船山区检查站',
        facts: `${name}运输柏木原木3.2立方米，不能提供合法来源证明。`,
        openedOn: '2026-02-03',
        handlerIds: [a, b],
        parties: [{ kind: 'organisation', name, creditCode: makeCreditCode(`91510900MA62A${String(1000 + seq).padStart(4, '0')}`), legalRep: '孙德明' }],
      },
      officer,
    );
    return { caseId: r.id, caseNo: r.caseNo };
  }

  async function approved(caseId: number, result: ApiInput<'disclosure.createFromCase'>['result'] = {}) {
    seq++;
    const d = await t.call(
      'disclosure.createFromCase',
      {
        caseId,
        otherPersonNames: [WITNESS],
        result: {
          decisionNo: `遂林罚决字〔2026〕第${seq}号`,
          decidedOn: '2026-03-02',
          category: '罚款',
          basis: '《中华人民共和国森林法》第七十六条第二款',
          content: '处罚款人民币1370元，并责令补种滥伐株数五倍的树木。',
          fine: 1370,
          confiscation: 0,
          ...result,
        },
      },
      officer,
    );
    await t.call('disclosure.submit', { id: d.id }, officer);
    await t.call('disclosure.approve', { id: d.id }, publisher2);
    return d.id;
  }

  return { t, officer, publisher, publisher2, officerIds: [a, b], personCase, orgCase, approved };
}
