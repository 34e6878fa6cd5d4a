import type { AppContext } from '../app.js';
import type { AvMatter, CaseAvGap, CaseAvGaps } from '../../shared/media-types.js';
import { invalid, notFound } from '../errors.js';
import { DEFAULT_AV_MATTERS } from '../../shared/media-defaults.js';

export const AV_MATTERS_DOCUMENT = 'avMatters';

export function getAvMatters(app: AppContext): AvMatter[] {
  return app.settings.getDocument<AvMatter[]>(AV_MATTERS_DOCUMENT) ?? DEFAULT_AV_MATTERS;
}

/**
 * Stores the edited list. A matter that footage is tagged with, or that a case declared or explained,
 * cannot be removed (its records would lose their name); the bureau may rename it instead.
 */
export function setAvMatters(app: AppContext, matters: AvMatter[]): AvMatter[] {
  const keys = new Set<string>();
  const labels = new Set<string>();
  for (const m of matters) {
    if (keys.has(m.key)) throw invalid(`事项编号「${m.key}」重复。`);
    if (labels.has(m.label)) throw invalid(`事项「${m.label}」重复，请修改名称。`);
    keys.add(m.key);
    labels.add(m.label);
  }
  for (const old of getAvMatters(app).filter((m) => !keys.has(m.key))) {
    const use = matterUse(app, old.key);
    if (use) throw invalid(`「${old.label}」已被 ${use}使用，不能删除。如不再使用，可修改其名称或内容。`);
  }
  app.settings.setDocument(AV_MATTERS_DOCUMENT, matters);
  return matters;
}

/** How a matter is in use ("3 个音像记录、1 个案件"), or null when nothing refers to it. */
function matterUse(app: AppContext, key: string): string | null {
  const n = (sql: string) => (app.db.prepare(sql).get({ key }) as { n: number }).n;
  const footage = n(`SELECT count(*) AS n FROM media_items WHERE matter = @key`);
  const cases = n(`SELECT count(DISTINCT case_id) AS n FROM (SELECT case_id FROM case_av_matters WHERE matter = @key UNION ALL SELECT case_id FROM av_no_recording WHERE matter = @key)`);
  const parts = [footage && `${footage} 个音像记录`, cases && `${cases} 个案件`].filter(Boolean);
  return parts.length ? parts.join('、') : null;
}

export function requireMatter(app: AppContext, key: string): AvMatter {
  const m = getAvMatters(app).find((x) => x.key === key);
  if (!m) throw invalid(`音像记录事项「${key}」不在事项清单中。`);
  return m;
}

/** Replaces the matters the handler says occurred in a case. */
export function setCaseMatters(app: AppContext, caseId: number, keys: string[], userId: number | null): { before: string[]; after: string[] } {
  for (const k of keys) requireMatter(app, k);
  const before = declaredMatters(app, caseId);
  app.db.prepare(`DELETE FROM case_av_matters WHERE case_id = ?`).run(caseId);
  const ins = app.db.prepare(`INSERT INTO case_av_matters (case_id, matter, declared_at, declared_by) VALUES (?, ?, ?, ?)`);
  const at = app.now().toISOString();
  for (const k of new Set(keys)) ins.run(caseId, k, at, userId);
  return { before, after: [...new Set(keys)] };
}

const declaredMatters = (app: AppContext, caseId: number) =>
  (app.db.prepare(`SELECT matter FROM case_av_matters WHERE case_id = ? ORDER BY matter`).all(caseId) as { matter: string }[]).map((r) => r.matter);

/** Records an officer's statement why a required matter could not be recorded (immutable). */
export function recordNoRecording(app: AppContext, caseId: number, matter: string, officerId: number, reason: string, userId: number | null): number {
  requireMatter(app, matter);
  if (!app.repos.officers.get(officerId)) throw notFound('该执法人员');
  return Number(
    app.db
      .prepare(`INSERT INTO av_no_recording (case_id, matter, officer_id, reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(caseId, matter, officerId, reason, app.now().toISOString(), userId).lastInsertRowid,
  );
}

/**
 * Required matters of a case (declared by the handler, or implied by the case type) against the
 * footage linked to it and annotated with that matter. A matter with neither footage nor a signed
 * statement is a gap: the case is flagged "缺少音像记录".
 */
export function caseGaps(app: AppContext, caseId: number): CaseAvGaps {
  const c = app.db.prepare(`SELECT id, case_type AS caseType FROM cases WHERE id = ?`).get(caseId) as { id: number; caseType: string } | undefined;
  if (!c) throw notFound('该案件');
  const matters = getAvMatters(app);
  const declared = new Set(declaredMatters(app, caseId));
  const footage = new Map(
    (app.db
      .prepare(
        `SELECT m.matter, count(*) AS n FROM media_case_links l JOIN media_items m ON m.id = l.media_id
         WHERE l.case_id = ? AND m.purged_at IS NULL GROUP BY m.matter`,
      )
      .all(caseId) as { matter: string; n: number }[]).map((r) => [r.matter, r.n]),
  );
  const statements = app.db.prepare(
    `SELECT o.name AS officerName, s.reason, s.recorded_at AS recordedAt FROM av_no_recording s JOIN officers o ON o.id = s.officer_id
     WHERE s.case_id = ? AND s.matter = ? ORDER BY s.id DESC LIMIT 1`,
  );
  const out: CaseAvGap[] = [];
  for (const m of matters) {
    const implied = m.impliedByCaseTypes.includes(c.caseType as never);
    if (!declared.has(m.key) && !implied) continue;
    const n = footage.get(m.key) ?? 0;
    const statement = (statements.get(caseId, m.key) as CaseAvGap['statement'] | undefined) ?? null;
    out.push({
      matter: m.key,
      label: m.label,
      requirement: m.requirement,
      source: declared.has(m.key) ? 'declared' : 'implied',
      footage: n,
      statement,
      status: n > 0 ? 'ok' : statement ? 'explained' : 'missing',
    });
  }
  const missing = out.filter((g) => g.status === 'missing').length;
  return { caseId, matters: out, missing, flag: missing ? '缺少音像记录' : null, untagged: footage.get('') ?? 0 };
}
