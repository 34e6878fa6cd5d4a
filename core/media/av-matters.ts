import type { AppContext } from '../app.js';
import type { AvMatter, CaseAvGap, CaseAvGaps } from '../../shared/media-types.js';
import { invalid, notFound } from '../errors.js';

export const AV_MATTERS_DOCUMENT = 'avMatters';

const row = (key: string, label: string, requirement: AvMatter['requirement'], stage: string, extra: Partial<AvMatter> = {}): AvMatter => ({
  key,
  label,
  requirement,
  stage,
  place: '执法现场',
  device: '执法记录仪',
  trigger: requirement === 'full' ? '到达现场、表明身份时开始，执法活动结束、离开现场时停止' : '开始执法活动时开始，关键环节结束后停止',
  content: '',
  retention: '作为证据的随案卷保存；其他不少于 6 个月',
  recorder: '承办执法人员',
  impliedByCaseTypes: [],
  ...extra,
});

/**
 * The shipped 音像记录事项清单, from the seeds: seizure and forced demolition are recorded from start
 * to end (全程音像, 000); on-site inspection, random checks, evidence preservation, hearings and
 * service are recorded (002, 003, 004). The bureau edits the list in settings.
 */
export const DEFAULT_AV_MATTERS: AvMatter[] = [
  row('seizure', '查封扣押', 'full', '执行', { content: '告知、清点、查封扣押财物、制作清单、当事人签字全过程', impliedByCaseTypes: ['coercion'] }),
  row('demolition', '强制拆除', 'full', '执行', { content: '公告、现场清点、拆除作业、财物登记全过程' }),
  row('inspection', '现场检查', 'av', '调查取证', { content: '出示证件、检查现场、询问、现场笔录签字', impliedByCaseTypes: ['inspection'] }),
  row('random-check', '随机抽查', 'av', '调查取证', { content: '出示证件、抽查过程、结果告知' }),
  row('evidence', '证据保全', 'av', '调查取证', { content: '先行登记保存、抽样取证过程' }),
  row('hearing', '听证', 'av', '审查', { place: '听证室', device: '听证室录音录像设备或执法记录仪', content: '听证全过程' }),
  row('service-leaving', '留置送达', 'av', '送达', { content: '见证人在场、说明情况、留置文书' }),
];

export function getAvMatters(app: AppContext): AvMatter[] {
  return app.settings.getDocument<AvMatter[]>(AV_MATTERS_DOCUMENT) ?? DEFAULT_AV_MATTERS;
}

export function setAvMatters(app: AppContext, matters: AvMatter[]): AvMatter[] {
  const keys = new Set<string>();
  for (const m of matters) {
    if (keys.has(m.key)) throw invalid(`事项编号「${m.key}」重复。`);
    keys.add(m.key);
  }
  app.settings.setDocument(AV_MATTERS_DOCUMENT, matters);
  return matters;
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
