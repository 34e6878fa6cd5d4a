import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeIdNumber, makeCreditCode } from '../../shared/logic/check-digits.js';
import { makeTestApp, officerInput, type TestApp } from '../helpers/app.js';

const ID = makeIdNumber('510903', '19800101', '123');
const badId = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');

async function withOfficers(t: TestApp) {
  const a = await t.call('officers.create', officerInput('张伟'));
  const b = await t.call('officers.create', officerInput('李娜'));
  return [a.id, b.id];
}

const draft = (handlerIds: number[], extra: Record<string, unknown> = {}) => ({
  caseType: 'penalty' as const,
  procedure: 'ordinary' as const,
  title: '擅自改变林地用途案',
  place: '船山区永兴镇白鹤村',
  facts: '当事人欧阳明轩未经批准在林地内修建房屋。',
  openedOn: '2026-03-02',
  handlerIds,
  parties: [{ kind: 'person' as const, name: '欧阳明轩', idNumber: ID, phone: '13812345678' }],
  ...extra,
});

test('case numbers follow the pattern, count per type and year, and are never reused', async () => {
  const t = await makeTestApp();
  const h = await withOfficers(t);
  const a = await t.call('cases.create', draft(h));
  const b = await t.call('cases.create', draft(h));
  const c = await t.call('cases.create', draft(h, { caseType: 'inspection' }));
  const d = await t.call('cases.create', draft(h, { openedOn: '2025-12-30' }));
  assert.equal(a.caseNo, '遂林罚〔2026〕1号');
  assert.equal(b.caseNo, '遂林罚〔2026〕2号');
  assert.equal(c.caseNo, '遂林检〔2026〕1号');
  assert.equal(d.caseNo, '遂林罚〔2025〕1号');
  await t.call('cases.void', { id: b.id, reason: '重复立案' });
  const e = await t.call('cases.create', draft(h));
  assert.equal(e.caseNo, '遂林罚〔2026〕3号', 'a voided number is not reused');
  const voided = await t.call('cases.list', { status: 'voided' });
  assert.deepEqual(voided.rows.map((r) => r.caseNo), ['遂林罚〔2026〕2号']);
  const detail = await t.call('cases.get', { id: b.id });
  assert.equal(detail.status, 'voided');
  assert.equal(detail.voidReason, '重复立案');
  t.close();
});

test('manual (补录) numbers are checked: malformed, wrong type and duplicates refused; numbering continues after them', async () => {
  const t = await makeTestApp();
  const h = await withOfficers(t);
  const m = await t.call('cases.create', draft(h, { manualCaseNo: '遂林罚[2026]7号' }));
  assert.equal(m.caseNo, '遂林罚〔2026〕7号', 'bracket variants are normalised');
  assert.equal((await t.fails('cases.create', draft(h, { manualCaseNo: '遂林罚〔2026〕7号' }))).code, 'CONFLICT');
  assert.equal((await t.fails('cases.create', draft(h, { manualCaseNo: '遂林罚2026-7' }))).code, 'INVALID_INPUT');
  const wrongType = await t.fails('cases.create', draft(h, { manualCaseNo: '遂林检〔2026〕8号' }));
  assert.match(wrongType.message, /类别/);
  const next = await t.call('cases.create', draft(h));
  assert.equal(next.caseNo, '遂林罚〔2026〕8号');
  t.close();
});

test('ordinary procedure needs two handlers; an expired certificate cannot handle a case', async () => {
  const t = await makeTestApp();
  const [a] = await withOfficers(t);
  const e1 = await t.fails('cases.create', draft([a]));
  assert.match(e1.message, /两名以上/);
  const simple = await t.call('cases.create', draft([a], { procedure: 'simple' }));
  assert.ok(simple.id);
  const expired = await t.call('officers.create', officerInput('赵刚', '2020-01-01'));
  assert.equal(expired.certificateState, 'expired');
  const e2 = await t.fails('cases.create', draft([a, expired.id]));
  assert.match(e2.message, /赵刚的执法证.*已于 2020-01-01 过期/);
  t.close();
});

