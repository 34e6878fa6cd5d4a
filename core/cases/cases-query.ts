import type { Db } from '../db/connection.js';
import type { OpInput } from '../../shared/contract/index.js';
import type { CaseList, CaseSummary } from '../../shared/types.js';
import { SUMMARY_COLUMNS, type CaseSummaryRow } from './cases-repo.js';
import { highlight, parseQuery } from './search-text.js';

export type CaseListQuery = OpInput<'cases.list'>;

/**
 * The case list with filters and full-text search. The SQL is assembled only from the fixed
 * fragments below (values always bound), and every combination is served by an index
 * (see tests/db/query-plans.test.ts).
 */
export function createCaseQueries(db: Db) {
  const cache = new Map<string, { rows: ReturnType<Db['prepare']>; count: ReturnType<Db['prepare']> }>();

  function statements(key: string, from: string, where: string[], order: string) {
    let st = cache.get(key);
    if (!st) {
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      st = {
        rows: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM ${from} ${w} ORDER BY ${order} LIMIT @limit OFFSET @offset`),
        count: db.prepare(`SELECT count(*) AS n FROM ${from} ${w}`),
      };
      cache.set(key, st);
    }
    return st;
  }

  function build(q: CaseListQuery, today: string) {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const keyParts: string[] = [];
    const add = (flag: string, clause: string, values: Record<string, unknown> = {}) => {
      where.push(clause);
      keyParts.push(flag);
      Object.assign(params, values);
    };
    if (q.caseType) add('t', 'c.case_type = @caseType', { caseType: q.caseType });
    if (q.stage) add('s', 'c.stage = @stage', { stage: q.stage });
    if (q.status) add('st', 'c.status = @status', { status: q.status });
    if (q.openedFrom) add('f', 'c.opened_on >= @openedFrom', { openedFrom: q.openedFrom });
    if (q.openedTo) add('to', 'c.opened_on <= @openedTo', { openedTo: q.openedTo });
    if (q.overdue)
      add('o', `c.due_on < @today AND c.stage NOT IN ('closing','archived') AND c.status = 'active'`, { today });

    let from = 'cases c';
    let order = 'c.opened_on DESC, c.id DESC';
    if (q.handlerId) {
      // Driven by the handler's own index range, already in date order.
      from = 'case_handlers hf JOIN cases c ON c.id = hf.case_id';
      order = 'hf.opened_on DESC, hf.case_id DESC';
      add('h', 'hf.officer_id = @handlerId', { handlerId: q.handlerId });
    }
    const parsed = q.q ? parseQuery(q.q) : null;
    if (parsed && (parsed.trigram || parsed.short)) {
      if (parsed.trigram) {
        // Ranked by bm25 (FTS5 `rank`), best first.
        from = `${from} JOIN (SELECT rowid AS rid, rank FROM case_search WHERE case_search MATCH @trigram) m ON m.rid = c.id`;
        order = 'm.rank, c.id DESC';
        keyParts.push('q3');
        params.trigram = parsed.trigram;
      }
      if (parsed.trigram) {
        // With a long term present, short terms narrow its hits over every field.
        parsed.shortLike.forEach((like, i) =>
          add(
            `l${i}`,
            `EXISTS (SELECT 1 FROM case_search s2 WHERE s2.rowid = c.id AND (s2.case_no LIKE @like${i} ESCAPE '\\' OR s2.parties LIKE @like${i} ESCAPE '\\' OR s2.place LIKE @like${i} ESCAPE '\\' OR s2.facts LIKE @like${i} ESCAPE '\\' OR s2.records LIKE @like${i} ESCAPE '\\'))`,
            { [`like${i}`]: like },
          ),
        );
      } else if (parsed.short) {
        // Only short terms: the bigram index over number, parties, place, title and facts.
        add('q2', 'c.id IN (SELECT rowid FROM case_search_short WHERE case_search_short MATCH @short)', { short: parsed.short });
      }
    } else if (q.q) {
      return null; // only punctuation: nothing can match
    }
    return { st: statements(keyParts.join(','), from, where, order), params, parsed };
  }

  function list(q: CaseListQuery, today: string): CaseList {
    const built = build(q, today);
    if (!built) return { rows: [], total: 0, page: q.page, pageSize: q.pageSize };
    const { st, params, parsed } = built;
    const total = (st.count.get(params) as { n: number }).n;
    const rows = st.rows.all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as CaseSummaryRow[];
    const out: CaseSummary[] = rows.map((r) => ({ ...r, overdue: isOverdue(r, today) }));
    if (parsed) addSnippets(out, parsed.terms);
    return { rows: out, total, page: q.page, pageSize: q.pageSize };
  }

  const searchText = db.prepare(`SELECT case_no, parties, place, facts, records FROM case_search WHERE rowid = ?`).raw(true);

  /** Adds a highlighted snippet from whichever indexed field contains a term. */
  function addSnippets(rows: CaseSummary[], terms: string[]): void {
    for (const r of rows) {
      const fields = (searchText.get(r.id) as string[] | undefined) ?? [];
      for (const f of fields) {
        const h = f ? highlight(f, terms) : '';
        if (h) {
          r.snippet = h;
          break;
        }
      }
    }
  }

  /** EXPLAIN QUERY PLAN of the count and page statements (for the index tests). */
  function plan(q: CaseListQuery, today: string): string[] {
    const built = build(q, today);
    if (!built) return [];
    const explain = (sql: string, params: Record<string, unknown>) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
    return [
      ...explain(built.st.count.source, built.params),
      ...explain(built.st.rows.source, { ...built.params, limit: 50, offset: 0 }),
    ];
  }

  return { list, plan };
}

export function isOverdue(c: { dueOn: string | null; stage: string; status: string }, today: string): boolean {
  return !!c.dueOn && c.dueOn < today && c.stage !== 'closing' && c.stage !== 'archived' && c.status === 'active';
}
