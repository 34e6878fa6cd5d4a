import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AlertsResult } from '../../shared/supervision-types.js';
import { submitInput } from '../helpers/review.js';
import { reviewWorld } from '../helpers/review.js';
import { officerInput } from '../helpers/app.js';
import { supervisionWorld, testClock } from '../helpers/supervision.js';

const find = (r: AlertsResult, id: string) => r.alerts.find((a) => a.id === id);

test('disclosure deadline: 7 working days across the Spring Festival and its make-up Saturday', async () => {
  const w = await supervisionWorld('2026-02-10T10:00:00+08:00');
  try {
    const c = await w.newCase({ openedOn: '2026-02-02' });
    const d = await w.decide(c.id, c.partyId, '2026-02-10');
    // 11, 12, 13, 14 (make-up Saturday), [15–23 off], 24, 25, 26
    assert.equal(d.disclosureDueOn, '2026-02-26');
    const at = async (day: string) => {
      w.clock.set(`${day}T09:00:00+08:00`);
      return w.t.call('dashboard.alerts', {});
    };
    assert.equal(find(await at('2026-02-14'), 'disclosures.dueSoon'), undefined, 'make-up day: 2 working days ahead is 02-25');
    assert.equal(find(await at('2026-02-23'), 'disclosures.dueSoon'), undefined, 'holiday: still 2 working days to go');
    const soon = find(await at('2026-02-24'), 'disclosures.dueSoon');
    assert.equal(soon?.count, 1);
    assert.equal(soon?.items[0].id, c.id);
    const soonList = await w.t.call('ledgers.query', { ledger: 'disclosures', filter: soon!.link.filter as { state: 'pending'; dueTo: string } });
    assert.deepEqual(soonList.rows.map((r) => r.decisionNo), [d.decisionNo], 'the link lands on the decisions due by the warning date');
    const onDue = await at('2026-02-26');
    assert.equal(find(onDue, 'disclosures.late'), undefined, 'the due day itself is not late');
    const late = find(await at('2026-02-27'), 'disclosures.late');
    assert.equal(late?.level, 'danger');
    assert.equal(late?.count, 1);
    assert.equal(late?.items[0].label, d.decisionNo);
    assert.deepEqual(late?.link, { page: 'ledger', filter: { ledger: 'disclosures', state: 'overdue' } });
    // The link lands on a list holding exactly this decision.
    const list = await w.t.call('ledgers.query', { ledger: 'disclosures', filter: late!.link.filter as { state: 'overdue' } });
    assert.equal(list.total, 1);
    assert.equal(list.rows[0].decisionNo, d.decisionNo);
    assert.equal(list.rows[0].state, '超期未公示');
    // A minor's case is never published: no alert for it. (Inserted as the review issue stores a decision.)
    const m = await w.newCase({ openedOn: '2026-02-02', minor: true, party: '李小明' });
    w.t.app.db
      .prepare(
        `INSERT INTO decisions (case_id, decision_no, case_type, year, seq, decided_on, decision_type, content, measures, amounts, total_fine, total_confiscation,
           legal_basis, basis, disclosure_due_on, service_due_on, recorded_by, recorded_at)
         VALUES (?, '遂林罚决字〔2026〕第99号', 'penalty', 2026, 99, '2026-02-10', 'penalty', '警告', '["warning"]', '[]', 0, 0, '《森林法》', 'simple', '2026-02-26', '2026-02-17', 1, ?)`,
      )
      .run(m.id, new Date().toISOString());
    w.touch('case', m.id);
    assert.equal(find(await at('2026-02-27'), 'disclosures.late')?.count, 1);
  } finally {
    w.t.close();
  }
});

