import type { AppContext } from '../app.js';
import { hasDecisions, hasTables, localDateSql } from './tables.js';

/**
 * What supervision needs from the disclosure issue (issue 6, table `disclosure_items`), as SQL
 * fragments, so every figure works without it and lights up once its migration has run:
 * - `firstPublished`: for a decision row aliased `d`, the local date it was first published, or NULL;
 * - `unpublished`: decision `d` has no published item (for counting over all decisions);
 * - `needsDisclosure`: the decisions that must be published (a decision aliased `d`): result kinds
 *   only (行政确认 and 其他 are outside the scope) and never a case with a minor party;
 * - `takedowns`: a SELECT of (id, case_id, label, due_on, done_on): withdrawn items that were on
 *   the site, their take-down deadline (1 working day after the revocation) and when they came off.
 * Returns null without the decision and disclosure tables.
 */
export interface DisclosureSource {
  firstPublished: string;
  /** Decision `d` never published (a set built once per query: fast over every decision). */
  unpublished: string;
  /** The same, probed per decision (fast for a few decisions). */
  notPublished: string;
  needsDisclosure: string;
  takedowns: string;
}

export function disclosureSource(app: AppContext): DisclosureSource | null {
  if (!hasDecisions(app.db) || !hasTables(app.db, 'disclosure_items', 'disclosure_events')) return null;
  return {
    firstPublished: `(SELECT ${localDateSql('min(x.first_published_at)')} FROM disclosure_items x
      WHERE x.case_id = d.case_id AND x.first_published_at IS NOT NULL AND x.kind IN ('penalty','permit','coercion','levy','inspection'))`,
    unpublished: `d.case_id NOT IN (SELECT x.case_id FROM disclosure_items x
      WHERE x.first_published_at IS NOT NULL AND x.case_id IS NOT NULL AND x.kind IN ('penalty','permit','coercion','levy','inspection'))`,
    notPublished: `NOT EXISTS (SELECT 1 FROM disclosure_items x WHERE x.case_id = d.case_id AND x.first_published_at IS NOT NULL
      AND x.kind IN ('penalty','permit','coercion','levy','inspection'))`,
    needsDisclosure: `d.case_type NOT IN ('confirmation','other')
      AND NOT EXISTS (SELECT 1 FROM parties p WHERE p.case_id = d.case_id AND p.is_minor = 1)`,
    takedowns: `SELECT t.id, t.case_id, t.title AS label, t.withdraw_due_on AS due_on, ${localDateSql('t.taken_down_at')} AS done_on
      FROM disclosure_items t WHERE t.state = 'withdrawn' AND t.withdraw_due_on IS NOT NULL
        AND t.version = (SELECT max(y.version) FROM disclosure_items y WHERE y.series_id = t.series_id AND y.state = 'withdrawn')`,
  };
}
