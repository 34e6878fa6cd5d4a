import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { todayLocal } from '../../shared/logic/calendar.js';
import { DEFAULT_CATALOGUE } from '../../shared/logic/review-catalogue.js';
import { reviewWorld, submitInput, recordInput, decisionInput } from '../helpers/review.js';
import { USER_PASSWORD } from '../helpers/app.js';
import { recordNoRecording, setCaseMatters } from '../../core/media/av-matters.js';

const today = () => todayLocal();

test('gate: no review → refused; return → refused; resubmit → agree → decision numbered, clock started, stage moved', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const k = await w.newCase();
    const none = await t.fails('decisions.record', decisionInput(k), w.head);
    assert.equal(none.code, 'REVIEW_REQUIRED');
    assert.match(none.message, /重大执法决定（“适用普通程序作出的行政处罚决定”），须先提交法制审核/);
    const byStage = await t.fails('cases.advanceStage', { id: k.caseId, stage: 'decision', enteredOn: today() }, w.handler);
    assert.equal(byStage.code, 'REVIEW_REQUIRED');

    const r1 = await t.call('review.submit', submitInput(k), w.handler);
    assert.equal(r1.round, 1);
    assert.equal(r1.evaluation.major, true);
    assert.equal(r1.assignee?.name, 'reviewer', 'round-robin: first qualified reviewer who is not a handler');
    assert.equal(r1.due.dueOn, t.app.calendar().addWorkdays(today(), 5));
    assert.equal((await t.call('cases.get', { id: k.caseId })).stage, 'review');
    const again = await t.fails('review.submit', submitInput(k), w.handler);
    assert.match(again.message, /第 1 轮法制审核尚未完成/);

    const pending = await t.fails('decisions.record', decisionInput(k), w.head);
    assert.match(pending.message, /法制审核尚未完成（第 1 轮，审核人：reviewer/);

    await t.call('review.record', recordInput(r1.submissionId, 'return', ['facts']), w.reviewer);
    const returned = await t.fails('decisions.record', decisionInput(k), w.head);
    assert.match(returned.message, /第 1 轮法制审核意见为“退回补充”，审核未通过：请按审核意见补充材料后重新提交法制审核/);
    assert.equal((await t.fails('cases.advanceStage', { id: k.caseId, stage: 'decision', enteredOn: today() }, w.head)).code, 'REVIEW_REQUIRED');

    // The handler supplements and resubmits with a lower fine: round 2 shows what changed.
    const extra = await t.call('cases.addRecord', { caseId: k.caseId, title: '补充询问笔录', body: '当事人签名确认' }, w.handler);
    const input2 = submitInput(k, { fine: 2500, statement: '已补充询问笔录。' });
    input2.materials.interviewRecords = [k.records.interview, extra.id];
    const r2 = await t.call('review.submit', input2, w.handler);
    assert.equal(r2.round, 2);
    const labels = r2.changesFromPreviousRound.map((c) => c.label);
    assert.deepEqual(labels, ['罚没数额', '调查（询问、检查）笔录', '承办人意见']);
    assert.match(r2.changesFromPreviousRound[0].after, /张喆：罚款 2,500 元/);
    assert.equal(r2.assignee?.name, 'reviewer2', 'round-robin moves on');

    await t.call('review.record', recordInput(r2.submissionId, 'agree'), w.reviewer2);
    const gate = await t.call('review.gate', { caseId: k.caseId }, w.handler);
    assert.deepEqual([gate.allowed, gate.basis], [true, 'review']);

    const beyond = await t.fails('decisions.record', decisionInput(k, 3000), w.head);
    assert.match(beyond.message, /对张喆的罚款 3,000 元 高于审核通过的 2,500 元，请重新送审/);
    const d = await t.call('decisions.record', decisionInput(k, 2500), w.head);
    const year = today().slice(0, 4);
    assert.equal(d.decisionNo, `遂林罚决字〔${year}〕第1号`);
    assert.equal(d.basis, 'review');
    assert.equal(d.submissionId, r2.submissionId);
    assert.equal(d.disclosureDueOn, t.app.calendar().addWorkdays(today(), 7));
    assert.equal((await t.call('cases.get', { id: k.caseId })).stage, 'decision');
    assert.match((await t.fails('decisions.record', decisionInput(k, 2500), w.head)).message, /已于 .* 作出决定（遂林罚决字/);

    const h = await t.call('review.history', { caseId: k.caseId }, w.head);
    assert.deepEqual(h.rounds.map((r) => [r.round, r.outcome?.outcome]), [[1, 'return'], [2, 'agree']]);
    assert.equal(h.decision?.decisionNo, d.decisionNo);
    assert.equal(h.gate.allowed, false);

    // A second decision gets the next number.
    const k2 = await w.newCase({ procedure: 'simple' });
    assert.equal((await t.call('decisions.record', decisionInput(k2, 200), w.handler)).decisionNo, `遂林罚决字〔${year}〕第2号`);
  } finally {
    t.close();
  }
});

