import { CASE_TYPES, CASE_TYPE_LABELS, type CaseType } from '../../../shared/domain.js';
import { todayLocal } from '../../../shared/logic/calendar.js';
import { MEASURES, REVIEW_OUTCOMES } from '../../../shared/review-domain.js';
import type { AnnualReport, AnnualTypeRow } from '../../../shared/supervision-types.js';
import type { AppContext } from '../../app.js';
import { localDayStartUtc } from '../../util/dates.js';
import { disclosureState, publicationIndex } from '../publication-index.js';
import { loadSupervisionSettings } from '../settings.js';
import { hasDecisions, hasMedia, hasReview, sources } from '../tables.js';
import { annualDeadline, annualMarks, daysBetween, loadAnnualManual } from './annual-state.js';

type Keyed = { t: string; n: number };
const round2 = (x: number) => Math.round(x * 100) / 100;

function emptyRow(caseType: CaseType | 'total'): AnnualTypeRow {
  return {
    caseType,
    label: caseType === 'total' ? '合计' : CASE_TYPE_LABELS[caseType],
    opened: 0,
    decided: 0,
    closed: 0,
    noPenalty: 0,
    fines: 0,
    confiscations: 0,
    hearings: 0,
    measures: Object.fromEntries(MEASURES.map((m) => [m, 0])),
  };
}

/**
 * The year's enforcement statistics (年度行政执法数据, 001: by 31 March for the previous year):
 * per enforcement type the cases opened, decided and closed, decisions by measure, fines and
 * confiscations, hearings; legal reviews and their outcomes; disclosures on time; the hand-entered
 * reconsideration and litigation figures; officers. Review and disclosure figures need those issues'
 * tables (`available: false` otherwise); without decisions, "decided" counts cases that reached 决定.
 */
