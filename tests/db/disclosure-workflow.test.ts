import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disclosureRepo } from '../../core/disclosure/repo.js';
import { disclosureWorld, PARTY_ID, WITNESS } from '../helpers/disclosure.js';

test('a draft from a case has the 双公示 fields filled in and personal data redacted, highlighted', async () => {
  const w = await disclosureWorld();
  const c = await w.personCase();
  const d = await w.t.call(
    'disclosure.createFromCase',
    { caseId: c.caseId, otherPersonNames: [WITNESS], result: { decisionNo: '遂林罚决字〔2026〕第1号', decidedOn: '2026-03-02', content: '罚款1370元' } },
    w.officer,
  );
  assert.equal(d.state, 'draft');
  assert.equal(d.kind, 'penalty');
  assert.equal(d.result!.partyName, '张三丰');
  assert.equal(d.result!.authority, '遂宁市林业局');
  const facts = d.fields.find((f) => f.key === 'facts')!;
  assert.ok(facts.original.includes(PARTY_ID));
  assert.ok(!facts.redacted.includes(PARTY_ID), 'ID number masked');
  assert.ok(!facts.redacted.includes('13812345678'), 'mobile masked');
  assert.ok(!facts.redacted.includes('5组12号'), 'home address cut to district');
  assert.ok(!facts.redacted.includes(WITNESS) && facts.redacted.includes('李某'), 'witness → 李某');
  assert.ok(facts.redacted.includes('张某某'), 'natural-person party → 张某某');
  assert.ok(facts.redacted.includes('4.6立方米') && facts.redacted.includes('13株'), 'volumes and counts kept');
  for (const f of facts.findings) assert.equal(facts.original.slice(f.start, f.end), f.text, 'offsets point into the original');
  assert.deepEqual(new Set(facts.findings.map((f) => f.kind)), new Set(['person-name', 'id-number', 'mobile', 'address']));
  assert.equal(d.fields.find((f) => f.key === 'partyName')!.redacted, '张某某');
  assert.equal(d.check.ok, true);
  assert.equal(d.publishDueOn, '2026-03-11', '7 working days after 2026-03-02');
  w.t.close();
});

test('approval needs a second person; edits after approval need re-approval', async () => {
  const w = await disclosureWorld();
  const both = await w.t.user('both', ['officer', 'publisher']);
  const c = await w.orgCase();
  const d = await w.t.call(
    'disclosure.createFromCase',
    { caseId: c.caseId, result: { decisionNo: '遂林罚决字〔2026〕第9号', decidedOn: '2026-03-02', content: '罚款5000元', basis: '森林法', fine: 5000 } },
    both,
  );
  assert.equal((await w.t.fails('disclosure.approve', { id: d.id }, w.publisher)).code, 'CONFLICT', 'not submitted yet');
  await w.t.call('disclosure.submit', { id: d.id }, both);
  const self = await w.t.fails('disclosure.approve', { id: d.id }, both);
  assert.equal(self.code, 'FORBIDDEN');
  assert.match(self.message, /另一位信息公开员/);
  assert.equal((await w.t.fails('disclosure.approve', { id: d.id }, w.officer)).code, 'FORBIDDEN', 'officers cannot approve');

  // The schema refuses a self-approval even if a service forgot to check.
  assert.throws(
    () => disclosureRepo(w.t.app).event({ itemId: d.id, action: 'approve', userId: both.id, username: 'both', at: 'x' }),
    /cannot be approved by its author/,
  );

  const ok = await w.t.call('disclosure.approve', { id: d.id }, w.publisher);
  assert.equal(ok.state, 'approved');
  assert.match(ok.contentHash!, /^[0-9a-f]{64}$/);
  assert.equal(ok.approvedBy, 'gongkai');

  // An editor of the version may not approve it either.
  const edited = await w.t.call('disclosure.update', { id: d.id, result: { content: '罚款6000元', fine: 6000 } }, w.publisher);
  assert.equal(edited.state, 'draft', 'an edit after approval returns it to draft');
  assert.equal(edited.contentHash, null, 'approval cleared');
  assert.ok(edited.events.some((e) => e.action === 'reopen'));
  await w.t.call('disclosure.submit', { id: d.id }, both);
  assert.equal((await w.t.fails('disclosure.approve', { id: d.id }, w.publisher)).code, 'FORBIDDEN', 'gongkai edited it');
  const again = await w.t.call('disclosure.approve', { id: d.id }, w.publisher2);
  assert.equal(again.state, 'approved');
  assert.notEqual(again.contentHash, ok.contentHash);

  // Frozen: the database refuses a content change that does not return the version to draft.
  assert.throws(() => w.t.app.db.prepare(`UPDATE disclosure_items SET fields = '{}' WHERE id = ?`).run(d.id), /frozen/);
  w.t.close();
});