test('gate: simple procedure and cases the catalogue does not list pass without review', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const simple = await w.newCase({ procedure: 'simple' });
    assert.match((await t.fails('review.submit', submitInput(simple), w.handler)).message, /简易程序案件不需要法制审核/);
    assert.equal((await t.call('review.gate', { caseId: simple.caseId }, w.handler)).basis, 'simple');

    // Settings are patched key by key; the decision number pattern is checked.
    await t.call('review.settings.update', { dueWorkdays: 7 });
    await t.call('review.settings.update', { autoAssign: false });
    assert.equal((await t.call('review.settings.get', {}, w.handler)).dueWorkdays, 7, 'a later patch keeps earlier ones');
    assert.match((await t.fails('review.settings.update', { decisionNumberPattern: '{unit}罚决字〔{year}〕' })).message, /决定书文号格式：编号格式必须包含\{seq\}/);
    await t.call('review.settings.update', { decisionNumberPattern: '{unit}{type}决〔{year}〕{seq:3}号' });
    assert.equal((await t.call('decisions.record', decisionInput(simple, 200), w.handler)).decisionNo, `遂林罚决〔${today().slice(0, 4)}〕001号`);

    // The bureau narrows its catalogue: small ordinary fines are no longer major.
    await t.call('review.catalogue.update', { ...DEFAULT_CATALOGUE, rules: DEFAULT_CATALOGUE.rules.filter((r) => r.id !== 'ordinary-penalty') });
    const small = await w.newCase();
    const d = await t.call('decisions.record', decisionInput(small, 3000), w.handler);
    assert.equal(d.basis, 'notMajor');
    // Submitted anyway and returned: once submitted, the review has to pass.
    const asked = await w.newCase();
    const r = await t.call('review.submit', submitInput(asked), w.handler);
    assert.equal(r.evaluation.major, false);
    await t.call('review.record', recordInput(r.submissionId, 'return', ['facts']), w.reviewer);
    assert.match((await t.fails('decisions.record', decisionInput(asked, 3000), w.head)).message, /“退回补充”，审核未通过/);
    // …and a large fine is still major, judged on the decision itself.
    const large = await w.newCase();
    const refused = await t.fails('decisions.record', decisionInput(large, 10_000), w.head);
    assert.match(refused.message, /较大数额罚没/);
  } finally {
    t.close();
  }
});

test('gate: disagreement goes to collective discussion; discussion conclusions open or keep the gate', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const k = await w.newCase();
    const r1 = await t.call('review.submit', submitInput(k), w.handler);
    await t.call('review.record', recordInput(r1.submissionId, 'change', ['discretion']), w.reviewer);
    assert.match((await t.fails('decisions.record', decisionInput(k), w.head)).message, /“建议变更”，审核未通过：请按审核意见修改后重新提交法制审核；如有异议，请提请负责人集体讨论/);
    assert.equal((await t.fails('review.discussion.record', { caseId: k.caseId, heldOn: today(), participants: ['局长', '副局长'], minutes: '讨论', conclusion: 'approve' }, w.handler)).code, 'FORBIDDEN');

    const resubmit = await t.call('review.discussion.record', { caseId: k.caseId, heldOn: today(), participants: ['刘局长', '陈副局长', '法规科科长'], minutes: '经讨论，需补充调查。', conclusion: 'resubmit' }, w.head);
    assert.equal(resubmit.conclusionLabel, '补充调查后重新送审');
    assert.match((await t.fails('decisions.record', decisionInput(k), w.head)).message, /集体讨论（.*）的结论为“补充调查后重新送审”/);

    await t.call('review.discussion.record', { caseId: k.caseId, heldOn: today(), participants: ['刘局长', '陈副局长', '法规科科长'], minutes: '再次讨论，维持原拟处理意见。', conclusion: 'approve', note: '裁量适当' }, w.head);
    const d = await t.call('decisions.record', decisionInput(k), w.head);
    assert.equal(d.basis, 'discussion');
    const detail = await t.call('cases.get', { id: k.caseId });
    assert.ok(detail.records.some((r) => r.title.startsWith('集体讨论记录') && r.body.includes('维持原拟处理意见')), 'minutes filed in the case');
  } finally {
    t.close();
  }
});