test('takedown within 1 working day: a revocation on Friday 02-13 is due on the make-up Saturday', async () => {
  const w = await supervisionWorld('2026-02-10T10:00:00+08:00');
  try {
    const c = await w.newCase({ openedOn: '2026-02-02' });
    await w.decide(c.id, c.partyId, '2026-02-10');
    const pub = await w.t.user('gongkai', ['publisher']);
    // Recording the decision drafted its disclosure item (issue 6).
    const item = w.t.app.db.prepare(`SELECT id FROM disclosure_items WHERE case_id = ?`).get(c.id) as { id: number };
    // Published (the publishing run itself belongs to the disclosure tests).
    w.t.app.db.prepare(`UPDATE disclosure_items SET state = 'published', first_published_at = ? WHERE id = ?`).run('2026-02-11T02:00:00.000Z', item.id);
    w.t.app.db.prepare(`INSERT INTO disclosure_events (item_id, action, username, at) VALUES (?, 'publish', '(测试)', ?)`).run(item.id, '2026-02-11T02:00:00.000Z');
    w.touch('disclosure', item.id);
    w.clock.set('2026-02-13T16:00:00+08:00');
    assert.equal(find(await w.t.call('dashboard.alerts', {}), 'disclosures.late'), undefined, 'published on time');
    await w.t.call('disclosure.withdraw', { id: item.id, event: 'revoked', eventOn: '2026-02-13', reason: '复议决定撤销' }, pub);
    const at = async (s: string) => {
      w.clock.set(s);
      return w.t.call('dashboard.alerts', {});
    };
    assert.equal(find(await at('2026-02-13T17:00:00+08:00'), 'disclosures.takedownLate'), undefined);
    const today = find(await at('2026-02-14T09:00:00+08:00'), 'disclosures.takedownToday');
    assert.equal(today?.count, 1, 'due on the make-up working day');
    const late = find(await at('2026-02-24T09:00:00+08:00'), 'disclosures.takedownLate');
    assert.equal(late?.level, 'danger');
    assert.equal(late?.items[0].link?.filter.id, c.id);
  } finally {
    w.t.close();
  }
});

test('review time limit: 5 working days over May Day, overdue only after the due date', async () => {
  const clock = testClock('2026-04-30T10:00:00+08:00');
  const r = await reviewWorld({ now: clock.now });
  try {
    const k = await r.newCase();
    await r.t.call('review.submit', submitInput(k), r.handler);
    const due = (r.t.app.db.prepare('SELECT due_on AS d FROM review_items').get() as { d: string }).d;
    assert.equal(due, '2026-05-11', '6, 7, 8, 9 (make-up Saturday), 11');
    const at = async (s: string) => {
      clock.set(`${s}T09:00:00+08:00`);
      return r.t.call('dashboard.alerts', {}, r.head);
    };
    assert.equal(find(await at('2026-05-08'), 'reviews.dueSoon'), undefined);
    assert.equal(find(await at('2026-05-09'), 'reviews.dueSoon')?.count, 1);
    assert.equal(find(await at('2026-05-11'), 'reviews.overdue'), undefined);
    const over = find(await at('2026-05-12'), 'reviews.overdue');
    assert.equal(over?.count, 1);
    assert.match(over!.items[0].detail, /已超期 1 个工作日/);
    assert.deepEqual(over?.link, { page: 'reviews', filter: { overdue: true } });
    const list = await r.t.call('review.overdue', { page: 1, pageSize: 50 }, r.head);
    assert.equal(list.total, 1, 'the link lands on the overdue list with the same item');
    // The reviewer's to-do shows it; an officer cannot read the dashboard alerts.
    const todo = await r.t.call('dashboard.todo', {}, r.reviewer);
    assert.equal(todo.find((x) => x.id === 'reviewer.queue')?.level, 'danger');
    assert.equal((await r.t.fails('dashboard.alerts', {}, r.handler)).code, 'FORBIDDEN');
  } finally {
    r.t.close();
  }
});

test('certificates: expired, expiring within 60 days, and not yet', async () => {
  const w = await supervisionWorld('2026-03-01T09:00:00+08:00');
  try {
    await w.t.call('officers.create', officerInput('过期人', '2026-02-28'));
    await w.t.call('officers.create', officerInput('到期人', '2026-04-30'));
    await w.t.call('officers.create', officerInput('正常人', '2026-05-01'));
    const r = await w.t.call('dashboard.alerts', {});
    assert.deepEqual(find(r, 'certificates.expired')?.items.map((i) => i.label), ['过期人']);
    assert.deepEqual(find(r, 'certificates.expiring')?.items.map((i) => i.label), ['到期人']);
    assert.match(find(r, 'certificates.expiring')!.items[0].detail, /60 天后到期/);
  } finally {
    w.t.close();
  }
});