test('reviewer masks and undos: a manual mask, a kept value, a stale mask refused at submit', async () => {
  const w = await disclosureWorld();
  const c = await w.personCase();
  const d = await w.t.call(
    'disclosure.createFromCase',
    { caseId: c.caseId, otherPersonNames: [WITNESS], result: { decisionNo: '遂林罚决字〔2026〕第2号', decidedOn: '2026-03-02', content: '罚款1370元', basis: '森林法' } },
    w.officer,
  );
  const facts = d.fields.find((f) => f.key === 'facts')!;
  const place = facts.original.indexOf('超出采伐');
  const phone = facts.findings.find((f) => f.kind === 'mobile')!;
  const r = await w.t.call(
    'disclosure.setFindings',
    { id: d.id, masks: [{ field: 'facts', start: place, end: place + 4, kind: 'address', replacement: '某某' }], kept: [phone.text] },
    w.officer,
  );
  const after = r.fields.find((f) => f.key === 'facts')!;
  assert.ok(after.redacted.includes('石洞村某某许可证'), 'manual mask applied');
  assert.ok(after.redacted.includes('13812345678'), 'undone finding published on purpose');
  assert.ok(after.findings.some((f) => f.source === 'manual'));
  assert.deepEqual(r.kept, ['13812345678']);
  assert.equal(r.check.ok, true, 'a kept value is a recorded decision, not a leak');

  // Editing the text so the masked words disappear makes the manual mask stale.
  await w.t.call('disclosure.update', { id: d.id, result: { facts: after.original.replace('超出采伐', '超量砍伐') } }, w.officer);
  const e = await w.t.fails('disclosure.submit', { id: d.id }, w.officer);
  assert.equal(e.code, 'REDACTION_STALE');
  await w.t.call('disclosure.setFindings', { id: d.id, masks: [], kept: [] }, w.officer);
  await w.t.call('disclosure.submit', { id: d.id }, w.officer);
  w.t.close();
});

test('leaks and minors are refused: an ID typed into the credit-code field, a minor party', async () => {
  const w = await disclosureWorld();
  const c = await w.personCase();
  const d = await w.t.call(
    'disclosure.createFromCase',
    { caseId: c.caseId, otherPersonNames: [WITNESS], result: { decisionNo: '遂林罚决字〔2026〕第3号', decidedOn: '2026-03-02', content: '罚款', basis: '森林法', creditCode: PARTY_ID } },
    w.officer,
  );
  assert.equal(d.check.ok, false);
  assert.deepEqual(d.check.leaks.map((l) => [l.field, l.kind]), [['统一社会信用代码', 'id-number']]);
  const e = await w.t.fails('disclosure.submit', { id: d.id }, w.officer);
  assert.equal(e.code, 'PERSONAL_DATA_LEFT');
  assert.match(e.message, /统一社会信用代码/);

  const minor = await w.personCase({ name: '王小明', minor: true });
  const m = await w.t.fails('disclosure.createFromCase', { caseId: minor.caseId }, w.officer);
  assert.equal(m.code, 'MINOR_NOT_PUBLISHED');
  w.t.close();
});

