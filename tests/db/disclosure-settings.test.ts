import { test } from 'node:test';
import assert from 'node:assert/strict';
import { todayLocal } from '../../shared/logic/calendar.js';
import { REVIEW_SETTINGS_DOCUMENT } from '../../shared/review-settings.js';
import { disclosureWorld } from '../helpers/disclosure.js';
import { decisionInput, recordInput, reviewWorld, submitInput } from '../helpers/review.js';

const today = () => todayLocal();

test('one publish deadline: the disclosure setting drives the decision clock; an old review setting is still read and kept', async () => {
  const w = await reviewWorld();
  const { t } = w;
  try {
    const decide = async () => {
      const k = await w.newCase();
      const r = await t.call('review.submit', submitInput(k), w.handler);
      await t.call('review.record', recordInput(r.submissionId, 'agree'), r.assignee?.name === 'reviewer' ? w.reviewer : w.reviewer2);
      return t.call('decisions.record', decisionInput(k), w.head);
    };
    const cal = t.app.calendar();

    // A data folder from before: the deadline was changed in the review settings document only.
    t.app.settings.setDocument(REVIEW_SETTINGS_DOCUMENT, { dueWorkdays: 6, disclosureWorkdays: 10 });
    assert.equal((await t.call('disclosure.settings.get', {}, w.head)).publishWorkdays, 10, 'the old value is read');
    assert.equal((await decide()).disclosureDueOn, cal.addWorkdays(today(), 10));

    // Saving the review settings rewrites their document without the old key; the value moves over.
    await t.call('review.settings.update', { dueWorkdays: 5 });
    const stored = t.app.settings.getDocument<Record<string, unknown>>(REVIEW_SETTINGS_DOCUMENT)!;
    assert.equal(stored.disclosureWorkdays, undefined);
    assert.equal((await t.call('disclosure.settings.get', {}, w.head)).publishWorkdays, 10, 'kept after the review settings were saved');

    // From now on the disclosure settings are the one place.
    await t.call('disclosure.settings.update', { publishWorkdays: 5, withdrawWorkdays: 2, takedownYears: 5, takedownYearsPersons: 2 });
    assert.equal((await decide()).disclosureDueOn, cal.addWorkdays(today(), 5));
    const s = await t.call('disclosure.settings.get', {}, w.head);
    assert.deepEqual([s.publishWorkdays, s.withdrawWorkdays, s.takedownYears, s.takedownYearsPersons], [5, 2, 5, 2]);
    assert.equal('disclosureWorkdays' in (await t.call('review.settings.get', {}, w.head)), false, 'the review settings no longer carry a second deadline');
  } finally {
    t.close();
  }
});

test('the disclosure items of one case are listed by case (for the case page)', async () => {
  const w = await disclosureWorld();
  const { t } = w;
  try {
    const a = await w.personCase();
    const b = await w.orgCase();
    const d = await t.call('disclosure.createFromCase', { caseId: a.caseId }, w.officer);
    await t.call('disclosure.createFromCase', { caseId: b.caseId }, w.officer);
    const list = await t.call('disclosure.list', { caseId: a.caseId }, w.officer);
    assert.deepEqual(list.rows.map((r) => r.id), [d.id]);
    assert.equal((await t.call('disclosure.list', { caseId: a.caseId, state: 'published' }, w.officer)).total, 0);
  } finally {
    t.close();
  }
});

test('the list puts open work first by deadline, then everything else newest first', async () => {
  const w = await disclosureWorld();
  const { t } = w;
  try {
    const older = await w.approved((await w.orgCase()).caseId, { decidedOn: '2026-03-02' });
    const newer = await w.approved((await w.orgCase()).caseId, { decidedOn: '2026-04-20' });
    const middle = await w.approved((await w.orgCase()).caseId, { decidedOn: '2026-03-30' });
    const open = await w.approved((await w.orgCase()).caseId, { decidedOn: '2026-03-16' });
    t.app.db.prepare(`UPDATE disclosure_items SET state = 'published', first_published_at = updated_at WHERE id IN (?, ?, ?)`).run(older, newer, middle);

    const published = await t.call('disclosure.list', { state: 'published' }, w.publisher);
    assert.deepEqual(published.rows.map((r) => r.id), [newer, middle, older], 'the 已发布 tab shows the newest decision first');
    const all = await t.call('disclosure.list', {}, w.publisher);
    assert.deepEqual(all.rows.map((r) => r.id), [open, newer, middle, older], 'an item still to publish leads');
  } finally {
    t.close();
  }
});
