// Differences between two review rounds, and between a case as submitted and as it is now.
// Pure module: no Node or DOM APIs.

import { PARTY_KIND_LABELS, type PartyKind } from '../domain.js';
import {
  DECISION_TYPE_LABELS,
  DISCRETION_LABELS,
  MATERIAL_KINDS,
  MATERIAL_LABELS,
  MEASURE_LABELS,
  REVIEW_FLAG_LABELS,
} from '../review-domain.js';
import type { Change, MaterialIds, ProposedDecision } from '../review-types.js';

/** What of a case a submission was based on (the hash of this is compared to detect edits). */
export interface CaseSnapshot {
  title: string;
  place: string;
  facts: string;
  parties: { id: number; kind: PartyKind; name: string; idNumber: string; creditCode: string; legalRep: string; address: string }[];
  handlers: { officerId: number; name: string }[];
  records: { id: number; title: string; version: number; sha256: string | null }[];
}

const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);
const yuan = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} 元`;

function push(out: Change[], field: string, label: string, before: string, after: string): void {
  if (before !== after) out.push({ field, label, before, after });
}

/** Changes in the case itself: text fields, parties, handlers, records (added, new versions, gone). */
export function diffSnapshots(a: CaseSnapshot, b: CaseSnapshot): Change[] {
  const out: Change[] = [];
  push(out, 'title', '案由', a.title, b.title);
  push(out, 'place', '地点', a.place, b.place);
  if (a.facts !== b.facts) out.push({ field: 'facts', label: '基本事实', before: clip(a.facts), after: clip(b.facts) });
  const party = (p: CaseSnapshot['parties'][number]) =>
    `${p.name}（${PARTY_KIND_LABELS[p.kind]}${p.idNumber || p.creditCode ? `，${p.idNumber || p.creditCode}` : ''}${p.address ? `，${p.address}` : ''}）`;
  const pa = new Map(a.parties.map((p) => [p.id, p]));
  const pb = new Map(b.parties.map((p) => [p.id, p]));
  for (const [id, p] of pb) {
    const old = pa.get(id);
    if (!old) out.push({ field: `parties.${id}`, label: '新增当事人', before: '', after: party(p) });
    else push(out, `parties.${id}`, `当事人“${old.name}”`, party(old), party(p));
  }
  for (const [id, p] of pa) if (!pb.has(id)) out.push({ field: `parties.${id}`, label: '删除当事人', before: party(p), after: '' });
  push(out, 'handlers', '承办人', a.handlers.map((h) => h.name).join('、'), b.handlers.map((h) => h.name).join('、'));
  const ra = new Map(a.records.map((r) => [r.id, r]));
  for (const r of b.records) {
    if (!ra.has(r.id)) out.push({ field: `records.${r.id}`, label: '新增案卷记录', before: '', after: `${r.title}${r.version > 1 ? `（第 ${r.version} 版）` : ''}` });
  }
  const rb = new Set(b.records.map((r) => r.id));
  for (const r of a.records) if (!rb.has(r.id)) out.push({ field: `records.${r.id}`, label: '案卷记录不再有效', before: r.title, after: '' });
  return out;
}

export interface RoundContent {
  proposal: ProposedDecision;
  materials: MaterialIds;
  handlerStatement: string;
}

/** Changes from one round's submission to the next; party names resolve amounts. */
export function diffRounds(a: RoundContent, b: RoundContent, partyName: (id: number) => string): Change[] {
  const out: Change[] = [];
  const pa = a.proposal;
  const pb = b.proposal;
  push(out, 'decisionType', '拟决定类型', DECISION_TYPE_LABELS[pa.decisionType], DECISION_TYPE_LABELS[pb.decisionType]);
  const measures = (p: ProposedDecision) => p.measures.map((m) => MEASURE_LABELS[m]).join('、') || '（无）';
  push(out, 'measures', '处理措施', measures(pa), measures(pb));
  const amounts = (p: ProposedDecision) =>
    p.amounts
      .map((x) => `${partyName(x.partyId)}：罚款 ${yuan(x.fine)}${x.confiscation ? `，没收 ${yuan(x.confiscation)}` : ''}`)
      .join('；') || '（无）';
  push(out, 'amounts', '罚没数额', amounts(pa), amounts(pb));
  push(out, 'legalBasis', '法律依据', pa.legalBasis, pb.legalBasis);
  push(out, 'discretion', '裁量档次', DISCRETION_LABELS[pa.discretion], DISCRETION_LABELS[pb.discretion]);
  push(out, 'discretionNote', '裁量基准条款', pa.discretionNote, pb.discretionNote);
  push(out, 'summary', '拟处理意见', clip(pa.summary, 500), clip(pb.summary, 500));
  const flags = (p: ProposedDecision) => p.flags.map((f) => REVIEW_FLAG_LABELS[f]).join('、') || '（无）';
  push(out, 'flags', '案件情形', flags(pa), flags(pb));
  for (const k of MATERIAL_KINDS) {
    const before = new Set(a.materials[k]);
    const after = new Set(b.materials[k]);
    const added = [...after].filter((x) => !before.has(x));
    const removed = [...before].filter((x) => !after.has(x));
    if (added.length || removed.length) {
      out.push({
        field: `materials.${k}`,
        label: MATERIAL_LABELS[k],
        before: removed.length ? `移除记录 ${removed.map((x) => `#${x}`).join('、')}` : '',
        after: added.length ? `新增记录 ${added.map((x) => `#${x}`).join('、')}` : '',
      });
    }
  }
  const yesNo = (v: boolean) => (v ? '是' : '否');
  push(out, 'statementWaived', '当事人放弃陈述申辩', yesNo(a.materials.statementWaived), yesNo(b.materials.statementWaived));
  push(out, 'hearingRequested', '当事人申请听证', yesNo(a.materials.hearingRequested), yesNo(b.materials.hearingRequested));
  push(out, 'handlerStatement', '承办人意见', clip(a.handlerStatement, 500), clip(b.handlerStatement, 500));
  return out;
}
