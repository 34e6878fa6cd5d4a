import type { ArchiveCreateResult } from '../../../shared/supervision-types.js';
import type { AppContext } from '../../app.js';

/** The package of an archived case, as recorded in its audit row (`archive.create`), or null. */
export function archiveInfo(app: AppContext, caseId: number): ArchiveCreateResult | null {
  const row = app.db
    .prepare(`SELECT summary FROM audit_log WHERE object_type = 'case' AND object_id = ? AND operation = 'archive.create' ORDER BY id DESC LIMIT 1`)
    .get(String(caseId)) as { summary: string } | undefined;
  if (!row) return null;
  const s = JSON.parse(row.summary) as Omit<ArchiveCreateResult, 'caseId'>;
  return { caseId, caseNo: s.caseNo, folder: s.folder, zip: s.zip, files: s.files, totalBytes: s.totalBytes, manifestSha256: s.manifestSha256, auditHead: s.auditHead, certificateRecordId: s.certificateRecordId };
}
