import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatch } from '../../core/dispatch.js';
import { verifyAuditChain } from '../../core/audit/audit-log.js';
import { addDays, todayLocal } from '../../shared/logic/calendar.js';
import { reviewWorld, submitInput, recordInput } from '../helpers/review.js';
import { MINE_SQL, OVERDUE_SQL, QUEUE_SQL } from '../../core/review/review-repo.js';

const count = (w: Awaited<ReturnType<typeof reviewWorld>>, table: string) =>
  (w.t.app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

test('a case edited after submission is stale: the reviewer sees what changed and cannot simply agree', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const k = await w.newCase();
    const r = await t.call('review.submit', submitInput(k), w.handler);
    assert.equal((await t.call('review.queue', {}, w.reviewer)).rows[0].stale, false);

    await t.call('cases.update', { id: k.caseId, facts: '当事人未经批准，擅自改变林地用途约 0.5 公顷。' }, w.handler);
    await t.call('cases.addParty', { id: k.caseId, party: { kind: 'person', name: '李四' } }, w.handler);
    const row = (await t.call('review.queue', {}, w.reviewer)).rows[0];
    assert.equal(row.stale, true);
    const item = await t.call('review.get', { submissionId: r.submissionId }, w.reviewer);
    assert.deepEqual(item.changes.map((c) => c.label), ['基本事实', '新增当事人']);
    assert.match(item.changes[0].after, /0\.5 公顷/);

    const agree = await t.fails('review.record', recordInput(r.submissionId, 'agree'), w.reviewer);
    assert.equal(agree.code, 'CONFLICT');
    assert.match(agree.message, /送审后案件信息有变更（基本事实、新增当事人），不能直接同意。请退回补充/);
    await t.call('review.record', recordInput(r.submissionId, 'return', ['facts']), w.reviewer);

    // The new round is based on the case as it is now; the opinion PDF filed in round 1 is not an edit.
    const r2 = await t.call('review.submit', submitInput(k), w.handler);
    assert.equal(r2.stale, false);
    assert.equal((await t.call('review.get', { submissionId: r2.submissionId }, w.reviewer2)).changes.length, 0);
    const agreed = await t.call('review.record', recordInput(r2.submissionId, 'agree'), w.reviewer2);
    assert.equal(agreed.outcome, 'agree');
  } finally {
    t.close();
  }
});

test('two reviewers opening the same pool item see who holds it; holds lapse and can be released', async () => {
  let clock = Date.now();
  const w = await reviewWorld({ now: () => new Date(clock) });
  const { t } = w;
  try {
    await t.call('review.settings.update', { autoAssign: false });
    const k = await w.newCase();
    const r = await t.call('review.submit', submitInput(k), w.handler);
    assert.equal(r.assignee, null);
    assert.equal((await t.call('review.queue', {}, w.reviewer2)).total, 1, 'unassigned items are in every reviewer’s queue');

    await t.call('review.claim', { submissionId: r.submissionId }, w.reviewer);
    const seen = await t.call('review.get', { submissionId: r.submissionId }, w.reviewer2);
    assert.equal(seen.holder?.name, 'reviewer');
    assert.equal((await t.call('review.queue', {}, w.reviewer2)).rows[0].holder?.name, 'reviewer');
    const second = await t.fails('review.claim', { submissionId: r.submissionId }, w.reviewer2);
    assert.equal(second.code, 'HELD_BY_OTHER');
    assert.match(second.message, /^reviewer正在审核该事项（自 .* 起）/);
    assert.equal((await t.fails('review.record', recordInput(r.submissionId, 'agree'), w.reviewer2)).code, 'HELD_BY_OTHER');
    assert.equal((await t.fails('review.release', { submissionId: r.submissionId }, w.reviewer2)).code, 'FORBIDDEN');

    // After the hold time (240 minutes by default) another reviewer may take over.
    clock += 5 * 60 * 60_000;
    const took = await t.call('review.claim', { submissionId: r.submissionId }, w.reviewer2);
    assert.equal(took.holder?.name, 'reviewer2');
    await t.call('review.release', { submissionId: r.submissionId }, w.reviewer2);
    assert.equal((await t.call('review.claim', { submissionId: r.submissionId }, w.reviewer)).holder?.name, 'reviewer');
    const done = await t.call('review.record', recordInput(r.submissionId, 'agree'), w.reviewer);
    assert.equal(done.reviewer.name, 'reviewer');
    const after = await t.call('review.get', { submissionId: r.submissionId }, w.reviewer2);
    assert.deepEqual([after.status, after.holder, after.assignee?.name], ['done', null, 'reviewer']);
    assert.match((await t.fails('review.claim', { submissionId: r.submissionId }, w.reviewer2)).message, /已办结（审核意见：同意）/);
  } finally {
    t.close();
  }
});