test('identifiers: a bad ID check digit blocks, a 15-digit ID warns, a bad credit code blocks', async () => {
  const t = await makeTestApp();
  const h = await withOfficers(t);
  const bad = await t.fails('cases.create', draft(h, { parties: [{ kind: 'person', name: '王五', idNumber: badId }] }));
  assert.equal(bad.code, 'INVALID_INPUT');
  assert.match(bad.message, /校验位/);
  const old = await t.call('cases.create', draft(h, { parties: [{ kind: 'person', name: '王五', idNumber: '510903800101123' }] }));
  assert.ok(old.warnings.some((w) => /15位/.test(w.message)));
  const org = makeCreditCode('91510900MA6212345');
  const ok = await t.call('cases.create', draft(h, { parties: [{ kind: 'organisation', name: '遂宁市鑫源木业有限公司', creditCode: org, legalRep: '李四' }] }));
  assert.deepEqual(ok.warnings, []);
  const badOrg = org.slice(0, 17) + (org[17] === '1' ? '2' : '1');
  assert.equal((await t.fails('cases.create', draft(h, { parties: [{ kind: 'organisation', name: '某公司', creditCode: badOrg }] }))).code, 'INVALID_INPUT');
  t.close();
});

test('search finds cases by two-character name fragments, longer text and case numbers, with highlights', async () => {
  const t = await makeTestApp();
  const h = await withOfficers(t);
  const a = await t.call('cases.create', draft(h));
  await t.call('cases.create', draft(h, { title: '滥伐林木案', facts: '张三丰滥伐柏木3.6立方米', parties: [{ kind: 'person', name: '张三丰' }], place: '安居区' }));
  const byGiven = await t.call('cases.list', { q: '明轩' });
  assert.deepEqual(byGiven.rows.map((r) => r.id), [a.id]);
  assert.match(byGiven.rows[0].snippet!, /【明轩】/);
  const bySurname = await t.call('cases.list', { q: '欧阳' });
  assert.equal(bySurname.total, 1);
  const byOne = await t.call('cases.list', { q: '张' });
  assert.equal(byOne.total, 1);
  const byFacts = await t.call('cases.list', { q: '修建房屋' });
  assert.deepEqual(byFacts.rows.map((r) => r.id), [a.id]);
  const byNo = await t.call('cases.list', { q: '遂林罚〔2026〕2号' });
  assert.equal(byNo.total, 1);
  const combined = await t.call('cases.list', { q: '柏木 安居' });
  assert.equal(combined.total, 1);
  const none = await t.call('cases.list', { q: '不存在的内容' });
  assert.equal(none.total, 0);
  await t.call('cases.addRecord', { caseId: a.id, title: '询问笔录', body: '当事人承认在白鹤村修建砖混结构房屋' });
  assert.equal((await t.call('cases.list', { q: '砖混结构' })).total, 1, 'records are searchable');
  t.close();
});

test('filters combine and paginate', async () => {
  const t = await makeTestApp();
  const h = await withOfficers(t);
  for (let i = 0; i < 7; i++) await t.call('cases.create', draft(h, { caseType: i % 2 ? 'permit' : 'penalty', openedOn: `2026-03-0${i + 1}` }));
  const p = await t.call('cases.list', { caseType: 'penalty', pageSize: 2, page: 2 });
  assert.equal(p.total, 4);
  assert.equal(p.rows.length, 2);
  assert.ok(p.rows.every((r) => r.caseType === 'penalty'));
  assert.equal((await t.call('cases.list', { handlerId: h[1], openedFrom: '2026-03-05' })).total, 3);
  assert.equal((await t.call('cases.list', { overdue: true })).total, 7, 'opened in March, 60 working days have passed');
  t.close();
});

