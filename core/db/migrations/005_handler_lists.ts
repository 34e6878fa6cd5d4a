import type { Migration } from '../migrate.js';

/**
 * "Cases of officer X" lists (issue 3 benchmark: list p95 < 10 ms on 100,000 cases).
 *
 * An officer handles thousands of cases; filtering them by type, stage, status or "overdue"
 * through a join to `cases` meant one random read per handled case. The handler rows now carry
 * the case's filter columns, so every such list is one range of a covering index:
 * - `case_type`, `due_on` never change after the case is opened; they are copied on insert;
 * - `stage`, `status` change; a trigger on `cases` keeps the copies equal.
 * The copies are filled by triggers (not by the repositories), so no insert path can forget them.
 *
 * Overdue lists without a handler get indexes led by type and by stage, so a filtered overdue
 * count reads only its own slice of the partial index.
 *
 * 工作台 figures by closing date (closed this month, monthly trends, closed but not archived) read
 * partial indexes of closed cases instead of scanning the register; footage hours by month read an
 * index by import time.
 *
 * The planner's statistics are refreshed for the tables whose indexes changed: with statistics
 * for the old indexes only, it would keep scanning where a new index serves.
 */
export const m005_handler_lists: Migration = {
  name: '005_handler_lists',
  up: /* sql */ `
ALTER TABLE case_handlers ADD COLUMN case_type TEXT NOT NULL DEFAULT '';
ALTER TABLE case_handlers ADD COLUMN stage TEXT NOT NULL DEFAULT '';
ALTER TABLE case_handlers ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE case_handlers ADD COLUMN due_on TEXT;

UPDATE case_handlers SET
  case_type = (SELECT c.case_type FROM cases c WHERE c.id = case_handlers.case_id),
  stage = (SELECT c.stage FROM cases c WHERE c.id = case_handlers.case_id),
  status = (SELECT c.status FROM cases c WHERE c.id = case_handlers.case_id),
  due_on = (SELECT c.due_on FROM cases c WHERE c.id = case_handlers.case_id);

CREATE TRIGGER case_handlers_copy_case AFTER INSERT ON case_handlers
BEGIN
  UPDATE case_handlers SET
    case_type = (SELECT c.case_type FROM cases c WHERE c.id = NEW.case_id),
    stage = (SELECT c.stage FROM cases c WHERE c.id = NEW.case_id),
    status = (SELECT c.status FROM cases c WHERE c.id = NEW.case_id),
    due_on = (SELECT c.due_on FROM cases c WHERE c.id = NEW.case_id)
  WHERE case_id = NEW.case_id AND officer_id = NEW.officer_id;
END;

CREATE TRIGGER case_handlers_follow_case AFTER UPDATE OF stage, status ON cases
WHEN NEW.stage IS NOT OLD.stage OR NEW.status IS NOT OLD.status
BEGIN
  UPDATE case_handlers SET stage = NEW.stage, status = NEW.status WHERE case_id = NEW.id;
END;

DROP INDEX case_handlers_officer;
CREATE INDEX case_handlers_officer ON case_handlers(officer_id, opened_on DESC, case_id DESC, case_type, stage, status);
CREATE INDEX case_handlers_officer_due ON case_handlers(officer_id, due_on, case_id, case_type, stage, opened_on)
  WHERE due_on IS NOT NULL AND stage NOT IN ('closing','archived') AND status = 'active';

CREATE INDEX cases_due_type ON cases(case_type, due_on, stage, opened_on) WHERE due_on IS NOT NULL AND stage NOT IN ('closing','archived') AND status = 'active';
CREATE INDEX cases_due_stage ON cases(stage, due_on, case_type, opened_on) WHERE due_on IS NOT NULL AND stage NOT IN ('closing','archived') AND status = 'active';

CREATE INDEX cases_closed ON cases(closed_on, case_type, status) WHERE closed_on IS NOT NULL;
CREATE INDEX cases_closing ON cases(closed_on) WHERE stage = 'closing' AND status = 'active';
CREATE INDEX media_ingested ON media_items(ingested_at, duration_ms);

ANALYZE cases;
ANALYZE case_handlers;
ANALYZE media_items;
`,
};
