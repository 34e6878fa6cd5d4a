import type { AppContext } from '../app.js';
import { getAvMatters } from '../media/av-matters.js';
import { STAGES, STAGE_LABELS, type Stage } from '../../shared/domain.js';
import { hasMedia } from './tables.js';

/**
 * Cases missing footage for a required matter (音像记录事项清单), in bulk: the same rule as the media
 * issue's per-case `caseGaps` (a matter declared by the handler or implied by the case type, with no
 * linked footage annotated with it and no signed 无法记录说明), counted only once the case has passed
 * the matter's stage (a seizure is recorded at 执行, so a coercion case in 调查取证 is not yet a gap).
 * Archived and voided cases are left out: nothing can be added to them any more.
 */
export interface GapQuery {
  /** SELECT case_id, matter, opened_on … (one row per missing matter of a case). */
  sql: string;
  params: unknown[];
  labels: Map<string, string>;
}

const STAGE_BY_LABEL = new Map(Object.entries(STAGE_LABELS).map(([k, v]) => [v, k as Stage]));

function stagesAfter(label: string): Stage[] {
  const stage = STAGE_BY_LABEL.get(label) ?? 'execution';
  return STAGES.slice(STAGES.indexOf(stage) + 1).filter((s) => s !== 'archived');
}

const ph = (n: number) => Array(n).fill('?').join(',');

/** No footage of the matter `m` (an SQL expression) linked to case `c`, and no signed statement. */
const lacking = (m: string) => `NOT EXISTS (SELECT 1 FROM media_case_links l JOIN media_items mi ON mi.id = l.media_id
      WHERE l.case_id = c.id AND mi.matter = ${m} AND mi.purged_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM av_no_recording s WHERE s.case_id = c.id AND s.matter = ${m})`;

export function footageGapQuery(app: AppContext): GapQuery | null {
  if (!hasMedia(app.db)) return null;
  const labels = new Map<string, string>();
  const pairs: [string, Stage][] = [];
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const m of getAvMatters(app)) {
    const stages = stagesAfter(m.stage);
    if (!stages.length) continue;
    labels.set(m.key, m.label);
    for (const s of stages) pairs.push([m.key, s]);
    const implied = m.impliedByCaseTypes ?? [];
    if (implied.length) {
      parts.push(
        `SELECT c.id AS case_id, ? AS matter, c.opened_on FROM cases c
         WHERE c.case_type IN (${ph(implied.length)}) AND c.stage IN (${ph(stages.length)}) AND c.status = 'active' AND ${lacking('?')}`,
      );
      params.push(m.key, ...implied, ...stages, m.key, m.key);
    }
  }
  if (!pairs.length) return null;
  // Declared matters: one pass over case_av_matters (small), each row checked against the (matter, stage) pairs.
  const declared = `SELECT c.id AS case_id, a.matter, c.opened_on FROM case_av_matters a CROSS JOIN cases c
    WHERE c.id = a.case_id AND c.status = 'active'
      AND EXISTS (SELECT 1 FROM (${pairs.map(() => 'SELECT ? AS matter, ? AS stage').join(' UNION ALL ')}) r WHERE r.matter = a.matter AND r.stage = c.stage)
      AND ${lacking('a.matter')}`;
  return { sql: [declared, ...parts].join('\nUNION\n'), params: [...pairs.flat(), ...params], labels };
}

/** `c.id IN (…)` for a case list filter, or null without media tables. */
export function footageGapFilter(app: AppContext): { sql: string; params: unknown[] } | null {
  const q = footageGapQuery(app);
  return q ? { sql: `c.id IN (SELECT case_id FROM (${q.sql}))`, params: q.params } : null;
}

/** The cases with gaps: how many, and the 20 most recent with their missing matters. */
export function footageGaps(app: AppContext, extra?: { sql: string; params: unknown[] }): { count: number; top: { caseId: number; matters: string[] }[]; labels: Map<string, string> } | null {
  const q = footageGapQuery(app);
  if (!q) return null;
  const rows = app.db.prepare(q.sql).all(...q.params) as { case_id: number; matter: string; opened_on: string }[];
  const byCase = new Map<number, { openedOn: string; matters: string[] }>();
  for (const r of rows) {
    const e = byCase.get(r.case_id) ?? { openedOn: r.opened_on, matters: [] };
    e.matters.push(r.matter);
    byCase.set(r.case_id, e);
  }
  let ids = [...byCase.keys()];
  if (extra) {
    const keep = new Set(app.db.prepare(extra.sql).pluck().all(...extra.params) as number[]);
    ids = ids.filter((id) => keep.has(id));
  }
  ids.sort((a, b) => (byCase.get(b)!.openedOn.localeCompare(byCase.get(a)!.openedOn) || b - a));
  return { count: ids.length, top: ids.slice(0, 20).map((caseId) => ({ caseId, matters: byCase.get(caseId)!.matters })), labels: q.labels };
}
