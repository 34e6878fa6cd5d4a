import type { PublishLogEntry } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';

/** Every publish, newest first (who, when, target, release, files, bytes, outcome). */
export function publishLog(app: AppContext, q: { targetId?: number; page: number; pageSize: number }) {
  const where = q.targetId ? 'WHERE target_id = @targetId' : '';
  const args = { targetId: q.targetId ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const total = (app.db.prepare(`SELECT count(*) AS n FROM publish_runs ${where}`).get(args) as { n: number }).n;
  const rows = app.db
    .prepare(
      `SELECT id, target_id AS targetId, target_name AS targetName, username, started_at AS startedAt, finished_at AS finishedAt, state,
         release_id AS release, items, files, uploaded, deleted, bytes, error_code AS errorCode, error_message AS errorMessage
       FROM publish_runs ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(args) as (Omit<PublishLogEntry, 'items'> & { items: string })[];
  return {
    rows: rows.map((r) => ({ ...r, items: (JSON.parse(r.items) as unknown[]).length })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
