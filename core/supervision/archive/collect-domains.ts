import { CHECKLIST_LABELS, DECISION_BASIS_LABELS, DECISION_TYPE_LABELS, DISCUSSION_CONCLUSION_LABELS, MEASURE_LABELS, REVIEW_OUTCOME_LABELS } from '../../../shared/review-domain.js';
import type { AppContext } from '../../app.js';
import { toCsv } from '../../util/csv.js';
import { hasDecisions, hasMedia, hasReview, hasTables } from '../tables.js';
import { safeName } from './manifest.js';
import { dateOf, json, seq, text, type PackageEntry } from './entries.js';

type Row = Record<string, unknown>;
const label = (labels: Record<string, string>, k: unknown) => labels[String(k)] ?? String(k ?? '');
const parse = (s: unknown) => {
  try {
    return JSON.parse(String(s));
  } catch {
    return s;
  }
};

/** 03 音像证据: the original files linked to the case (from the vault), their annotations, and 无法记录说明. */
export function footageEntries(app: AppContext, caseId: number): { entries: PackageEntry[]; mediaIds: number[] } {
  if (!hasMedia(app.db)) return { entries: [], mediaIds: [] };
  const items = app.db
    .prepare(
      `SELECT m.id, m.sha256, m.size, m.file_name AS fileName, m.device_serial AS device, coalesce(m.capture_time, m.recorded_at) AS at,
              m.place, m.collectors, m.proof, m.matter, coalesce(o.name, m.officer_no) AS officer
       FROM media_case_links l JOIN media_items m ON m.id = l.media_id LEFT JOIN officers o ON o.id = m.officer_id
       WHERE l.case_id = ? AND m.purged_at IS NULL ORDER BY at, m.id`,
    )
    .all(caseId) as { id: number; sha256: string; size: number; fileName: string; device: string; at: string | null; place: string; collectors: string; proof: string; matter: string; officer: string | null }[];
  const entries: PackageEntry[] = [];
  const list: unknown[][] = [];
  items.forEach((m, i) => {
    const path = `03_音像证据/${seq(i + 1)}_${safeName(m.fileName, 80)}`;
    entries.push({ path, title: `音像记录 ${m.fileName}${m.proof ? `（${m.proof}）` : ''}`, date: dateOf(m.at), category: '音像证据', source: { kind: 'vault', sha256: m.sha256, size: m.size } });
    const collectors = parse(m.collectors);
    list.push([i + 1, m.fileName, path, m.at ?? '', m.place, Array.isArray(collectors) ? collectors.join('、') : String(collectors ?? ''), m.proof, m.matter, m.device, m.officer ?? '', m.size, m.sha256]);
  });
  const statements = app.db
    .prepare(`SELECT s.matter, o.name AS officer, s.reason, s.recorded_at AS at FROM av_no_recording s JOIN officers o ON o.id = s.officer_id WHERE s.case_id = ? ORDER BY s.id`)
    .all(caseId) as { matter: string; officer: string; reason: string; at: string }[];
  if (items.length) {
    const csv = toCsv(['序号', '原始文件名', '包内路径', '拍摄时间', '拍摄地点', '采集人', '证明对象', '音像记录事项', '执法记录仪', '执法人员', '大小（字节）', 'SHA-256'], list);
    entries.unshift({ path: '03_音像证据/音像记录清单.csv', title: '音像记录清单（标注信息）', date: '', category: '音像证据', source: { kind: 'bytes', data: Buffer.from(csv, 'utf8') } });
  }
  if (statements.length) {
    const csv = toCsv(['音像记录事项', '说明人', '无法记录的原因', '记录时间'], statements.map((s) => [s.matter, s.officer, s.reason, s.at]));
    entries.push({ path: '03_音像证据/无法记录说明.csv', title: '无法进行音像记录的说明', date: dateOf(statements[0].at), category: '音像证据', source: { kind: 'bytes', data: Buffer.from(csv, 'utf8') } });
  }
  return { entries, mediaIds: items.map((m) => m.id) };
}

