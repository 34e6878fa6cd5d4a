import type { Db } from '../db/connection.js';
import type { SupervisionSources } from '../../shared/supervision-types.js';

/**
 * Run-time detection of the tables other issues add (media 002, review 003, disclosure 004), so the
 * supervision functions work with the foundation alone and light up as those land. The schema only
 * changes when a data folder is opened (migrations), so the answer is cached per connection.
 */
const cache = new WeakMap<Db, Set<string>>();

export function tableNames(db: Db): Set<string> {
  let s = cache.get(db);
  if (!s) {
    s = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table','view')`).all() as { name: string }[]).map((r) => r.name));
    cache.set(db, s);
  }
  return s;
}

export const hasTables = (db: Db, ...names: string[]): boolean => {
  const s = tableNames(db);
  return names.every((n) => s.has(n));
};

/** Columns of a table (empty when the table does not exist). */
export function columnsOf(db: Db, table: string): Set<string> {
  if (!hasTables(db, table)) return new Set();
  return new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name));
}

export const MEDIA_TABLES = ['media_items', 'media_case_links', 'case_av_matters', 'av_no_recording', 'ingest_runs'] as const;
export const REVIEW_TABLES = ['review_submissions', 'review_items', 'review_outcomes', 'review_discussions', 'decisions'] as const;

export const hasMedia = (db: Db) => hasTables(db, ...MEDIA_TABLES);
export const hasReview = (db: Db) => hasTables(db, ...REVIEW_TABLES);
export const hasDecisions = (db: Db) => hasTables(db, 'decisions');

export function sources(db: Db, disclosure: boolean): SupervisionSources {
  return { media: hasMedia(db), review: hasReview(db), disclosure };
}

/**
 * The local calendar date of a stored UTC ISO time, in SQL. SQLite's 'localtime' modifier calls the C
 * library per row (slow over many rows); the bureau's zone has no daylight saving (China), so a fixed
 * offset taken from the process's time zone is exact and fast.
 */
export function localDateSql(col: string, at: Date = new Date()): string {
  return `date(${col}, '${offsetModifier(at)}')`;
}

/** "YYYY-MM-DD HH:MM" local time of a stored UTC ISO time (see localDateSql). */
export const localTimeSql = (col: string, at: Date = new Date()) => `strftime('%Y-%m-%d %H:%M', ${col}, '${offsetModifier(at)}')`;

function offsetModifier(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  return `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
}