test('stages move forward only, with dates; archived cases are read-only; the timeline lists everything', async () => {
  const t = await makeTestApp();
  const h = await withOfficers(t);
  const c = await t.call('cases.create', draft(h));
  await t.call('cases.advanceStage', { id: c.id, stage: 'investigation', enteredOn: '2026-03-03', note: '' });
  assert.match((await t.fails('cases.advanceStage', { id: c.id, stage: 'filing', enteredOn: '2026-03-04' })).message, /不能回到/);
  assert.match((await t.fails('cases.advanceStage', { id: c.id, stage: 'archived', enteredOn: '2026-03-04' })).message, /先结案/);
  assert.match((await t.fails('cases.advanceStage', { id: c.id, stage: 'service', enteredOn: '2026-03-01' })).message, /不能早于/);
  await t.call('cases.advanceStage', { id: c.id, stage: 'closing', enteredOn: '2026-04-01', note: '结案' });
  assert.equal((await t.fails('cases.advanceStage', { id: c.id, stage: 'archived', enteredOn: '2026-04-02', note: '' })).code, 'ARCHIVE_PACKAGE_REQUIRED');
  await t.call('archive.create', { caseId: c.id, zip: false }, await t.user('juzhang', ['head']));
  assert.equal((await t.fails('cases.update', { id: c.id, facts: '改' })).code, 'CASE_READ_ONLY');
  const d = await t.call('cases.get', { id: c.id });
  assert.equal(d.closedOn, '2026-04-01');
  assert.deepEqual(d.stages.map((s) => s.stage), ['filing', 'investigation', 'closing', 'archived']);
  assert.ok(d.timeline.some((e) => e.title.includes('立案登记')));
  assert.ok(d.timeline.filter((e) => e.kind === 'stage').length === 4);
  t.close();
});

