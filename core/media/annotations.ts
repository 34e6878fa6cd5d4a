import type { AppContext } from '../app.js';
import type { AnnotationPrefill, GpsTrack } from '../../shared/media-types.js';
import { conflict, invalid, notFound } from '../errors.js';
import { requireMatter, getAvMatters } from './av-matters.js';
import { formatPosition } from './gps.js';
import { mediaRepo, type Annotation, type MediaRow } from './media-repo.js';

/** What a caller may change; absent fields keep their value. `caseId` also links the clip to the case. */
export interface AnnotationPatch {
  captureTime?: string | null;
  place?: string;
  collectors?: number[];
  proof?: string;
  matter?: string;
  important?: boolean;
  caseId?: number | null;
}

export function currentAnnotation(row: MediaRow): Annotation {
  return {
    captureTime: row.captureTime,
    place: row.place,
    collectors: JSON.parse(row.collectors) as number[],
    proof: row.proof,
    matter: row.matter,
    important: !!row.important,
  };
}

export function requireOpenCase(app: AppContext, caseId: number): { id: number; caseNo: string } {
  const c = app.repos.cases.get(caseId);
  if (!c) throw notFound('该案件');
  if (c.status === 'voided') throw conflict(`案件 ${c.caseNo} 已作废，不能关联音像记录。`);
  return { id: c.id, caseNo: c.caseNo };
}

/**
 * Annotates one clip (标注): the original is untouched; the annotation is metadata, every change
 * audited with before/after. Must run inside the caller's transaction.
 */
export function annotateItem(
  app: AppContext,
  id: number,
  patch: AnnotationPatch,
  user: { id: number | null },
  audit: (summary: unknown) => void,
): MediaRow {
  const repo = mediaRepo(app.db);
  const row = repo.get(id);
  if (!row) throw notFound('该音像记录');
  if (row.purgedAt) throw conflict('该音像记录已按保存期限清理，不能再标注。');
  const before = currentAnnotation(row);
  const after: Annotation = {
    captureTime: patch.captureTime !== undefined ? patch.captureTime : before.captureTime,
    place: patch.place ?? before.place,
    collectors: patch.collectors ? [...new Set(patch.collectors)] : before.collectors,
    proof: patch.proof ?? before.proof,
    matter: patch.matter ?? before.matter,
    important: patch.important ?? before.important,
  };
  if (after.captureTime) {
    if (Number.isNaN(Date.parse(after.captureTime))) throw invalid('拍摄时间格式不正确。');
    after.captureTime = new Date(after.captureTime).toISOString();
  }
  for (const o of after.collectors) if (!app.repos.officers.get(o)) throw invalid(`采集人（编号 ${o}）不存在。`);
  if (after.matter) requireMatter(app, after.matter);
  const at = app.now().toISOString();
  repo.annotate(id, after, at, user.id);
  let linked: string | null = null;
  if (patch.caseId) {
    const c = requireOpenCase(app, patch.caseId);
    if (repo.link(id, c.id, at, user.id)) linked = c.caseNo;
  }
  audit({ before, after, linkedCase: linked });
  return repo.get(id)!;
}

const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Suggested annotation: capture time from the filename/metadata, the recording officer as
 * collector, the GPS start as place, the matter from a folder named after it (e.g. `现场检查/`),
 * and the officer's cases open that day (those with a stage entered that day first; cases opened
 * within 15 days after the footage last, since an inspection often comes before 立案).
 */
export function prefill(app: AppContext, row: MediaRow, fallbackOfficerId: number | null = null): AnnotationPrefill {
  const captureTime = row.captureTime ?? row.recordedAt ?? null;
  const officerId = row.officerId ?? fallbackOfficerId;
  const gps = row.gps ? (JSON.parse(row.gps) as GpsTrack) : null;
  const hay = `${row.sourceFolder}/${row.fileName}`;
  const matter = row.matter || getAvMatters(app).find((m) => hay.includes(m.label))?.key || '';
  let caseCandidates: AnnotationPrefill['caseCandidates'] = [];
  if (officerId && captureTime) {
    const day = localDay(captureTime);
    const rows = app.db
      .prepare(
        `SELECT c.id, c.case_no AS caseNo, c.title, c.opened_on AS openedOn,
           EXISTS (SELECT 1 FROM case_stages s WHERE s.case_id = c.id AND s.entered_on = @day) AS stageThatDay
         FROM cases c JOIN case_handlers h ON h.case_id = c.id
         WHERE h.officer_id = @officerId AND c.status = 'active'
           AND c.opened_on <= date(@day, '+15 days') AND (c.closed_on IS NULL OR c.closed_on >= @day)
         ORDER BY (c.opened_on > @day), stageThatDay DESC, c.opened_on DESC, c.id DESC LIMIT 10`,
      )
      .all({ day, officerId }) as { id: number; caseNo: string; title: string; openedOn: string; stageThatDay: number }[];
    caseCandidates = rows.map((r) => ({
      id: r.id,
      caseNo: r.caseNo,
      title: r.title,
      reason: r.openedOn > day ? `拍摄后于 ${r.openedOn} 立案` : r.openedOn === day ? '当天立案' : r.stageThatDay ? '当天有办案环节记录' : '当天在办',
    }));
  }
  let place = row.place;
  if (!place && gps) place = formatPosition(gps.first);
  if (!place && caseCandidates.length) {
    place = (app.db.prepare(`SELECT place FROM cases WHERE id = ?`).get(caseCandidates[0].id) as { place: string }).place;
  }
  const collectors = (JSON.parse(row.collectors) as number[]).length ? (JSON.parse(row.collectors) as number[]) : officerId ? [officerId] : [];
  return { captureTime, place, collectors, important: !!row.important, matter, caseCandidates };
}