test('footage: missing required recordings, unannotated after N days, recorders not offloaded', async () => {
  const w = await supervisionWorld('2026-03-10T09:00:00+08:00');
  try {
    // A coercion case implies 查封扣押 (recorded at 执行): a gap once the case is past execution.
    const c = await w.newCase({ caseType: 'coercion', openedOn: '2026-03-02', title: '扣押涉案木材案' });
    let r = await w.t.call('dashboard.alerts', {});
    assert.equal(find(r, 'footage.missing'), undefined, 'still in 立案: not yet a gap');
    await w.close(c.id, '2026-03-09');
    r = await w.t.call('dashboard.alerts', {});
    const gap = find(r, 'footage.missing');
    assert.equal(gap?.count, 1);
    assert.match(gap!.items[0].detail, /查封扣押/);
    const list = await w.t.call('ledgers.query', { ledger: 'cases', filter: gap!.link.filter as { avGap: true } });
    assert.deepEqual(list.rows.map((x) => x.caseNo), [c.caseNo], 'the link lands on the case ledger filtered to gaps');
    await w.t.call('media.recordNoRecordingReason', { caseId: c.id, matter: 'seizure', reason: '记录仪故障，已拍照留存' }, w.officer);
    assert.equal(find(await w.t.call('dashboard.alerts', {}), 'footage.missing'), undefined, 'a signed statement closes the gap');

    // Unannotated: 3 days by default (media setting), counted from the offload time.
    w.media({ fileName: 'old.mp4', ingestedAt: '2026-03-07T00:59:00.000Z' });
    w.media({ fileName: 'new.mp4', ingestedAt: '2026-03-07T01:01:00.000Z' });
    w.media({ fileName: 'done.mp4', ingestedAt: '2026-03-01T01:00:00.000Z', annotated: true });
    r = await w.t.call('dashboard.alerts', {});
    assert.deepEqual(find(r, 'footage.unannotated')?.items.map((i) => i.label), ['old.mp4']);
    await w.t.call('supervision.settings.update', { unannotatedDays: 1 });
    assert.equal(find(await w.t.call('dashboard.alerts', {}), 'footage.unannotated')?.count, 2);

    // Recorders: assigned to an officer in post; never offloaded since registration, or the last offload too old.
    w.clock.set('2026-03-01T09:00:00+08:00');
    const dev = await w.t.call('devices.create', { serial: 'DSJ-A', model: 'X1', officerId: w.officerIds[0], notes: '' });
    await w.t.call('devices.create', { serial: 'DSJ-B', model: 'X1', officerId: w.officerIds[1], notes: '' });
    w.t.app.db
      .prepare(`INSERT INTO ingest_runs (device_key, device_serial, folder, state, started_at, finished_at, username) VALUES ('DSJ-B', 'DSJ-B', 'E:\\', 'done', ?, ?, 'x')`)
      .run('2026-03-08T02:00:00.000Z', '2026-03-08T02:05:00.000Z');
    w.touch('ingest', 1);
    w.clock.set('2026-03-10T09:00:00+08:00');
    const stale = find(await w.t.call('dashboard.alerts', {}), 'devices.notOffloaded');
    assert.deepEqual(stale?.items.map((i) => i.label), ['DSJ-A']);
    assert.match(stale!.items[0].detail, /从未导出/);
    const devices = await w.t.call('ledgers.query', { ledger: 'devices', filter: stale!.link.filter as { staleDays: number } });
    assert.deepEqual(devices.rows.map((x) => x.serial), ['DSJ-A']);
    assert.ok(dev);
  } finally {
    w.t.close();
  }
});

test('annual report due: warning from 30 days before 31 March, danger after, gone once exported; 31 January is a setting', async () => {
  const w = await supervisionWorld('2026-02-28T09:00:00+08:00');
  try {
    const at = async (s: string) => {
      w.clock.set(`${s}T09:00:00+08:00`);
      return find(await w.t.call('dashboard.alerts', {}), 'report.annualDue');
    };
    assert.equal(await at('2026-02-28'), undefined);
    assert.equal((await at('2026-03-01'))?.level, 'warning');
    assert.equal((await at('2026-03-31'))?.level, 'warning');
    const late = await at('2026-04-01');
    assert.equal(late?.level, 'danger');
    assert.deepEqual(late?.link, { page: 'report', filter: { year: 2025 } });
    await w.t.call('supervision.settings.update', { annualReportDeadline: '01-31' });
    assert.equal((await at('2026-01-01'))?.level, 'warning', '30 days before 31 January');
    assert.equal((await at('2026-02-01'))?.level, 'danger');
    await w.t.call('report.annualExport', { year: 2025 });
    assert.equal(await at('2026-02-02'), undefined, 'exported: no longer due');
  } finally {
    w.t.close();
  }
});