test('deadlines count Chinese working days: publish in 7 across National Day, withdraw in 1', async () => {
  let now = new Date('2026-10-09T02:00:00Z');
  const w = await disclosureWorld({ now: () => now });
  const c = await w.orgCase();
  const d = await w.t.call(
    'disclosure.createFromCase',
    { caseId: c.caseId, result: { decisionNo: '遂林罚决字〔2026〕第88号', decidedOn: '2026-09-29', content: '罚款', basis: '森林法' } },
    w.officer,
  );
  assert.equal(d.publishDueOn, '2026-10-14', '9-30, then 10-8, 10-9, 10-10 (调休), 10-12, 10-13, 10-14');
  let dl = await w.t.call('disclosure.deadlines', {}, w.publisher);
  assert.deepEqual(dl.publishAtRisk.map((e) => [e.id, e.workdaysLeft]), [], 'three working days left, warning at two');
  now = new Date('2026-10-12T02:00:00Z');
  dl = await w.t.call('disclosure.deadlines', {}, w.publisher);
  assert.deepEqual(dl.publishAtRisk.map((e) => [e.id, e.workdaysLeft]), [[d.id, 2]]);
  now = new Date('2026-10-15T02:00:00Z');
  dl = await w.t.call('disclosure.deadlines', {}, w.publisher);
  assert.deepEqual(dl.publishOverdue.map((e) => e.id), [d.id]);
  assert.equal((await w.t.call('disclosure.list', { overdue: true }, w.publisher)).total, 1);

  // A published decision revoked on 09-30 must be down by 10-08 (the holiday does not count).
  now = new Date('2026-09-30T02:00:00Z');
  const o2 = await w.orgCase();
  const id = await w.approved(o2.caseId, { decidedOn: '2026-09-01' });
  w.t.app.db.prepare(`UPDATE disclosure_items SET state = 'published', first_published_at = 'x' WHERE id = ?`).run(id);
  const wd = await w.t.call('disclosure.withdraw', { id, event: 'revoked', eventOn: '2026-09-30', reason: '复议决定撤销原处罚决定' }, w.publisher);
  assert.equal(wd.state, 'withdrawn');
  assert.equal(wd.withdrawDueOn, '2026-10-08');
  now = new Date('2026-10-09T02:00:00Z');
  dl = await w.t.call('disclosure.deadlines', {}, w.publisher);
  assert.deepEqual(dl.withdrawOverdue.map((e) => e.id), [id]);

  // Natural persons' results come down after two years (setting).
  const p = await w.personCase();
  const pd = await w.t.call('disclosure.createFromCase', { caseId: p.caseId, result: { decidedOn: '2026-03-02' } }, w.officer);
  assert.equal(pd.takedownDueOn, '2028-03-02');
  w.t.close();
});

test('withdrawing a draft that never reached the site needs no take-down; corrections make a new version', async () => {
  const w = await disclosureWorld();
  const c = await w.orgCase();
  const d = await w.t.call('disclosure.createFromCase', { caseId: c.caseId }, w.officer);
  const wd = await w.t.call('disclosure.withdraw', { id: d.id, event: 'error', eventOn: '2026-03-02', reason: '误建' }, w.publisher);
  assert.ok(wd.takenDownAt, 'nothing to take down');
  assert.equal((await w.t.fails('disclosure.update', { id: d.id, title: 'x' }, w.officer)).code, 'CONFLICT');

  const o = await w.orgCase();
  const id = await w.approved(o.caseId);
  assert.equal((await w.t.fails('disclosure.correct', { id, note: '更正金额' }, w.officer)).code, 'CONFLICT', 'only published items are corrected');
  w.t.app.db.prepare(`UPDATE disclosure_items SET state = 'published' WHERE id = ?`).run(id);
  assert.equal((await w.t.fails('disclosure.update', { id, title: 'x' }, w.officer)).code, 'CONFLICT', 'published: correct, not edit');
  const v2 = await w.t.call('disclosure.correct', { id, note: '罚款金额录入有误，由1370元更正为1730元', result: { fine: 1730 } }, w.officer);
  assert.equal(v2.version, 2);
  assert.equal(v2.seriesId, (await w.t.call('disclosure.get', { id }, w.officer)).seriesId);
  assert.equal(v2.correctionNote, '罚款金额录入有误，由1370元更正为1730元');
  assert.equal(v2.sitePath, (await w.t.call('disclosure.get', { id }, w.officer)).sitePath, 'same public address');
  assert.equal((await w.t.fails('disclosure.correct', { id, note: '再次更正' }, w.officer)).code, 'CONFLICT', 'one open correction at a time');
  w.t.close();
});

