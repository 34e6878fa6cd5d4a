import type { AppContext } from '../app.js';
import type { Db } from '../db/connection.js';
import { disclosureSource } from './disclosure-source.js';
import { localDateSql } from './tables.js';

/**
 * Which decisions were published (and on what date) and which still must be: the basis of the
 * disclosure alerts, trend and annual figures. Built in one pass over the tables the first time, then
 * kept up to date incrementally: decisions never change and a published decision stays published, so
 * when a decision was added or a disclosure event (publish, withdraw…) was logged since the last call,
 * only the decisions added since and those still pending are looked at; otherwise nothing is read.
 */
export interface PublicationIndex {
  /** Decision id → local date of its first publication. */
  published: Map<number, string>;
  /** Decisions that must be published and are not yet. */
  pending: Set<number>;
}

interface State extends PublicationIndex {
  /** max(decisions.id) and max(disclosure_events.id): any publication or new decision moves one of them. */
  head: string;
  maxId: number;
}

const cache = new WeakMap<Db, State>();

export function publicationIndex(app: AppContext): PublicationIndex | null {
  const src = disclosureSource(app);
  if (!src) return null;
  const { db } = app;
  const maxId = db.prepare(`SELECT coalesce(max(id), 0) FROM decisions`).pluck().get() as number;
  const head = `${maxId}|${db.prepare(`SELECT coalesce(max(id), 0) FROM disclosure_events`).pluck().get()}`;
  const cached = cache.get(db);
  if (cached?.head === head) return cached;
  let state: State;
  if (!cached || maxId < cached.maxId) {
    const firstByCase = new Map(
      (db
        .prepare(
          `SELECT case_id AS c, ${localDateSql('min(first_published_at)')} AS p FROM disclosure_items
           WHERE first_published_at IS NOT NULL AND case_id IS NOT NULL AND kind IN ('penalty','permit','coercion','levy','inspection') GROUP BY case_id`,
        )
        .all() as { c: number; p: string }[]).map((r) => [r.c, r.p]),
    );
    state = { head, maxId, published: new Map(), pending: new Set() };
    const unpublished: number[] = [];
    for (const d of db.prepare(`SELECT id, case_id AS c FROM decisions`).all() as { id: number; c: number }[]) {
      const p = firstByCase.get(d.c);
      if (p) state.published.set(d.id, p);
      else unpublished.push(d.id);
    }
    // Whether it must be published at all (result kinds, no minor) is asked only of the unpublished ones.
    const needs = db.prepare(`SELECT d.id FROM decisions d WHERE d.id IN (SELECT value FROM json_each(?)) AND ${src.needsDisclosure}`).pluck();
    for (const id of needs.all(JSON.stringify(unpublished)) as number[]) state.pending.add(id);
  } else {
    state = { head, maxId, published: cached.published, pending: new Set(cached.pending) };
    const look = (where: string, param: unknown) =>
      db.prepare(`SELECT d.id, ${src.firstPublished} AS p, (${src.needsDisclosure}) AS needs FROM decisions d WHERE ${where}`).all(param) as { id: number; p: string | null; needs: number }[];
    const rows = [...look(`d.id IN (SELECT value FROM json_each(?))`, JSON.stringify([...cached.pending])), ...look('d.id > ?', cached.maxId)];
    for (const r of rows) {
      state.pending.delete(r.id);
      if (r.p) state.published.set(r.id, r.p);
      else if (r.needs) state.pending.add(r.id);
    }
  }
  cache.set(db, state);
  return state;
}

/** Classifies a decision by its disclosure: on time, late (published late or overdue), pending, or exempt (never published). */
export function disclosureState(ix: PublicationIndex, id: number, dueOn: string, today: string): 'onTime' | 'late' | 'pending' | 'exempt' {
  const p = ix.published.get(id);
  if (p) return p <= dueOn ? 'onTime' : 'late';
  if (!ix.pending.has(id)) return 'exempt';
  return dueOn < today ? 'late' : 'pending';
}
