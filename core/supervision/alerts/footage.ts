import type { AppContext } from '../../app.js';
import { footageGaps } from '../footage-gaps.js';
import { hasMedia } from '../tables.js';
import { alertIf, caseLink, count, md, type AlertRule } from './types.js';

/** Days after offload before unannotated footage is flagged: the supervision setting, else the media setting (3). */
export function unannotatedDays(app: AppContext, own: number | null): number {
  if (own) return own;
  const media = app.settings.getDocument<{ unannotatedAlertDays?: number }>('mediaSettings');
  return media?.unannotatedAlertDays ?? 3;
}

const DAY = 86_400_000;

/** Cases missing required footage, footage not annotated in time. */
export const footageAlerts: AlertRule = ({ app, now, settings }) => {
  if (!hasMedia(app.db)) return [];
  const out = [];
  const gaps = footageGaps(app);
  if (gaps) {
    const info = new Map(
      gaps.top.map((g) => [g.caseId, app.db.prepare(`SELECT case_no AS caseNo, title FROM cases WHERE id = ?`).get(g.caseId) as { caseNo: string; title: string }]),
    );
    out.push(
      ...alertIf(
        'footage.missing',
        'warning',
        '案件缺少应有的音像记录',
        gaps.count,
        { page: 'ledger', filter: { ledger: 'cases', avGap: true } },
        gaps.top.map((g) => ({
          id: g.caseId,
          label: info.get(g.caseId)!.caseNo,
          detail: `${info.get(g.caseId)!.title}：缺少${g.matters.map((k) => gaps.labels.get(k) ?? k).join('、')}音像记录`,
          link: caseLink(g.caseId),
        })),
      ),
    );
  }
  const days = unannotatedDays(app, settings.unannotatedDays);
  const cutoff = new Date(now.getTime() - days * DAY).toISOString();
  const where = `annotated_at IS NULL AND purged_at IS NULL AND ingested_at < ?`;
  const n = count(app.db.prepare(`SELECT count(*) AS n FROM media_items WHERE ${where}`).get(cutoff));
  const rows = n
    ? (app.db
        .prepare(
          `SELECT m.id, m.file_name AS fileName, m.ingested_at AS ingestedAt, coalesce(o.name, m.officer_no) AS officer
           FROM media_items m LEFT JOIN officers o ON o.id = m.officer_id WHERE m.annotated_at IS NULL AND m.purged_at IS NULL AND m.ingested_at < ? ORDER BY m.ingested_at, m.id LIMIT 20`,
        )
        .all(cutoff) as { id: number; fileName: string; ingestedAt: string; officer: string | null }[])
    : [];
  out.push(
    ...alertIf(
      'footage.unannotated',
      'warning',
      `音像记录导入超过 ${days} 天未标注`,
      n,
      { page: 'media', filter: { annotated: false, unannotatedOlderThanDays: days } },
      rows.map((r) => ({
        id: r.id,
        label: r.fileName,
        detail: `${r.officer || '未知执法人员'}，${md(localDate(r.ingestedAt))}导入`,
        link: { page: 'media', filter: { id: r.id } },
      })),
    ),
  );
  return out;
};

/** Recorders (assigned to an officer in post) with no completed offload for N days. */
export const deviceAlerts: AlertRule = ({ app, now, settings }) => {
  if (!hasMedia(app.db)) return [];
  const cutoff = new Date(now.getTime() - settings.offloadStaleDays * DAY).toISOString();
  const rows = app.db
    .prepare(
      `SELECT * FROM (
         SELECT d.id, d.serial, d.created_at AS createdAt, o.name AS officer,
                (SELECT max(coalesce(r.finished_at, r.started_at)) FROM ingest_runs r WHERE r.device_serial = d.serial AND r.state = 'done') AS last
         FROM devices d JOIN officers o ON o.id = d.officer_id WHERE o.status = 'active')
       WHERE coalesce(last, createdAt) <= ? ORDER BY last IS NOT NULL, last, id`,
    )
    .all(cutoff) as { id: number; serial: string; createdAt: string; officer: string; last: string | null }[];
  return alertIf(
    'devices.notOffloaded',
    'warning',
    `执法记录仪超过 ${settings.offloadStaleDays} 天未导出`,
    rows.length,
    { page: 'ledger', filter: { ledger: 'devices', staleDays: settings.offloadStaleDays } },
    rows.map((r) => ({
      id: r.id,
      label: r.serial,
      detail: `${r.officer}，${r.last ? `上次导出 ${md(localDate(r.last))}，已 ${Math.floor((now.getTime() - Date.parse(r.last)) / DAY)} 天` : '从未导出'}`,
    })),
  );
};

/** The local calendar date of a UTC ISO time. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
