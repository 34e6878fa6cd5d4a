import { todayLocal } from '../../../shared/logic/calendar.js';
import { LEDGER_LABELS, type LedgerCell, type LedgerColumnInfo, type LedgerName, type LedgerPage } from '../../../shared/supervision-types.js';
import type { AppContext } from '../../app.js';
import type { Db } from '../../db/connection.js';
import { caseLedger } from './case-ledger.js';
import { disclosureLedger } from './disclosure-ledger.js';
import { deviceLedger, footageLedger, offloadLedger } from './media-ledgers.js';
import { reviewLedger } from './review-ledger.js';
import type { LedgerDef, LedgerFilter, LedgerQuery } from './types.js';

export const LEDGER_DEFS: Record<LedgerName, LedgerDef> = {
  cases: caseLedger,
  reviews: reviewLedger,
  disclosures: disclosureLedger,
  footage: footageLedger,
  offloads: offloadLedger,
  devices: deviceLedger,
};

export interface PreparedLedger {
  name: LedgerName;
  title: string;
  unavailable: string | null;
  columns: LedgerColumnInfo[];
  /** Rows as arrays in column order, streamed from SQLite (`.iterate()`); nothing when unavailable. */
  iterate(limit?: number, offset?: number): IterableIterator<LedgerCell[]>;
  count(): number;
}

const sqlOf = (q: LedgerQuery) =>
  `SELECT ${q.columns.map((c) => c.sql).join(',\n ')} FROM ${q.from}${q.where.length ? ` WHERE ${q.where.join(' AND ')}` : ''} ORDER BY ${q.order}`;

/**
 * A ledger with its filter applied, ready to page through or export. `db` is the connection that runs
 * the queries: a long export uses its own read-only connection, so it can yield to the event loop
 * without holding the app's connection busy (better-sqlite3 allows no other statement during an iteration).
 */
export function prepareLedger(app: AppContext, name: LedgerName, filter: LedgerFilter = {}, db: Db = app.db): PreparedLedger {
  const def = LEDGER_DEFS[name];
  const unavailable = def.unavailable(app);
  const now = app.now();
  const title = LEDGER_LABELS[name];
  if (unavailable) {
    return { name, title, unavailable, columns: [], iterate: function* () {}, count: () => 0 };
  }
  const q = def.build({ app, today: todayLocal(now), now }, filter);
  const columns = q.columns.map(({ key, header, width, type }) => ({ key, header, width, type }));
  const countSql = `SELECT count(*) AS n FROM ${q.from}${q.where.length ? ` WHERE ${q.where.join(' AND ')}` : ''}`;
  return {
    name,
    title,
    unavailable: null,
    columns,
    count: () => (db.prepare(countSql).get(...q.whereParams) as { n: number }).n,
    iterate(limit?: number, offset = 0) {
      const sql = limit != null ? `${sqlOf(q)} LIMIT ? OFFSET ?` : sqlOf(q);
      const params = [...q.columnParams, ...q.whereParams, ...(limit != null ? [limit, offset] : [])];
      return db.prepare(sql).raw(true).iterate(...params) as IterableIterator<LedgerCell[]>;
    },
  };
}

/** One page of a ledger for the UI (rows as objects keyed by column). */
export function ledgerPage(app: AppContext, name: LedgerName, filter: LedgerFilter, page: number, pageSize: number): LedgerPage {
  const l = prepareLedger(app, name, filter);
  const rows: Record<string, LedgerCell>[] = [];
  for (const r of l.iterate(pageSize, (page - 1) * pageSize)) rows.push(Object.fromEntries(l.columns.map((c, i) => [c.key, r[i]])));
  return { ledger: name, title: l.title, available: !l.unavailable, unavailableReason: l.unavailable, columns: l.columns, rows, total: l.count(), page, pageSize };
}