test('a decision recorded by the review backend feeds a draft (read from its decisions table)', async () => {
  const w = await disclosureWorld();
  const c = await w.personCase();
  const party = w.t.app.repos.cases.parties(c.caseId)[0];
  const hasDecisions = w.t.app.db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'decisions'`).get();
  if (!hasDecisions) return;
  const insert = w.t.app.db.prepare(
    `INSERT INTO decisions (case_id, decision_no, case_type, year, seq, decided_on, decision_type, content, measures, amounts, total_fine,
       total_confiscation, legal_basis, basis, disclosure_due_on, service_due_on, recorded_by, recorded_at)
     VALUES (?, '遂林罚决字〔2026〕第66号', 'penalty', 2026, 66, '2026-03-02', 'penalty', '处罚款人民币2600元。', '["fine","confiscateGains"]',
       ?, 2600, 300, '《中华人民共和国森林法》第七十六条', 'review', '2026-03-11', '2026-03-09', ?, '2026-03-02T08:00:00Z')`,
  );
  const decisionId = Number(insert.run(c.caseId, JSON.stringify([{ partyId: party.id, fine: 2600, confiscation: 300 }]), w.officer.id).lastInsertRowid);
  const { draftFromDecision } = await import('../../core/disclosure/create.js');
  const id = draftFromDecision(w.t.app, decisionId);
  assert.equal(draftFromDecision(w.t.app, decisionId), id, 'idempotent');
  const d = await w.t.call('disclosure.get', { id }, w.officer);
  assert.equal(d.decisionId, decisionId);
  assert.deepEqual(
    [d.result!.decisionNo, d.result!.decidedOn, d.result!.category, d.result!.fine, d.result!.confiscation, d.result!.basis],
    ['遂林罚决字〔2026〕第66号', '2026-03-02', '罚款、没收违法所得', 2600, 300, '《中华人民共和国森林法》第七十六条'],
  );
  assert.equal(d.publishDueOn, '2026-03-11', 'the decision’s own disclosure deadline');
  assert.equal(d.author, 'zhifa');
  assert.equal(d.fields.find((f) => f.key === 'partyName')!.redacted, '张某某');
  w.t.close();
});

test('a draft written by hand before the decision gets the decision when it is recorded (blanks filled, typed text kept)', async () => {
  const w = await disclosureWorld();
  const c = await w.personCase();
  const party = w.t.app.repos.cases.parties(c.caseId)[0];
  if (!w.t.app.db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'decisions'`).get()) return;
  const early = await w.t.call('disclosure.createFromCase', { caseId: c.caseId, result: { content: '处罚款人民币贰仟陆佰元整。' } }, w.officer);
  assert.equal(early.decisionId, null);
  assert.equal(early.result!.decisionNo, '');
  const decisionId = Number(
    w.t.app.db
      .prepare(
        `INSERT INTO decisions (case_id, decision_no, case_type, year, seq, decided_on, decision_type, content, measures, amounts, total_fine,
           total_confiscation, legal_basis, basis, disclosure_due_on, service_due_on, recorded_by, recorded_at)
         VALUES (?, '遂林罚决字〔2026〕第67号', 'penalty', 2026, 67, '2026-03-02', 'penalty', '处罚款人民币2600元。', '["fine"]',
           ?, 2600, 0, '《中华人民共和国森林法》第七十六条', 'review', '2026-03-11', '2026-03-09', ?, '2026-03-02T08:00:00Z')`,
      )
      .run(c.caseId, JSON.stringify([{ partyId: party.id, fine: 2600, confiscation: 0 }]), w.officer.id).lastInsertRowid,
  );
  const { draftFromDecision } = await import('../../core/disclosure/create.js');
  assert.equal(draftFromDecision(w.t.app, decisionId), early.id, 'the same draft, not a second one');
  const d = await w.t.call('disclosure.get', { id: early.id }, w.officer);
  assert.equal(d.decisionId, decisionId);
  assert.equal(d.result!.decisionNo, '遂林罚决字〔2026〕第67号');
  assert.equal(d.result!.decidedOn, '2026-03-02');
  assert.equal(d.result!.basis, '《中华人民共和国森林法》第七十六条');
  assert.equal(d.result!.content, '处罚款人民币贰仟陆佰元整。', 'what the author typed stays');
  assert.equal(d.publishDueOn, '2026-03-11', 'the decision’s own disclosure deadline');
  assert.equal(draftFromDecision(w.t.app, decisionId), early.id, 'idempotent');
  w.t.close();
});
