// The demo bureau (`sanxiang demo`) as an evaluating bureau first sees it: last year's annual
// statistics (年度数据) are those of a year lived through the real services (decisions with fines
// and confiscations, hearings, legal reviews, 结案 and 归档, disclosures on time and a couple late),
// and this year still has cases at every stage and the alerts that come with them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, runDemo } from '../../core/demo/index.js';
import { authenticate } from '../../core/accounts/login.js';
import { dispatch } from '../../core/dispatch.js';
import { todayLocal } from '../../shared/logic/calendar.js';
import type { AlertsResult, AnnualReport } from '../../shared/supervision-types.js';
import { makeTestApp } from '../helpers/app.js';

test('demo: last year reads as a full year in the annual statistics; this year keeps cases at every stage', { timeout: 300_000 }, async () => {
  const t = await makeTestApp();
  try {
    const counts = await runDemo(t.app);
    const head = authenticate(t.app, 'fuzeren', DEMO_PASSWORD).user;
    const report = async (year: number) => {
      const r = await dispatch(t.app, 'report.annual', { year }, { user: head });
      assert.ok(r.ok, 'the head reads the annual report');
      return r.value as AnnualReport;
    };
    const today = todayLocal(t.app.now());
    const lastYear = Number(today.slice(0, 4)) - 1;
    const r = await report(lastYear);
    const row = (type: string) => r.byType.find((x) => x.caseType === type)!;
    const total = row('total');
    const penalty = row('penalty');

    assert.ok(counts.livedCases.cases > 0 && counts.livedCases.archived > 0, 'last year was played through');
    assert.ok(penalty.opened > 0 && penalty.decided > penalty.opened / 2, `most penalty cases decided (${penalty.decided}/${penalty.opened})`);
    assert.ok(total.closed > total.opened / 2, `most cases closed (${total.closed}/${total.opened})`);
    assert.ok(total.fines > 0 && total.confiscations > 0, 'fines and confiscations');
    assert.ok(total.noPenalty > 0, '不予处罚');
    assert.ok(total.hearings > 0, 'hearings');
    for (const type of ['permit', 'coercion', 'inspection']) assert.ok(row(type).decided > 0 && row(type).closed > 0, `${type} decided and closed`);
    assert.ok(total.measures.fine > 0 && total.measures.seizure > 0, 'fines and seizures among the measures');
    assert.ok(r.reviews.submitted > 0 && r.reviews.outcomes.agree > 0, 'legal reviews of the major decisions');
    assert.ok(r.disclosures.due > 0, 'decisions to publish');
    assert.ok(r.disclosures.onTime > r.disclosures.due / 2, 'mostly published on time');
    assert.ok(r.disclosures.late >= 1, 'a couple published late');
    assert.equal(r.disclosures.notYet, 0, 'nothing of last year is still waiting');
    assert.equal(r.disclosures.takedowns, 1, 'the decision revoked on reconsideration was taken down');
    assert.equal(r.manual.reconsideration.revoked, 1, 'the reconsideration figures are filled in');

    // Every figure comes from the services: each decision of last year has its decision number, and
    // last year's closed cases were archived with their packages.
    const one = (sql: string, ...p: unknown[]) => t.app.db.prepare(sql).pluck().get(...p) as number;
    assert.equal(one(`SELECT count(*) FROM decisions WHERE decided_on LIKE ? AND decision_no = ''`, `${lastYear}-%`), 0);
    assert.equal(one(`SELECT count(*) FROM cases WHERE stage = 'closing' AND closed_on < ?`, `${lastYear + 1}-01-01`), 0, 'no case closed last year waits for 归档');

    // Every case past 决定 got there by a recorded decision; a case closed without one was dropped or transferred.
    assert.equal(
      one(`SELECT count(*) FROM cases c WHERE status = 'active' AND stage IN ('decision','service','execution') AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id)`),
      0,
      'no case past 决定 without its decision',
    );
    const closedWithout = t.app.db
      .prepare(
        `SELECT DISTINCT s.note FROM cases c JOIN case_stages s ON s.case_id = c.id AND s.stage = 'closing'
         WHERE c.stage IN ('closing','archived') AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id)`,
      )
      .pluck()
      .all() as string[];
    for (const note of closedWithout) assert.match(note, /撤销立案|移送/, `closed without a decision: ${note}`);
    const thisYear = (await report(lastYear + 1)).byType.find((x) => x.caseType === 'penalty')!;
    assert.ok(thisYear.decided >= thisYear.closed * 0.9, `this year's penalty cases: decided ${thisYear.decided}, closed ${thisYear.closed}`);

    // This year: cases at every stage short of 归档, overdue items and alerts, as before.
    const stages = new Set(
      (t.app.db.prepare(`SELECT DISTINCT stage FROM cases WHERE status = 'active' AND opened_on >= ?`).pluck().all(`${lastYear + 1}-01-01`) as string[]),
    );
    for (const s of ['filing', 'investigation', 'review', 'decision', 'service', 'execution', 'closing']) assert.ok(stages.has(s), `a case of this year at ${s}`);
    const alerts = await dispatch(t.app, 'dashboard.alerts', {}, { user: head });
    assert.ok(alerts.ok);
    const titles = (alerts.value as AlertsResult).alerts.map((a) => a.title);
    for (const title of ['执法决定超过公示期限未公示', '法制审核超过时限', '案件超过办案期限']) assert.ok(titles.includes(title), title);
  } finally {
    t.close();
  }
});
