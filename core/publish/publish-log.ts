import type { PublishLogEntry } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';

/** Every publish, newest first (who — by name —, when, target, release, files, bytes, outcome). */
export function publishLog(app: AppContext, q: { targetId?: number; page: number; pageSize: number }) {
  const where = q.targetId ? 'WHERE r.target_id = @targetId' : '';
  const args = { targetId: q.targetId ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const total = (app.db.prepare(`SELECT count(*) AS n FROM publish_runs r ${where}`).get(args) as { n: number }).n;
  const rows = app.db
    .prepare(
      `SELECT r.id, r.target_id AS targetId, r.target_name AS targetName, r.username, coalesce(u.display_name, r.username) AS operator,
         r.started_at AS startedAt, r.finished_at AS finishedAt, r.state, r.release_id AS release, r.items, r.files, r.uploaded, r.deleted, r.bytes,
         r.error_code AS errorCode, r.error_message AS errorMessage
       FROM publish_runs r LEFT JOIN users u ON u.id = r.user_id ${where} ORDER BY r.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(args) as (Omit<PublishLogEntry, 'items'> & { items: string })[];
  return {
    rows: rows.map((r) => ({ ...r, items: (JSON.parse(r.items) as unknown[]).length })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