test('gate: a rule requiring collective discussion needs it even after agreement; transfer keeps the gate shut', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const k = await w.newCase({ partyKind: 'organisation' });
    const input = submitInput(k);
    input.proposal.measures = ['fine', 'revokePermit'];
    const r = await t.call('review.submit', input, w.handler);
    assert.deepEqual(r.evaluation.matched.map((m) => m.ruleId), ['ordinary-penalty', 'revoke']);
    await t.call('review.record', recordInput(r.submissionId, 'agree'), w.reviewer);
    const draft = { ...decisionInput(k), measures: ['fine' as const, 'revokePermit' as const] };
    assert.match((await t.fails('decisions.record', draft, w.head)).message, /“吊销许可证件、降低资质等级”，法制审核通过后还须经负责人集体讨论决定/);
    await t.call('review.discussion.record', { caseId: k.caseId, heldOn: today(), participants: ['刘局长', '陈副局长'], minutes: '同意吊销。', conclusion: 'approve' }, w.head);
    assert.equal((await t.call('decisions.record', draft, w.head)).basis, 'discussion');

    const k2 = await w.newCase();
    const r2 = await t.call('review.submit', submitInput(k2), w.handler);
    const bad = await t.fails('review.record', recordInput(r2.submissionId, 'transfer'), w.reviewer2);
    assert.match(bad.message, /“是否涉嫌犯罪需移送”一项应为“涉嫌犯罪，应移送”/);
    await t.call('review.record', recordInput(r2.submissionId, 'transfer', ['crimeTransfer']), w.reviewer2);
    assert.match((await t.fails('decisions.record', decisionInput(k2), w.head)).message, /“移送司法机关”，审核未通过：不能作出行政处罚决定/);
  } finally {
    t.close();
  }
});

test('submission: incomplete materials are refused with what is missing; a waiver replaces the statement', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const k = await w.newCase();
    const input = submitInput(k);
    input.materials = { filingApproval: [k.records.filing], evidence: [k.records.evidence], hearingRequested: true };
    const e = await t.fails('review.submit', input, w.handler);
    assert.equal(e.code, 'SUBMISSION_INCOMPLETE');
    for (const what of ['缺少调查（询问、检查）笔录', '缺少行政处罚事先告知书', '缺少陈述申辩材料', '缺少听证笔录及听证报告']) assert.match(e.message, new RegExp(what));
    const other = await w.newCase();
    const wrong = submitInput(k);
    wrong.materials.evidence = [other.records.evidence];
    assert.match((await t.fails('review.submit', wrong, w.handler)).message, /证据材料中的记录 #\d+ 不属于本案/);
    const seizure = submitInput(k);
    seizure.proposal.measures = ['fine', 'seizure'];
    assert.match((await t.fails('review.submit', seizure, w.handler)).message, /缺少执法音像记录/);
    // Footage gaps from the media module (issue 4): a declared matter without footage or statement blocks.
    setCaseMatters(t.app, k.caseId, ['evidence'], null);
    const gap = await t.fails('review.submit', submitInput(k), w.handler);
    assert.match(gap.message, /缺少“证据保全”的音像记录（请关联执法记录仪视频并标注该事项，或由执法人员签署无法记录的书面说明）/);
    recordNoRecording(t.app, k.caseId, 'evidence', w.officers.a, '记录仪电量耗尽，已由现场笔录记载。', null);
    // A seizure matter explained by a signed statement covers the 查封扣押 measure without a checklist record.
    setCaseMatters(t.app, k.caseId, ['evidence', 'seizure'], null);
    recordNoRecording(t.app, k.caseId, 'seizure', w.officers.a, '现场无法拍摄。', null);
    const covered = await t.call('review.evaluate', { caseId: k.caseId, proposal: seizure.proposal, materials: seizure.materials }, w.handler);
    assert.deepEqual(covered.missing, []);
    const waived = submitInput(k);
    waived.materials.statement = [];
    waived.materials.statementWaived = true;
    assert.equal((await t.call('review.submit', waived, w.handler)).statementWaived, true);
    // Only a handler of the case may submit.
    const k3 = await w.newCase();
    const outsider = await t.user('outsider', ['officer'], { officerId: w.officers.c });
    assert.match((await t.fails('review.submit', submitInput(k3), outsider)).message, /只有本案承办人可以提交法制审核/);
  } finally {
    t.close();
  }
});

