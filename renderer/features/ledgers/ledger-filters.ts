// Which filters each ledger offers, and the URL query ↔ `ledgers.query` filter conversion (the
// filter lives in the URL so a 工作台 alert can link to a filtered ledger).
import type { ApiInput } from '../../../shared/contract/index.js';
import { LEDGERS, type LedgerName } from '../../../shared/supervision-types.js';
import type { Query } from '../../app/router.js';

export type LedgerFilter = NonNullable<ApiInput<'ledgers.query'>['filter']>;
export type FilterKey = Exclude<keyof LedgerFilter, 'from' | 'to'>;

export interface LedgerView {
  /** What the date range filters on; null when the ledger has no date filter. */
  dateLabel: string | null;
  keys: FilterKey[];
}

export const LEDGER_VIEWS: Record<LedgerName, LedgerView> = {
  cases: { dateLabel: '立案日期', keys: ['caseType', 'stage', 'status', 'handlerId', 'overdue', 'avGap', 'closedTo'] },
  reviews: { dateLabel: '送审日期', keys: ['caseType', 'outcome', 'handlerId', 'overdue'] },
  disclosures: { dateLabel: '决定日期', keys: ['caseType', 'state', 'overdue', 'dueTo'] },
  footage: { dateLabel: '拍摄日期', keys: ['officerId', 'deviceSerial', 'annotated'] },
  offloads: { dateLabel: '导出日期', keys: ['deviceSerial'] },
  devices: { dateLabel: null, keys: ['officerId', 'deviceSerial', 'staleDays'] },
};

const NUMBER_KEYS = new Set<string>(['handlerId', 'officerId', 'staleDays']);
const BOOLEAN_KEYS = new Set<string>(['overdue', 'avGap', 'annotated']);

export const ledgerOf = (query: Query): LedgerName => (LEDGERS as readonly string[]).includes(query.ledger) ? (query.ledger as LedgerName) : 'cases';

/** The ledger's filter from the URL query (only the keys that ledger understands). */
export function filterFromQuery(ledger: LedgerName, query: Query): LedgerFilter {
  const view = LEDGER_VIEWS[ledger];
  const keys: string[] = [...(view.dateLabel ? ['from', 'to'] : []), ...view.keys];
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = query[k];
    if (v === undefined || v === '') continue;
    if (NUMBER_KEYS.has(k)) {
      if (Number.isFinite(Number(v))) out[k] = Number(v);
    } else if (BOOLEAN_KEYS.has(k)) out[k] = v === '1';
    else out[k] = v;
  }
  return out as LedgerFilter;
}

/** The URL query of a filter (true → '1', false → '0'). */
export function queryFromFilter(f: LedgerFilter): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    q[k] = v === true ? '1' : v === false ? '0' : String(v);
  }
  return q;
}