test('backup and storage alerts', async () => {
  const w = await supervisionWorld('2026-03-02T09:00:00+08:00');
  const target = mkdtempSync(join(tmpdir(), 'sanxiang-target-'));
  try {
    let r = await w.t.call('dashboard.alerts', {});
    assert.equal(find(r, 'backup.notConfigured')?.level, 'warning');
    await w.t.call('backup.settings.update', { target });
    assert.match(find(await w.t.call('dashboard.alerts', {}), 'backup.stale')!.title, /尚未进行过备份/);
    await w.t.call('backup.run', {});
    assert.equal(find(await w.t.call('dashboard.alerts', {}), 'backup.stale'), undefined);
    w.clock.set('2026-03-10T09:00:00+08:00');
    assert.match(find(await w.t.call('dashboard.alerts', {}), 'backup.stale')!.title, /已 8 天没有成功备份/);
    rmSync(target, { recursive: true, force: true });
    await w.t.fails('backup.run', {});
    assert.equal(find(await w.t.call('dashboard.alerts', {}), 'backup.failed')?.level, 'danger');

    assert.equal(find(r, 'storage.low'), undefined);
    await w.t.call('supervision.settings.update', { storageWarnGb: 1e5 });
    assert.equal(find(await w.t.call('dashboard.alerts', {}), 'storage.low')?.level, 'warning');
    await w.t.call('supervision.settings.update', { storageDangerGb: 1e5 });
    r = await w.t.call('dashboard.alerts', {});
    assert.equal(find(r, 'storage.low')?.level, 'danger');
    assert.equal(r.alerts[0].level, 'danger', 'danger first');
    const todo = await w.t.call('dashboard.todo', {});
    assert.ok(todo.some((x) => x.id === 'admin.storage.low'), "the admin's to-do carries storage and backups");
  } finally {
    w.t.close();
    rmSync(target, { recursive: true, force: true });
  }
});

test('trends by month and the officer to-do', async () => {
  const w = await supervisionWorld('2026-03-20T09:00:00+08:00');
  try {
    const a = await w.newCase({ openedOn: '2026-01-05' });
    await w.newCase({ openedOn: '2026-03-02', caseType: 'inspection' });
    await w.decide(a.id, a.partyId, '2026-01-20');
    await w.close(a.id, '2026-02-03');
    w.media({ fileName: 'a.mp4', ingestedAt: '2026-03-03T02:00:00.000Z', durationMs: 5_400_000 });
    const tr = await w.t.call('dashboard.trends', { months: 3 });
    assert.deepEqual(tr.months, ['2026-01', '2026-02', '2026-03']);
    const chart = (k: string) => tr.charts.find((c) => c.key === k)!;
    assert.deepEqual(chart('casesOpened').series.find((s) => s.key === 'penalty')!.values, [1, 0, 0]);
    assert.deepEqual(chart('casesOpened').series.find((s) => s.key === 'inspection')!.values, [0, 0, 1]);
    assert.deepEqual(chart('casesClosed').series.find((s) => s.key === 'penalty')!.values, [0, 1, 0]);
    assert.deepEqual(chart('footageHours').series[0].values, [0, 0, 1.5]);
    assert.deepEqual(chart('disclosures').series.find((s) => s.key === 'late')!.values, [1, 0, 0], 'due 01-29, never published');
    const unarchived = find(await w.t.call('dashboard.alerts', {}), 'cases.unarchived');
    assert.equal(unarchived?.count, 1, 'closed 45 days ago');
    const landing = await w.t.call('ledgers.query', { ledger: 'cases', filter: unarchived!.link.filter as { closedTo: string } });
    assert.deepEqual(landing.rows.map((r) => r.caseNo), [a.caseNo]);
    const todo = await w.t.call('dashboard.todo', {}, w.officer);
    assert.equal(todo.find((x) => x.id === 'officer.toArchive')?.count, 1);
    assert.deepEqual(todo.find((x) => x.id === 'officer.toArchive')?.link, { page: 'cases', filter: { handlerId: w.officerIds[0], stage: 'closing' } });
  } finally {
    w.t.close();
  }
});