/** 04 法制审核: every round (proposal, materials, outcome, checklist) and collective discussions. The opinion PDFs and minutes are case records (02). */
export function reviewEntries(app: AppContext, caseId: number): PackageEntry[] {
  if (!hasReview(app.db)) return [];
  const rounds = app.db.prepare(`SELECT * FROM review_submissions WHERE case_id = ? ORDER BY round`).all(caseId) as Row[];
  const discussions = app.db.prepare(`SELECT * FROM review_discussions WHERE case_id = ? ORDER BY id`).all(caseId) as Row[];
  if (!rounds.length && !discussions.length) return [];
  const outcome = app.db.prepare(`SELECT o.*, u.display_name AS reviewer FROM review_outcomes o LEFT JOIN users u ON u.id = o.reviewer_id WHERE o.submission_id = ?`);
  const checklist = app.db.prepare(`SELECT item, result, note FROM review_checklist WHERE outcome_id = ? ORDER BY item`);
  const data: Row[] = rounds.map((s) => {
    const o = outcome.get(s.id) as Row | undefined;
    const { case_snapshot: _snap, ...rest } = s;
    return { ...rest, proposal: parse(s.proposal), materials: parse(s.materials), matched: parse(s.matched), outcome: o ? { ...o, checklist: checklist.all(o.id) } : null };
  });
  const lines: string[] = ['法制审核记录', ''];
  for (const r of data) {
    const p = r.proposal as { summary?: string } | null;
    lines.push(`第 ${r.round} 轮　送审日期 ${r.submitted_on}　审核期限 ${r.due_on}　${r.major ? '重大执法决定' : '非重大执法决定'}`, `拟处理意见：${p?.summary ?? ''}`);
    const o = r.outcome as (Row & { checklist: Row[] }) | null;
    if (o) {
      lines.push(`审核结论：${label(REVIEW_OUTCOME_LABELS, o.outcome)}（${o.reviewer ?? ''}，${o.recorded_on}${o.late ? '，超过时限' : ''}）`, `审核意见：${o.opinion}`);
      for (const c of o.checklist) lines.push(`  ${label(CHECKLIST_LABELS, c.item)}：${c.result === 'pass' ? '符合' : '存在问题'}${c.note ? `（${c.note}）` : ''}`);
    } else lines.push('审核结论：尚未作出');
    lines.push('');
  }
  for (const x of discussions) {
    lines.push(`集体讨论　${x.held_on}　参加人员：${(parse(x.participants) as string[]).join('、')}`, `结论：${label(DISCUSSION_CONCLUSION_LABELS, x.conclusion)}${x.note ? `（${x.note}）` : ''}`, `讨论记录：${x.minutes}`, '');
  }
  const date = String(rounds[0]?.submitted_on ?? discussions[0]?.held_on ?? '');
  return [
    { path: '04_法制审核/法制审核记录.txt', title: '法制审核与集体讨论记录', date, category: '法制审核', source: { kind: 'bytes', data: text(lines.join('\n')) } },
    { path: '04_法制审核/法制审核记录.json', title: '法制审核记录（结构化）', date, category: '法制审核', source: { kind: 'bytes', data: json({ rounds: data, discussions: discussions.map((x) => ({ ...x, participants: parse(x.participants) })) }) } },
  ];
}