test('no self-review, qualified reviewers only, assignment respected, roles enforced', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const k = await w.newCase();
    const r = await t.call('review.submit', submitInput(k), w.handler);
    const self = await t.fails('review.assign', { submissionId: r.submissionId, reviewerId: w.handlerReviewer.id }, w.head);
    assert.match(self.message, /是本案承办人，不能审核本案（承办与审核分离）/);
    const unq = await t.fails('review.assign', { submissionId: r.submissionId, reviewerId: w.unqualified.id }, w.head);
    assert.match(unq.message, /未登记法制审核资格/);
    assert.match((await t.fails('review.record', recordInput(r.submissionId, 'agree'), w.handlerReviewer)).message, /是本案承办人/);
    assert.match((await t.fails('review.claim', { submissionId: r.submissionId }, w.unqualified)).message, /未登记法制审核资格/);
    assert.match((await t.fails('review.record', recordInput(r.submissionId, 'agree'), w.reviewer2)).message, /已分配给reviewer审核/);

    await t.call('review.assign', { submissionId: r.submissionId, reviewerId: w.reviewer2.id }, w.head);
    assert.equal((await t.call('review.queue', {}, w.reviewer2)).rows[0]?.submissionId, r.submissionId);
    assert.equal((await t.call('review.queue', {}, w.reviewer)).total, 0);

    // Roles through dispatch.
    assert.equal((await t.fails('review.record', recordInput(r.submissionId, 'agree'), w.handler)).code, 'FORBIDDEN');
    assert.equal((await t.fails('decisions.record', decisionInput(k), w.reviewer)).code, 'FORBIDDEN');
    assert.equal((await t.fails('review.assign', { submissionId: r.submissionId }, w.reviewer)).code, 'FORBIDDEN');
    assert.equal((await t.fails('review.catalogue.update', DEFAULT_CATALOGUE, w.head)).code, 'FORBIDDEN');
    assert.equal((await t.fails('review.queue', {}, w.handler)).code, 'FORBIDDEN');
  } finally {
    t.close();
  }
});

test('CLI: roles enforced by `sanxiang call`; the opinion PDF is generated, stored, hashed and readable', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const k = await w.newCase();
    const r = await t.call('review.submit', submitInput(k), w.handler);
    const cli = (user: string, op: string, input: unknown) => {
      const p = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'cli', 'sanxiang.mjs'), 'call', op, JSON.stringify(input), '--data', t.dir, '--user', user, '--json'], {
        encoding: 'utf8',
        env: { ...process.env, SANXIANG_PASSWORD: USER_PASSWORD },
      });
      return { code: p.status, json: JSON.parse(p.stdout.trim().split('\n').at(-1)!), stderr: p.stderr };
    };
    const denied = cli('handler', 'review.record', recordInput(r.submissionId, 'agree'));
    assert.equal(denied.code, 1);
    assert.equal(denied.json.error.code, 'FORBIDDEN');
    const self = cli('hreviewer', 'review.record', recordInput(r.submissionId, 'agree'));
    assert.equal(self.code, 1);
    assert.match(self.json.error.message, /是本案承办人/);

    const done = cli('reviewer', 'review.record', recordInput(r.submissionId, 'agree'));
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.json.outcome, 'agree');
    const sha = done.json.pdfSha256 as string;
    const bytes = t.app.vault.read(sha);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), sha, 'content address = SHA-256 of the PDF');
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const rec = (await t.call('cases.get', { id: k.caseId })).records.find((x) => x.id === done.json.opinionRecordId)!;
    assert.deepEqual([rec.mime, rec.sha256, rec.fileName], ['application/pdf', sha, `法制审核意见书_${k.caseNo}_第1轮.pdf`]);

    const text = spawnSync('pdftotext', ['-layout', t.app.vault.pathOf(sha), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const s of ['遂宁市林业局', '法制审核意见书', k.caseNo, '张喆', '擅自改变林地用途案', '执法主体是否合法', '是否涉嫌犯罪需移送司法机关', '未发现涉嫌犯罪', '同意', 'reviewer', '《森林法》第七十三条', '适用普通程序作出的行政处罚决定']) {
      assert.ok(text.includes(s.replace(/\s+/g, '')), `PDF text lacks “${s}”`);
    }
    assert.equal((await t.call('review.gate', { caseId: k.caseId }, w.head)).allowed, true);
  } finally {
    t.close();
  }
});

test('demo seeding: reviews at every state', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const { seedReviews } = await import('../../core/demo/review-seed.js');
    const { createRng } = await import('../../core/demo/random.js');
    const opened = t.app.calendar().addWorkdays(today(), -12);
    for (let i = 0; i < 20; i++) {
      await t.call('cases.create', { caseType: 'penalty', procedure: 'ordinary', title: `演示案件${i}`, openedOn: opened, handlerIds: [w.officers.a, w.officers.b], parties: [{ kind: 'person', name: `当事人${i}` }] }, w.handler);
    }
    const counts = await seedReviews(t.app, createRng(1));
    for (const s of ['submitted', 'held', 'overdue', 'returned', 'resubmitted', 'agreed', 'changed', 'discussion', 'decided', 'stale']) assert.equal(counts[s], 1, s);
    const overdue = await t.call('review.overdue', {}, w.head);
    assert.ok(overdue.rows.some((r) => r.due.state === 'overdue'));
    assert.equal((t.app.db.prepare('SELECT count(*) FROM decisions').pluck().get() as number), 1);

  } finally {
    t.close();
  }
});