test('records are versioned, attachments stored in the vault by SHA-256 and never overwritten', async () => {
  const t = await makeTestApp();
  const h = await withOfficers(t);
  const c = await t.call('cases.create', draft(h));
  const pdf = Buffer.from('%PDF-1.4\n% test attachment 立案审批表\n%%EOF\n');
  const r1 = await t.call('cases.addRecord', { caseId: c.id, title: '立案审批表', file: { name: '立案审批表.pdf', base64: pdf.toString('base64') } });
  assert.equal(r1.sha256, (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex'));
  assert.ok(t.app.vault.has(r1.sha256!));
  const r2 = await t.call('cases.addRecord', { caseId: c.id, title: '立案审批表', body: '更正', supersedes: r1.id });
  assert.equal(r2.version, 2);
  const again = await t.fails('cases.addRecord', { caseId: c.id, title: 'x', body: 'y', supersedes: r1.id });
  assert.match(again.message, /更新的版本/);
  const recs = (await t.call('cases.get', { id: c.id })).records;
  assert.equal(recs.find((r) => r.id === r1.id)!.superseded, true);
  const content = await t.call('records.content', { id: r1.id });
  assert.equal(Buffer.from(content.base64, 'base64').toString(), pdf.toString());
  const exe = await t.fails('cases.addRecord', { caseId: c.id, title: 'x', file: { name: 'virus.exe', base64: 'AAAA' } });
  assert.match(exe.message, /不支持的附件类型/);
  t.close();
});

test("an officer's lists follow stage, void and handler changes (handler rows carry the case's filter columns)", async () => {
  const t = await makeTestApp();
  const [a, b] = await withOfficers(t);
  const c3 = (await t.call('officers.create', officerInput('王芳'))).id;
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) ids.push((await t.call('cases.create', draft([a, b], { caseType: i % 2 ? 'permit' : 'penalty', openedOn: `2026-03-0${i + 1}` }))).id);
  await t.call('cases.advanceStage', { id: ids[0], stage: 'investigation', enteredOn: '2026-03-10', note: '' });
  await t.call('cases.advanceStage', { id: ids[1], stage: 'closing', enteredOn: '2026-03-10', note: '结案' });
  await t.call('cases.void', { id: ids[2], reason: '重复登记' });
  await t.call('cases.setHandlers', { id: ids[3], handlerIds: [b, c3] });
  // Every filter combination read through the handler index equals the same filter over all cases
  // narrowed to the officer's cases.
  const filters: Record<string, unknown>[] = [{}, { stage: 'investigation' }, { stage: 'filing' }, { status: 'voided' }, { status: 'active' }, { overdue: true }, { open: true }, { caseType: 'permit', overdue: true }, { caseType: 'penalty', stage: 'filing' }];
  for (const officer of [a, b, c3]) {
    const mine = new Set((await t.call('cases.get', { id: ids[3] })).handlers.map((h: { officerId: number }) => h.officerId));
    assert.ok(mine.has(b) && mine.has(c3) && !mine.has(a));
    for (const f of filters) {
      const byHandler = (await t.call('cases.list', { ...f, handlerId: officer, pageSize: 100 })).rows.map((r) => r.id).sort();
      const all = (await t.call('cases.list', { ...f, pageSize: 100 })).rows;
      const expected: number[] = [];
      for (const r of all) {
        const handlers = (await t.call('cases.get', { id: r.id })).handlers.map((h: { officerId: number }) => h.officerId);
        if (handlers.includes(officer)) expected.push(r.id);
      }
      assert.deepEqual(byHandler, expected.sort(), `officer ${officer} ${JSON.stringify(f)}`);
    }
  }
  assert.deepEqual((await t.call('cases.list', { handlerId: a, stage: 'closing' })).rows.map((r) => r.id), [ids[1]]);
  assert.deepEqual((await t.call('cases.list', { handlerId: c3 })).rows.map((r) => r.id), [ids[3]]);
  t.close();
});

test('only the head, an administrator or its handlers change a case; other officers read it', async () => {
  const t = await makeTestApp();
  try {
    const [a, b] = await withOfficers(t);
    const c = (await t.call('officers.create', officerInput('王芳'))).id;
    const handler = await t.user('zhangwei', ['officer'], { officerId: a });
    const other = await t.user('wangfang', ['officer'], { officerId: c });
    const head = await t.user('juzhang', ['head']);
    const k = await t.call('cases.create', draft([a, b]), handler);

    assert.equal((await t.call('cases.get', { id: k.id }, other)).caseNo, k.caseNo, 'anyone signed in reads it');
    const attempts: [string, () => Promise<{ code: string; message: string }>][] = [
      ['cases.update', () => t.fails('cases.update', { id: k.id, title: '改' }, other)],
      ['cases.addRecord', () => t.fails('cases.addRecord', { caseId: k.id, title: '补充笔录', body: '……' }, other)],
      ['cases.advanceStage', () => t.fails('cases.advanceStage', { id: k.id, stage: 'investigation', enteredOn: '2026-03-03' }, other)],
      ['cases.addParty', () => t.fails('cases.addParty', { id: k.id, party: { kind: 'person', name: '李四' } }, other)],
      ['cases.setHandlers', () => t.fails('cases.setHandlers', { id: k.id, handlerIds: [c, b] }, other)],
    ];
    for (const [op, attempt] of attempts) {
      const e = await attempt();
      assert.equal(e.code, 'FORBIDDEN', op);
      assert.match(e.message, /不是本案承办人/, op);
    }
    assert.equal((await t.call('cases.get', { id: k.id }, other)).records.length, 0, 'nothing was changed');

    await t.call('cases.addRecord', { caseId: k.id, title: '现场检查笔录', body: '……' }, handler);
    await t.call('cases.advanceStage', { id: k.id, stage: 'investigation', enteredOn: '2026-03-03' }, handler);
    await t.call('cases.setHandlers', { id: k.id, handlerIds: [c, b] }, head);
    await t.call('cases.addRecord', { caseId: k.id, title: '询问笔录', body: '……' }, other);
    assert.equal((await t.fails('cases.update', { id: k.id, title: '改' }, handler)).code, 'FORBIDDEN', 'no longer a handler');
    await t.call('cases.update', { id: k.id, title: '擅自改变林地用途案（补正）' });
  } finally {
    t.close();
  }
});
