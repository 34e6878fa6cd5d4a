import { MATERIAL_KINDS, MATERIAL_LABELS, type MaterialKind, type Measure } from '../../shared/review-domain.js';
import type { MaterialEntry, MaterialIds, ProposedDecision } from '../../shared/review-types.js';
import type { AppContext } from '../app.js';
import { avCheck } from './av-gaps.js';
import { reviewRepos } from './repos.js';

/**
 * Measures whose on-site enforcement must be recorded on video (执法全过程记录: 查封扣押财产,
 * 责令停产停业 and 责令关闭 carried out on site…), with the 音像记录事项 of the media module that
 * covers each, where there is one.
 */
export const AV_REQUIRED_MEASURES: Partial<Record<Measure, string | null>> = { seizure: 'seizure', suspendBusiness: null, orderClosure: null };

/**
 * Which material kinds this proposal needs. Footage for an AV-required measure is shown either by
 * a 执法音像记录 case record in the checklist or by the media module (tagged footage or a signed
 * statement for the matching matter, `covered`).
 */
export function requiredMaterials(p: Pick<ProposedDecision, 'decisionType' | 'measures'>, m: MaterialIds, covered: Set<string> = new Set()): MaterialKind[] {
  const need: MaterialKind[] = ['filingApproval', 'interviewRecords', 'evidence'];
  if (p.decisionType === 'penalty') {
    need.push('notice');
    if (!m.statementWaived) need.push('statement');
  }
  if (m.hearingRequested) need.push('hearing');
  const avNeeded = p.measures.some((x) => {
    if (!(x in AV_REQUIRED_MEASURES)) return false;
    const matter = AV_REQUIRED_MEASURES[x];
    return !(matter && covered.has(matter));
  });
  if (avNeeded) need.push('avRecords');
  return need;
}

/**
 * What is missing or wrong in a submission's materials, as sentences the handler can act on:
 * required kinds left empty, records of another case or replaced by a newer version, footage gaps.
 */
export function materialProblems(
  app: AppContext,
  caseId: number,
  p: Pick<ProposedDecision, 'decisionType' | 'measures'>,
  m: MaterialIds,
): string[] {
  const problems: string[] = [];
  const av = avCheck(app, caseId);
  for (const k of requiredMaterials(p, m, av.covered)) {
    if (!m[k].length) problems.push(`缺少${MATERIAL_LABELS[k]}${hint(k)}`);
  }
  const { review } = reviewRepos(app);
  for (const k of MATERIAL_KINDS) {
    for (const id of m[k]) {
      const r = review.record(id);
      if (!r || r.caseId !== caseId) problems.push(`${MATERIAL_LABELS[k]}中的记录 #${id} 不属于本案，请重新选择`);
      else if (r.superseded) problems.push(`${MATERIAL_LABELS[k]}中的“${r.title}”已有新版本，请选择最新版本`);
    }
  }
  problems.push(...av.gaps);
  return problems;
}

function hint(k: MaterialKind): string {
  switch (k) {
    case 'statement':
      return '（如当事人放弃陈述申辩，请勾选“当事人放弃陈述申辩”并附告知书送达回证）';
    case 'hearing':
      return '（当事人申请了听证，请附听证笔录和听证报告）';
    case 'avRecords':
      return '（拟采取的措施须全程音像记录，请附音像记录或无法记录的书面说明）';
    default:
      return '';
  }
}

/** The materials with record titles, for display. */
export function materialEntries(app: AppContext, m: MaterialIds): MaterialEntry[] {
  const { review } = reviewRepos(app);
  return MATERIAL_KINDS.filter((k) => m[k].length).map((k) => ({
    kind: k,
    label: MATERIAL_LABELS[k],
    records: m[k].map((id) => {
      const r = review.record(id);
      return { id, title: r?.title ?? `（记录 #${id} 已不存在）`, version: r?.version ?? 0, superseded: !!r?.superseded };
    }),
  }));
}
