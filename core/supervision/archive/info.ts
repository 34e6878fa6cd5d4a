import type { ArchiveCreateResult } from '../../../shared/supervision-types.js';
import type { AppContext } from '../../app.js';

/**
 * The package of an archived case, as recorded in its audit row (`archive.create`), or null. Where
 * the package was exported again (`archive.export`), the newest copy's folder and zip are named.
 */
export function archiveInfo(app: AppContext, caseId: number): ArchiveCreateResult | null {
  const latest = (operation: string) =>
    app.db
      .prepare(`SELECT summary FROM audit_log WHERE object_type = 'case' AND object_id = ? AND operation = ? ORDER BY id DESC LIMIT 1`)
      .get(String(caseId), operation) as { summary: string } | undefined;
  const row = latest('archive.create');
  if (!row) return null;
  const s = JSON.parse(row.summary) as Omit<ArchiveCreateResult, 'caseId'>;
  const copy = latest('archive.export');
  const where = copy ? (JSON.parse(copy.summary) as { folder: string; zip: string | null }) : { folder: s.folder, zip: s.zip };
  return {
    caseId,
    caseNo: s.caseNo,
    folder: where.folder,
    zip: where.zip,
    files: s.files,
    totalBytes: s.totalBytes,
    manifestSha256: s.manifestSha256,
    auditHead: s.auditHead,
    certificateRecordId: s.certificateRecordId,
    composition: s.composition ?? null,
  };
}
