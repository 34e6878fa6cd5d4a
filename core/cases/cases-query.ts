import type { Db } from '../db/connection.js';
import type { OpInput } from '../../shared/contract/index.js';
import type { CaseList, CaseSummary } from '../../shared/types.js';
import { SUMMARY_COLUMNS, type CaseSummaryRow } from './cases-repo.js';
import { caseNumberPrefix, highlight, parseQuery, type ParsedQuery } from './search-text.js';

export type CaseListQuery = OpInput<'cases.list'>;

/** Totals are counted exactly up to this many rows; beyond it the list says "more than". */
export const COUNT_CAP = 10_000;
/** Full-text hits are ranked by relevance up to this many; larger hit sets are listed newest first. */
export const RANK_LIMIT = 2_000;

type Statement = ReturnType<Db['prepare']>;
interface Built {
  count: Statement;
  rows: Statement;
  ranked: Statement | null;
  params: Record<string, unknown>;
  parsed: ParsedQuery | null;
}

/**
 * The case list with filters and full-text search. The SQL is assembled only from the fixed
 * fragments below (values always bound), and every combination is served by an index
 * (see tests/db/query-plans.test.ts). Statements are prepared once per filter combination.
 */
export function createCaseQueries(db: Db) {
  const cache = new Map<string, Omit<Built, 'params' | 'parsed'>>();

  function build(q: CaseListQuery, today: string): Built | null {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const key: string[] = [];
    const add = (flag: string, clause: string, values: Record<string, unknown> = {}) => {
      where.push(clause);
      key.push(flag);
      Object.assign(params, values);
    };
    const numberPrefix = q.q ? caseNumberPrefix(q.q) : null;
    const textSearch = !!q.q && !numberPrefix;
    // "Cases of officer X" lists are driven by the handler rows, which carry copies of the case's
    // filter columns (migration 005): filters are then read from the handler index, not from cases.
    const byHandler = !!q.handlerId && !textSearch;
    const t = byHandler ? 'hf' : 'c';
    const open = `${t}.stage NOT IN ('closing','archived') AND ${t}.status = 'active'`;
    if (q.caseType) add('t', `${t}.case_type = @caseType`, { caseType: q.caseType });
    if (q.stage) add('s', `${t}.stage = @stage`, { stage: q.stage });
    if (q.status) add('st', `${t}.status = @status`, { status: q.status });
    if (q.openedFrom) add('f', `${t}.opened_on >= @openedFrom`, { openedFrom: q.openedFrom });
    if (q.openedTo) add('to', `${t}.opened_on <= @openedTo`, { openedTo: q.openedTo });
    if (q.open) add('op', open);
    if (q.overdue) add('o', `${t}.due_on < @today AND ${open}`, { today });

    let from = 'cases c';
    let countFrom: string | null = null;
    let order = 'c.opened_on DESC, c.id DESC';
    let rankFrom: string | null = null;
    let parsed: ParsedQuery | null = null;
    if (numberPrefix) {
      // A case number (or its beginning): a range on the unique index.
      add('n', 'c.case_no >= @noLo AND c.case_no < @noHi', { noLo: numberPrefix, noHi: `${numberPrefix}\uffff` });
    } else if (q.q) {
      parsed = parseQuery(q.q);
      if (!parsed.trigram && !parsed.short) return null; // only punctuation: nothing can match
      // The full-text index drives the query: hits stream out newest registered first (rowid DESC),
      // or, for small hit sets, ranked by relevance (bm25).
      const fts = parsed.trigram ? 'case_search' : 'case_search_short';
      from = `${fts} m JOIN cases c ON c.id = m.rowid`;
      order = 'm.rowid DESC';
      rankFrom = parsed.trigram ? from : null;
      if (parsed.trigram) add('q3', 'm.case_search MATCH @trigram', { trigram: parsed.trigram });
      else add('q2', 'm.case_search_short MATCH @short', { short: parsed.short });
      // Short terms next to a long one narrow its hits over every field.
      if (parsed.trigram) {
        parsed.shortLike.forEach((like, i) =>
          add(
            `l${i}`,
            `(m.case_no LIKE @like${i} ESCAPE '\\' OR m.parties LIKE @like${i} ESCAPE '\\' OR m.place LIKE @like${i} ESCAPE '\\' OR m.facts LIKE @like${i} ESCAPE '\\' OR m.records LIKE @like${i} ESCAPE '\\')`,
            { [`like${i}`]: like },
          ),
        );
      }
      if (q.handlerId) add('h', 'EXISTS (SELECT 1 FROM case_handlers hf WHERE hf.case_id = c.id AND hf.officer_id = @handlerId)', { handlerId: q.handlerId });
    }
    if (byHandler) {
      // One officer's range of a covering handler index, already in list order; an overdue list
      // (a to-do list: longest overdue first) reads the officer's open cases in due order.
      const handlers = q.overdue ? 'case_handlers hf INDEXED BY case_handlers_officer_due' : 'case_handlers hf INDEXED BY case_handlers_officer';
      from = `${handlers} JOIN cases c ON c.id = hf.case_id`;
      countFrom = numberPrefix ? from : handlers;
      order = q.overdue ? 'hf.due_on, hf.case_id' : 'hf.opened_on DESC, hf.case_id DESC';
      add('h', 'hf.officer_id = @handlerId', { handlerId: q.handlerId });
    } else if (q.overdue && !textSearch) {
      // Read in order from a partial index of open cases with a due date, led by the type or the
      // stage when one is chosen (the planner's statistics would otherwise pick a stage index
      // and sort thousands of rows).
      const index = q.caseType ? 'cases_due_type' : q.stage ? 'cases_due_stage' : 'cases_due';
      from = `cases c INDEXED BY ${index}`;
      order = 'c.due_on, c.id';
    }

    const k = key.join(',');
    let st = cache.get(k);
    if (!st) {
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      st = {
        count: db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${countFrom ?? from} ${w} LIMIT ${COUNT_CAP + 1})`),
        rows: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM ${from} ${w} ORDER BY ${order} LIMIT @limit OFFSET @offset`),
        ranked: rankFrom
          ? db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM ${rankFrom} ${w} ORDER BY m.rank, c.id DESC LIMIT @limit OFFSET @offset`)
          : null,
      };
      cache.set(k, st);
    }
    return { ...st, params, parsed };
  }

  function list(q: CaseListQuery, today: string): CaseList {
    const built = build(q, today);
    if (!built) return { rows: [], total: 0, totalCapped: false, page: q.page, pageSize: q.pageSize };
    const { params, parsed } = built;
    const counted = (built.count.get(params) as { n: number }).n;
    const rowsStmt = built.ranked && counted <= RANK_LIMIT ? built.ranked : built.rows;
    const rows = rowsStmt.all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as CaseSummaryRow[];
    const out: CaseSummary[] = rows.map((r) => ({ ...r, overdue: isOverdue(r, today) }));
    if (parsed) addSnippets(out, parsed.terms);
    return { rows: out, total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP, page: q.page, pageSize: q.pageSize };
  }

  const searchText = db.prepare(`SELECT case_no, parties, place, facts, records FROM case_search WHERE rowid = ?`).raw(true);

  /** Adds a highlighted snippet from whichever indexed field contains a term. */
  function addSnippets(rows: CaseSummary[], terms: string[]): void {
    for (const r of rows) {
      const fields = (searchText.get(r.id) as string[] | undefined) ?? [];
      for (const f of fields) {
        const h = f ? highlight(f, terms) : '';
        if (h) {
          r.snippet = maskIdNumbers(h, terms);
          break;
        }
      }
    }
  }

  /** EXPLAIN QUERY PLAN of every statement of a query (for the index tests). */
  function plan(q: CaseListQuery, today: string): string[] {
    const built = build(q, today);
    if (!built) return [];
    const explain = (st: Statement, params: Record<string, unknown>) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${st.source}`).all(params) as { detail: string }[]).map((r) => r.detail);
    const page = { ...built.params, limit: 50, offset: 0 };
    return [
      ...explain(built.count, built.params),
      ...explain(built.rows, page),
      ...(built.ranked ? explain(built.ranked, page) : []),
    ];
  }

  return { list, plan };
}

/** Lists are seen over shoulders: ID numbers in snippets are masked unless they are what was searched. */
function maskIdNumbers(snippet: string, terms: string[]): string {
  return snippet.replace(/(?<!\d)(\d{6})(\d{8,9})([\dXx]{3,4})(?![\dXx])/g, (m, a: string, mid: string, z: string) =>
    terms.some((t) => t.length >= 6 && m.includes(t)) ? m : `${a}${'*'.repeat(mid.length)}${z}`,
  );
}

export function isOverdue(c: { dueOn: string | null; stage: string; status: string }, today: string): boolean {
  return !!c.dueOn && c.dueOn < today && c.stage !== 'closing' && c.stage !== 'archived' && c.status === 'active';
}
