import type { Db } from '../db/connection.js';
import type { AuditEntry, AuditPage } from '../../shared/types.js';

export interface AuditFilter {
  username?: string;
  operation?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

const COLUMNS = `id, at, username, operation, object_type AS objectType, object_id AS objectId, summary, hash`;

/** Reading the audit trail: filtered pages, a case's entries, and a streaming export. */
export function createAuditQueries(db: Db) {
  function where(f: AuditFilter): { sql: string; params: Record<string, unknown> } {
    const w: string[] = [];
    const params: Record<string, unknown> = {};
    if (f.username) (w.push('username = @username'), (params.username = f.username));
    if (f.operation) (w.push('operation = @operation'), (params.operation = f.operation));
    if (f.objectType) (w.push('object_type = @objectType'), (params.objectType = f.objectType));
    if (f.objectId) (w.push('object_id = @objectId'), (params.objectId = f.objectId));
    // `at` is UTC; a local date range is converted by the caller into UTC bounds.
    if (f.from) (w.push('at >= @from'), (params.from = f.from));
    if (f.to) (w.push('at < @to'), (params.to = f.to));
    return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', params };
  }

  const forObject = db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY id`);

  return {
    page(f: AuditFilter, page: number, pageSize: number): AuditPage {
      const { sql, params } = where(f);
      const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(params) as { n: number }).n;
      const rows = db
        .prepare(`SELECT ${COLUMNS} FROM audit_log ${sql} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as AuditEntry[];
      return { rows, total, page, pageSize };
    },
    forObject: (objectType: string, objectId: string | number) => forObject.all(objectType, String(objectId)) as AuditEntry[],
    *iterate(f: AuditFilter): IterableIterator<AuditEntry> {
      const { sql, params } = where(f);
      yield* db.prepare(`SELECT ${COLUMNS} FROM audit_log ${sql} ORDER BY id`).iterate(params) as IterableIterator<AuditEntry>;
    },
  };
}