export function computeAnnualReport(app: AppContext, year: number): AnnualReport {
  const { db } = app;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = new Map<string, AnnualTypeRow>(CASE_TYPES.map((t) => [t, emptyRow(t)]));
  const put = (list: Keyed[], f: (r: AnnualTypeRow, n: number) => void) => list.forEach((x) => rows.get(x.t) && f(rows.get(x.t)!, x.n));
  const byType = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Keyed[];

  put(byType(`SELECT case_type AS t, count(*) AS n FROM cases WHERE opened_on BETWEEN ? AND ? AND status = 'active' GROUP BY t`, from, to), (r, n) => (r.opened = n));
  put(byType(`SELECT case_type AS t, count(*) AS n FROM cases WHERE closed_on BETWEEN ? AND ? AND status = 'active' GROUP BY t`, from, to), (r, n) => (r.closed = n));
  if (hasDecisions(db)) {
    const d = db
      .prepare(
        `SELECT case_type AS t, count(*) AS n, sum(decision_type = 'noPenalty') AS np, sum(total_fine) AS f, sum(total_confiscation) AS c
         FROM decisions WHERE decided_on BETWEEN ? AND ? GROUP BY t`,
      )
      .all(from, to) as { t: string; n: number; np: number; f: number; c: number }[];
    for (const x of d) {
      const r = rows.get(x.t);
      if (r) Object.assign(r, { decided: x.n, noPenalty: x.np, fines: round2(x.f), confiscations: round2(x.c) });
    }
    const m = db
      .prepare(`SELECT d.case_type AS t, j.value AS m, count(*) AS n FROM decisions d, json_each(d.measures) j WHERE d.decided_on BETWEEN ? AND ? GROUP BY t, m`)
      .all(from, to) as { t: string; m: string; n: number }[];
    for (const x of m) {
      const r = rows.get(x.t);
      if (r && x.m in r.measures) r.measures[x.m] += x.n;
    }
  } else {
    put(
      byType(`SELECT c.case_type AS t, count(DISTINCT s.case_id) AS n FROM case_stages s JOIN cases c ON c.id = s.case_id WHERE s.stage = 'decision' AND s.entered_on BETWEEN ? AND ? GROUP BY t`, from, to),
      (r, n) => (r.decided = n),
    );
  }
  const hearingSources: string[] = [];
  const hearingParams: unknown[] = [];
  if (hasReview(db)) {
    hearingSources.push(`SELECT case_id FROM review_submissions WHERE submitted_on BETWEEN ? AND ?
      AND (json_extract(materials, '$.hearingRequested') = 1 OR json_array_length(json_extract(materials, '$.hearing')) > 0)`);
    hearingParams.push(from, to);
  }
  if (hasMedia(db)) {
    hearingSources.push(`SELECT case_id FROM case_av_matters WHERE matter = 'hearing' AND declared_at >= ? AND declared_at < ?`);
    hearingParams.push(localDayStartUtc(from), localDayStartUtc(to, 1));
  }
  if (hearingSources.length) {
    put(byType(`SELECT c.case_type AS t, count(*) AS n FROM cases c WHERE c.id IN (${hearingSources.join(' UNION ')}) GROUP BY t`, ...hearingParams), (r, n) => (r.hearings = n));
  }

  const total = emptyRow('total');
  for (const r of rows.values()) {
    for (const k of ['opened', 'decided', 'closed', 'noPenalty', 'hearings'] as const) total[k] += r[k];
    total.fines = round2(total.fines + r.fines);
    total.confiscations = round2(total.confiscations + r.confiscations);
    for (const m of MEASURES) total.measures[m] += r.measures[m];
  }

  const review = hasReview(db);
  const one = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;
  const reviews = {
    available: review,
    submitted: review ? one(`SELECT count(DISTINCT case_id) AS n FROM review_submissions WHERE submitted_on BETWEEN ? AND ?`, from, to) : 0,
    rounds: review ? one(`SELECT count(*) AS n FROM review_submissions WHERE submitted_on BETWEEN ? AND ?`, from, to) : 0,
    outcomes: Object.fromEntries(REVIEW_OUTCOMES.map((o) => [o, 0])) as Record<string, number>,
    late: review ? one(`SELECT count(*) AS n FROM review_outcomes WHERE recorded_on BETWEEN ? AND ? AND late = 1`, from, to) : 0,
    discussions: review ? one(`SELECT count(*) AS n FROM review_discussions WHERE held_on BETWEEN ? AND ?`, from, to) : 0,
  };
  if (review) {
    for (const x of db.prepare(`SELECT outcome AS t, count(*) AS n FROM review_outcomes WHERE recorded_on BETWEEN ? AND ? GROUP BY t`).all(from, to) as Keyed[]) {
      reviews.outcomes[x.t] = x.n;
    }
  }

  const now = app.now();
  const today = todayLocal(now);
  const ix = publicationIndex(app);
  const disclosures = { available: !!ix, due: 0, onTime: 0, late: 0, notYet: 0, takedowns: 0 };
  if (ix) {
    for (const d of db.prepare(`SELECT id, disclosure_due_on AS due FROM decisions WHERE decided_on BETWEEN ? AND ?`).all(from, to) as { id: number; due: string }[]) {
      const k = disclosureState(ix, d.id, d.due, today);
      if (k === 'exempt') continue;
      disclosures.due++;
      if (k === 'onTime') disclosures.onTime++;
      else if (k === 'late') disclosures.late++;
      else disclosures.notYet++;
    }
    disclosures.takedowns = one(`SELECT count(DISTINCT series_id) AS n FROM disclosure_items WHERE state = 'withdrawn' AND withdraw_event_on BETWEEN ? AND ?`, from, to);
  }

  const officers = {
    active: one(`SELECT count(*) AS n FROM officers WHERE status = 'active'`),
    validCertificates: one(`SELECT count(*) AS n FROM officers WHERE status = 'active' AND cert_valid_until >= ?`, to < today ? to : today),
  };
  const bureau = app.repos.bureau.get();
  const deadline = annualDeadline(year, loadSupervisionSettings(app).annualReportDeadline);
  const mark = annualMarks(app)[year];
  return {
    year,
    bureau: { name: bureau?.name ?? '', creditCode: bureau?.creditCode ?? '' },
    deadline,
    daysLeft: daysBetween(today, deadline),
    byType: [...rows.values(), total],
    reviews,
    disclosures,
    manual: loadAnnualManual(app, year),
    officers,
    sources: sources(db, !!ix),
    exported: mark ? { at: mark.at, by: mark.by } : null,
  };
}