/** 05 行政决定. */
export function decisionEntries(app: AppContext, caseId: number): PackageEntry[] {
  if (!hasDecisions(app.db)) return [];
  const d = app.db.prepare(`SELECT * FROM decisions WHERE case_id = ?`).get(caseId) as Row | undefined;
  if (!d) return [];
  const measures = (parse(d.measures) as string[]) ?? [];
  const body = [
    `决定书文号：${d.decision_no}`,
    `决定日期：${d.decided_on}　决定类型：${label(DECISION_TYPE_LABELS, d.decision_type)}　依据：${label(DECISION_BASIS_LABELS, d.basis)}`,
    `处理措施：${measures.map((m) => label(MEASURE_LABELS, m)).join('、') || '—'}`,
    `罚款金额：${d.total_fine} 元　没收金额：${d.total_confiscation} 元`,
    `法律依据：${d.legal_basis}`,
    `公示期限：${d.disclosure_due_on}　送达期限：${d.service_due_on}`,
    '',
    '决定内容：',
    String(d.content),
    '',
  ].join('\n');
  return [
    { path: `05_行政决定/${safeName(String(d.decision_no))}.txt`, title: `行政决定 ${d.decision_no}`, date: String(d.decided_on), category: '行政决定', source: { kind: 'bytes', data: text(body) } },
    { path: '05_行政决定/行政决定.json', title: '行政决定（结构化）', date: String(d.decided_on), category: '行政决定', source: { kind: 'bytes', data: json({ ...d, measures, amounts: parse(d.amounts) }) } },
  ];
}

/** 06 公示记录: every disclosure version of the case and its history (drafted, approved, published, withdrawn). */
export function disclosureEntries(app: AppContext, caseId: number): { entries: PackageEntry[]; itemIds: number[] } {
  if (!hasTables(app.db, 'disclosure_items', 'disclosure_events')) return { entries: [], itemIds: [] };
  const items = app.db
    .prepare(
      `SELECT id, series_id, version, kind, state, title, item_date, approved_at, first_published_at, withdraw_event, withdraw_event_on, withdraw_reason,
              withdrawn_at, taken_down_at, correction_note, public_content, content_hash FROM disclosure_items WHERE case_id = ? ORDER BY series_id, version`,
    )
    .all(caseId) as Row[];
  if (!items.length) return { entries: [], itemIds: [] };
  const events = app.db.prepare(`SELECT action, username, at, note FROM disclosure_events WHERE item_id = ? ORDER BY id`);
  const data = items.map((i) => ({ ...i, public_content: parse(i.public_content), events: events.all(i.id) }));
  return {
    entries: [{ path: '06_公示记录/公示记录.json', title: '行政执法公示记录（含审核、发布、撤回历史）', date: dateOf(String(items[0].item_date)), category: '公示记录', source: { kind: 'bytes', data: json(data) } }],
    itemIds: items.map((i) => Number(i.id)),
  };
}

/** 07 审计记录: the audit rows of the case, its footage and its disclosures (CSV for reading, JSON with the chain hashes). */
export function auditEntries(app: AppContext, caseId: number, mediaIds: number[], itemIds: number[], today: string): PackageEntry[] {
  const objects: [string, number][] = [['case', caseId], ...mediaIds.map((m) => ['media', m] as [string, number]), ...itemIds.map((d) => ['disclosure', d] as [string, number])];
  const stmt = app.db.prepare(
    `SELECT id, at, username, operation, object_type AS objectType, object_id AS objectId, summary, prev_hash AS prevHash, hash FROM audit_log WHERE object_type = ? AND object_id = ?`,
  );
  const rows = objects.flatMap(([t, id]) => stmt.all(t, String(id)) as Row[]).sort((a, b) => Number(a.id) - Number(b.id));
  const csv = toCsv(['序号', '时间', '操作人', '操作', '对象类型', '对象编号', '内容摘要', '哈希'], rows.map((r) => [r.id, r.at, r.username, r.operation, r.objectType, r.objectId, r.summary, r.hash]));
  return [
    { path: '07_审计记录/审计记录.csv', title: '本案审计记录', date: today, category: '审计记录', source: { kind: 'bytes', data: Buffer.from(csv, 'utf8') } },
    { path: '07_审计记录/审计记录.json', title: '本案审计记录（含哈希链）', date: today, category: '审计记录', source: { kind: 'bytes', data: json(rows) } },
  ];
}