test('crash during outcome recording leaves the old state (one transaction)', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const k = await w.newCase();
    const r = await t.call('review.submit', submitInput(k), w.handler);
    const before = { outcomes: count(w, 'review_outcomes'), checks: count(w, 'review_checklist'), records: count(w, 'case_records'), audit: count(w, 'audit_log') };
    const cases = t.app.repos.cases as { insertRecord: (...a: unknown[]) => number };
    const original = cases.insertRecord;
    cases.insertRecord = () => {
      throw new Error('simulated crash after the outcome and checklist rows were written');
    };
    const silenced = console.error;
    console.error = () => {};
    const res = await dispatch(t.app, 'review.record', recordInput(r.submissionId, 'agree'), { user: w.reviewer });
    console.error = silenced;
    cases.insertRecord = original;
    assert.equal(res.ok, false);
    assert.equal(!res.ok && res.error.code, 'INTERNAL');
    assert.deepEqual(
      { outcomes: count(w, 'review_outcomes'), checks: count(w, 'review_checklist'), records: count(w, 'case_records'), audit: count(w, 'audit_log') },
      before,
    );
    const item = await t.call('review.get', { submissionId: r.submissionId }, w.reviewer);
    assert.deepEqual([item.status, item.outcomeInfo], ['pending', null]);
    assert.equal(verifyAuditChain(t.app.db).ok, true);
    // Retried without the fault: recorded once.
    await t.call('review.record', recordInput(r.submissionId, 'agree'), w.reviewer);
    assert.equal(count(w, 'review_outcomes'), before.outcomes + 1);
    // History cannot be rewritten.
    assert.throws(() => t.app.db.prepare(`UPDATE review_outcomes SET outcome = 'return'`).run(), /immutable/);
    assert.throws(() => t.app.db.prepare(`DELETE FROM review_submissions`).run(), /cannot be deleted/);
  } finally {
    t.close();
  }
});

test('extension once with a reason; overdue list, warnings and monthly counts', async () => {
  let clock = Date.now();
  const w = await reviewWorld({ now: () => new Date(clock) });
  const { t } = w;
  try {
    const k = await w.newCase();
    const r = await t.call('review.submit', submitInput(k), w.handler);
    assert.equal((await t.fails('review.extend', { submissionId: r.submissionId, workdays: 2, reason: '案情复杂' }, w.reviewer2)).code, 'FORBIDDEN');
    assert.match((await t.fails('review.extend', { submissionId: r.submissionId, workdays: 9, reason: '案情复杂' }, w.reviewer)).message, /最多延长 5 个工作日/);
    const ext = await t.call('review.extend', { submissionId: r.submissionId, workdays: 2, reason: '需调取外地证据' }, w.reviewer);
    assert.equal(ext.due.dueOn, t.app.calendar().addWorkdays(r.due.dueOn, 2));
    assert.deepEqual([ext.extended, ext.originalDueOn, ext.extensionReason], [true, r.due.dueOn, '需调取外地证据']);
    assert.match((await t.fails('review.extend', { submissionId: r.submissionId, workdays: 1, reason: '再延' }, w.head)).message, /已延期一次/);

    // The day before the due date (a working day) → 1 day left; after it → overdue, on the head's list.
    const due = ext.due.dueOn;
    const dayBefore = t.app.calendar().addWorkdays(due, -1);
    clock = new Date(`${dayBefore}T10:00:00`).getTime();
    assert.equal((await t.call('review.queue', {}, w.reviewer)).rows[0].due.state, 'dueSoon');
    assert.equal((await t.call('review.overdue', {}, w.head)).total, 0);
    clock = new Date(`${addDays(due, 1)}T10:00:00`).getTime();
    const overdue = await t.call('review.overdue', {}, w.head);
    assert.equal(overdue.total, 1);
    assert.equal(overdue.rows[0].due.state, 'overdue');
    assert.equal((await t.fails('review.overdue', {}, w.reviewer)).code, 'FORBIDDEN');

    await t.call('review.record', recordInput(r.submissionId, 'agree'), w.reviewer);
    const month = todayLocal(new Date()).slice(0, 7);
    const stats = await t.call('review.stats', { from: month, to: due.slice(0, 7) }, w.head);
    const m = stats.rows.find((x) => x.month === month)!;
    assert.deepEqual([m.submitted, m.cases, m.passedFirstTime], [1, 1, 1]);
    assert.equal(stats.rows.reduce((s, x) => s + x.overdue, 0), 1, 'finished late counts as overdue in its due month');
    assert.equal(stats.overdueNow, 0);
    const mine = await t.call('review.mine', {}, w.handler);
    assert.deepEqual([mine.total, mine.rows[0].outcome, mine.rows[0].due.state], [1, 'agree', 'overdue']);
  } finally {
    t.close();
  }
});

test('list queries are served by their indexes (no scan of all rounds)', async () => {
  const w = await reviewWorld();
  try {
    const plan = (sql: string) =>
      (w.t.app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ me: 1, today: '2026-01-01', limit: 50, offset: 0 }) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const queue = plan(QUEUE_SQL);
    assert.equal(queue.match(/USING COVERING INDEX review_items_queue/g)?.length, 2, queue);
    assert.match(queue, /MERGE \(UNION ALL\)/);
    assert.doesNotMatch(queue, /TEMP B-TREE/);
    assert.match(plan(OVERDUE_SQL), /review_items_due/);
    assert.match(plan(MINE_SQL), /review_submissions_by/);
    for (const p of [queue, plan(OVERDUE_SQL), plan(MINE_SQL)]) assert.doesNotMatch(p, /SCAN review_items|SCAN review_submissions/);
  } finally {
    w.t.close();
  }
});
