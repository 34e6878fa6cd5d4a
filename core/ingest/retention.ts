import { chmodSync, existsSync, rmSync } from 'node:fs';
import type { AppContext } from '../app.js';
import type { RetentionCandidate } from '../../shared/media-types.js';
import { conflict, invalid } from '../errors.js';
import { getMediaSettings } from '../media/media-settings.js';
import type { Actor } from './register.js';

/**
 * Retention of footage that is not evidence. Footage linked to a case, attached to a case record,
 * or under a hold is kept with the case and never listed. Other footage older than the retention
 * period (setting, default 6 months) may be purged by an admin: the list is shown, the admin
 * confirms the count, every item gets an audit row, and only then are the vault files removed.
 * The database row stays (marked purged) so the trail shows what existed and who removed it.
 */

const CANDIDATES = `
  FROM media_items m LEFT JOIN officers o ON o.id = m.officer_id
  WHERE m.purged_at IS NULL AND m.hold = 0
    AND coalesce(m.capture_time, m.recorded_at, m.ingested_at) < @cutoff
    AND NOT EXISTS (SELECT 1 FROM media_case_links l WHERE l.media_id = m.id)
    AND NOT EXISTS (SELECT 1 FROM case_records r WHERE r.sha256 = m.sha256)`;

export function retentionCutoff(app: AppContext): string {
  const d = new Date(app.now());
  d.setMonth(d.getMonth() - getMediaSettings(app).retentionMonths);
  return d.toISOString();
}

export function retentionCandidates(app: AppContext): RetentionCandidate[] {
  return app.db
    .prepare(
      `SELECT m.id, m.file_name AS fileName, m.sha256, m.size, coalesce(m.capture_time, m.recorded_at) AS recordedAt,
         m.device_serial AS deviceSerial, o.name AS officerName ${CANDIDATES}
       ORDER BY coalesce(m.capture_time, m.recorded_at, m.ingested_at), m.id`,
    )
    .all({ cutoff: retentionCutoff(app) }) as RetentionCandidate[];
}

/** Purges the listed items (all must still be candidates; `confirmCount` must equal their number). */
export function purgeFootage(app: AppContext, ids: number[], confirmCount: number, actor: Actor): { purged: number; bytes: number } {
  const unique = [...new Set(ids)];
  if (confirmCount !== unique.length) {
    throw invalid(`确认数量（${confirmCount}）与要清理的文件数（${unique.length}）不符，未做任何清理。`);
  }
  const cutoff = retentionCutoff(app);
  const isCandidate = app.db.prepare(`SELECT m.id, m.sha256, m.size ${CANDIDATES} AND m.id = @id`);
  const derived = app.db.prepare(`SELECT id, sha256 FROM media_derived WHERE media_id = ? AND removed_at IS NULL`);
  const stillUsed = app.db.prepare(
    `SELECT (EXISTS (SELECT 1 FROM media_items WHERE sha256 = @sha AND purged_at IS NULL)
          OR EXISTS (SELECT 1 FROM media_derived WHERE sha256 = @sha AND removed_at IS NULL)
          OR EXISTS (SELECT 1 FROM case_records WHERE sha256 = @sha)) AS used`,
  );
  const files: string[] = [];
  let bytes = 0;
  const at = app.now().toISOString();
  app.db.transaction(() => {
    for (const id of unique) {
      const m = isCandidate.get({ cutoff, id }) as { id: number; sha256: string; size: number } | undefined;
      if (!m) throw conflict(`编号 ${id} 的音像记录不能清理（已关联案件、被保全、未到保存期限或已清理），未做任何清理。`);
      const d = derived.all(id) as { id: number; sha256: string }[];
      app.db.prepare(`UPDATE media_items SET purged_at = ?, purged_by = ? WHERE id = ?`).run(at, actor.id, id);
      app.db.prepare(`UPDATE media_derived SET removed_at = ? WHERE media_id = ? AND removed_at IS NULL`).run(at, id);
      app.db.prepare(`UPDATE derive_jobs SET state = 'done', updated_at = ? WHERE media_id = ? AND state IN ('pending','running')`).run(at, id);
      for (const sha of [m.sha256, ...d.map((x) => x.sha256)]) {
        if ((stillUsed.get({ sha }) as { used: number }).used) continue;
        app.db.prepare(`DELETE FROM vault_objects WHERE sha256 = ?`).run(sha);
        files.push(app.vault.pathOf(sha));
      }
      bytes += m.size;
      app.audit.append({
        userId: actor.id,
        username: actor.username,
        operation: 'media.purge',
        objectType: 'media',
        objectId: id,
        summary: { sha256: m.sha256, size: m.size, derived: d.map((x) => x.sha256), cutoff },
      });
    }
  })();
  for (const f of files) {
    try {
      if (existsSync(f)) {
        chmodSync(f, 0o644); // read-only files cannot be deleted on Windows
        rmSync(f, { force: true });
      }
    } catch {
      /* left behind: `verify` lists it as unregistered */
    }
  }
  return { purged: unique.length, bytes };
}
