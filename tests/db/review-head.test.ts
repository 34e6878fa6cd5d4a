import { test } from 'node:test';
import assert from 'node:assert/strict';
import { todayLocal } from '../../shared/logic/calendar.js';
import { OPEN_SQL } from '../../core/review/review-repo.js';
import { recordInput, reviewWorld, submitInput } from '../helpers/review.js';

test('the head sees every reviewer with why some may not review this case, and their load', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    await t.call('review.settings.update', { autoAssign: false });
    const k = await w.newCase();
    const r = await t.call('review.submit', submitInput(k), w.handler);
    const choices = await t.call('review.reviewers', { submissionId: r.submissionId }, w.head);
    const byName = new Map(choices.map((c) => [c.name, c]));
    assert.equal(byName.get('reviewer')?.problem, null);
    assert.equal(byName.get('reviewer2')?.problem, null);
    assert.match(byName.get('unqualified')!.problem!, /未登记法制审核资格/);
    assert.match(byName.get('hreviewer')!.problem!, /本案承办人/);
    assert.deepEqual(choices.slice(0, 2).map((c) => c.problem), [null, null], 'eligible reviewers first');
    assert.equal((await t.fails('review.reviewers', { submissionId: r.submissionId }, w.reviewer)).code, 'FORBIDDEN');

    await t.call('review.assign', { submissionId: r.submissionId, reviewerId: byName.get('reviewer2')!.id }, w.head);
    const after = await t.call('review.reviewers', { submissionId: r.submissionId }, w.head);
    assert.equal(after.find((c) => c.name === 'reviewer2')?.pendingNow, 1);
    assert.equal(after[0].name, 'reviewer', 'the least loaded eligible reviewer comes first');
  } finally {
    t.close();
  }
});

test('statistics: outcomes by kind, on time, per reviewer, for a period', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const month = todayLocal().slice(0, 7);
    const k1 = await w.newCase();
    const r1 = await t.call('review.submit', submitInput(k1), w.handler);
    await t.call('review.record', recordInput(r1.submissionId, 'return', ['facts']), w.reviewer);
    const r1b = await t.call('review.submit', submitInput(k1), w.handler);
    const k2 = await w.newCase();
    const r2 = await t.call('review.submit', submitInput(k2), w.handler);
    const who = (r: { assignee: { name: string } | null }) => (r.assignee?.name === 'reviewer' ? w.reviewer : w.reviewer2);
    await t.call('review.record', recordInput(r1b.submissionId, 'agree'), who(r1b));
    await t.call('review.record', recordInput(r2.submissionId, 'change'), who(r2));
    const k3 = await w.newCase();
    const open = await t.call('review.submit', submitInput(k3), w.handler);

    const s = await t.call('review.stats', { from: month, to: month }, w.head);
    assert.deepEqual([s.from, s.to], [month, month]);
    assert.deepEqual([s.totals.finished, s.totals.onTime], [3, 3]);
    assert.deepEqual([s.totals.byOutcome.agree, s.totals.byOutcome.return, s.totals.byOutcome.change, s.totals.byOutcome.transfer], [1, 1, 1, 0]);
    assert.deepEqual([s.rows[0].finished, s.rows[0].onTime], [3, 3]);
    assert.equal(s.byReviewer.reduce((n, r) => n + r.finished, 0), 3);
    const holder = s.byReviewer.find((r) => r.reviewer.name === open.assignee?.name);
    assert.equal(holder?.pendingNow, 1, 'open rounds are counted against the assignee');

    const past = await t.call('review.stats', { from: '2020-01', to: '2020-12' }, w.head);
    assert.equal(past.totals.finished, 0);
    assert.equal(past.byReviewer.every((r) => r.finished === 0), true, 'only the open load remains outside the period');
    assert.equal(past.rows.length, 12);
  } finally {
    t.close();
  }
});

test('the head lists every open round, due soonest first, from the partial index', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const a = await t.call('review.submit', submitInput(await w.newCase()), w.handler);
    const b = await t.call('review.submit', submitInput(await w.newCase()), w.handler);
    await t.call('review.extend', { submissionId: a.submissionId, workdays: 3, reason: '需调取外地证据' }, w.head);
    const done = await t.call('review.submit', submitInput(await w.newCase()), w.handler);
    await t.call('review.record', recordInput(done.submissionId, 'agree'), done.assignee?.name === 'reviewer' ? w.reviewer : w.reviewer2);
    const open = await t.call('review.open', { page: 1, pageSize: 50 }, w.head);
    assert.deepEqual(open.rows.map((r) => r.submissionId), [b.submissionId, a.submissionId], 'the extended round is due later');
    assert.equal(open.total, 2);
    assert.equal(open.rows[1].extended, true);
    assert.equal((await t.fails('review.open', { page: 1, pageSize: 50 }, w.reviewer)).code, 'FORBIDDEN');
    const plan = (t.app.db.prepare(`EXPLAIN QUERY PLAN ${OPEN_SQL}`).all({ limit: 50, offset: 0 }) as { detail: string }[]).map((r) => r.detail).join(' | ');
    assert.match(plan, /review_items_due/);
    assert.doesNotMatch(plan, /TEMP B-TREE/);
  } finally {
    t.close();
  }
});
