import { CASE_TYPES, CASE_TYPE_LABELS } from '../../shared/domain.js';
import { todayLocal } from '../../shared/logic/calendar.js';
import { REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS } from '../../shared/review-domain.js';
import type { TrendChart, Trends, TrendSeries } from '../../shared/supervision-types.js';
import type { AppContext } from '../app.js';
import { localDayStartUtc } from '../util/dates.js';
import { memoized } from './memo.js';
import { disclosureState, publicationIndex } from './publication-index.js';
import { hasMedia, hasReview, localDateSql } from './tables.js';

/** `n` months ending with `to` (YYYY-MM), oldest first. */
export function monthRange(to: string, n: number): string[] {
  let y = Number(to.slice(0, 4));
  let m = Number(to.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    if (--m === 0) (m = 12), y--;
  }
  return out;
}

export function nextMonth(ym: string): string {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

type Row = { m: string; k: string; n: number };

/** Turns (month, key, n) rows into one series per key, in the order of `keys`. */
function series(months: string[], rows: Row[], keys: readonly string[], labels: Record<string, string>): TrendSeries[] {
  const idx = new Map(months.map((m, i) => [m, i]));
  const by = new Map(keys.map((k) => [k, months.map(() => 0)]));
  for (const r of rows) {
    const i = idx.get(r.m);
    const s = by.get(r.k);
    if (i != null && s) s[i] += r.n;
  }
  return keys.map((k) => ({ key: k, label: labels[k] ?? k, values: by.get(k)! }));
}

/** Monthly trend charts for the 工作台: cases opened/closed by type, reviews, disclosures, footage hours. */
export function computeTrends(app: AppContext, opts: { months?: number; to?: string } = {}): Trends {
  const n = opts.months ?? 12;
  const today = todayLocal(app.now());
  const to = opts.to ?? today.slice(0, 7);
  return memoized(app, 'trends', `${n}|${to}|${today}`, () => trends(app, n, to, today));
}

function trends(app: AppContext, n: number, to: string, today: string): Trends {
  const months = monthRange(to, n);
  const from = `${months[0]}-01`;
  const end = `${nextMonth(to)}-01`;
  const { db } = app;
  const charts: TrendChart[] = [];
  const closedRows = db
    .prepare(`SELECT substr(closed_on, 1, 7) AS m, case_type AS k, count(*) AS n FROM cases WHERE closed_on >= ? AND closed_on < ? AND status = 'active' GROUP BY m, k`)
    .all(from, end) as Row[];
  // Opened: per type and day along the (type, opened) index, which needs no sort; months added up here.
  const openedByDay = db
    .prepare(
      `SELECT case_type AS k, opened_on AS d, count(*) AS n FROM cases INDEXED BY cases_type_opened
       WHERE case_type IN (${CASE_TYPES.map(() => '?').join(',')}) AND opened_on >= ? AND opened_on < ? AND status = 'active'
       GROUP BY case_type, opened_on`,
    )
    .all(...CASE_TYPES, from, end) as { k: string; d: string; n: number }[];
  const opened = new Map<string, Row>();
  for (const r of openedByDay) {
    const key = `${r.d.slice(0, 7)}|${r.k}`;
    const row = opened.get(key) ?? { m: r.d.slice(0, 7), k: r.k, n: 0 };
    row.n += r.n;
    opened.set(key, row);
  }
  charts.push({ key: 'casesOpened', title: '立案数（按执法类别）', unit: '件', available: true, series: series(months, [...opened.values()], CASE_TYPES, CASE_TYPE_LABELS) });
  charts.push({ key: 'casesClosed', title: '结案数（按执法类别）', unit: '件', available: true, series: series(months, closedRows, CASE_TYPES, CASE_TYPE_LABELS) });

  const review = hasReview(db);
  const reviewRows = review
    ? ([
        ...(db.prepare(`SELECT substr(submitted_on, 1, 7) AS m, 'submitted' AS k, count(*) AS n FROM review_submissions WHERE submitted_on >= ? AND submitted_on < ? GROUP BY m`).all(from, end) as Row[]),
        ...(db.prepare(`SELECT substr(recorded_on, 1, 7) AS m, outcome AS k, count(*) AS n FROM review_outcomes WHERE recorded_on >= ? AND recorded_on < ? GROUP BY m, k`).all(from, end) as Row[]),
      ] as Row[])
    : [];
  charts.push({
    key: 'reviews',
    title: '法制审核（送审与审核结论）',
    unit: '件',
    available: review,
    series: series(months, reviewRows, ['submitted', ...REVIEW_OUTCOMES], { submitted: '送审', ...REVIEW_OUTCOME_LABELS }),
  });

  const ix = publicationIndex(app);
  const disclosureRows: Row[] = [];
  if (ix) {
    for (const d of db.prepare(`SELECT id, disclosure_due_on AS due FROM decisions WHERE disclosure_due_on >= ? AND disclosure_due_on < ?`).all(from, end) as { id: number; due: string }[]) {
      const k = disclosureState(ix, d.id, d.due, today);
      if (k !== 'exempt') disclosureRows.push({ m: d.due.slice(0, 7), k, n: 1 });
    }
  }
  charts.push({
    key: 'disclosures',
    title: '执法决定公示（按公示期限所在月）',
    unit: '件',
    available: !!ix,
    series: series(months, disclosureRows, ['onTime', 'late', 'pending'], { onTime: '按时公示', late: '超期', pending: '期限未到' }),
  });

  const media = hasMedia(db);
  const footageRows = media
    ? (db
        .prepare(
          `SELECT substr(${localDateSql('ingested_at')}, 1, 7) AS m, 'hours' AS k, sum(coalesce(duration_ms, 0)) / 3600000.0 AS n
           FROM media_items WHERE ingested_at >= ? AND ingested_at < ? GROUP BY m`,
        )
        .all(localDayStartUtc(from), localDayStartUtc(end)) as Row[])
    : [];
  const hours = series(months, footageRows, ['hours'], { hours: '导入时长' });
  // Hundredths of an hour, and never a month of short clips shown as none at all.
  hours[0].values = hours[0].values.map((v) => (v > 0 ? Math.max(0.01, Math.round(v * 100) / 100) : 0));
  charts.push({ key: 'footageHours', title: '音像记录导入时长', unit: '小时', available: media, series: hours });
  return { months, charts };
}
