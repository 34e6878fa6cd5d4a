// The catalogue of major enforcement decisions (重大执法决定法制审核目录清单) as data,
// and its evaluation against a proposed decision. Pure module: no Node or DOM APIs.
//
// A rule matches when EVERY condition it sets holds; within one condition any listed
// value suffices (e.g. measures [吊销, 责令停产停业] = either). An empty list sets no
// condition. A decision is "major" when at least one enabled rule matches.
//
// Amount thresholds follow the legal reading of "以上" (包括本数, 《行政处罚法》第八十五条
// and 《刑法》第九十九条): an amount EQUAL to the threshold matches. Thresholds are per
// party and per kind of party (natural person / organisation), because a fine is imposed
// on each party separately; a threshold of null never matches that kind of party.

import { CASE_TYPE_LABELS, PARTY_KIND_LABELS, PROCEDURE_LABELS, type CaseType, type PartyKind, type Procedure } from '../domain.js';
import { MEASURE_LABELS, REVIEW_FLAG_LABELS, type Measure, type ReviewFlag } from '../review-domain.js';

export interface AmountThreshold {
  /** Yuan; null = no threshold for natural persons. */
  person: number | null;
  /** Yuan; null = no threshold for legal persons and other organisations. */
  organisation: number | null;
  /** What is compared: the fine alone, or fine plus confiscated gains/property (罚没合计). */
  basis: 'fine' | 'fineAndConfiscation';
}

export interface CatalogueRule {
  id: string;
  title: string;
  enabled: boolean;
  caseTypes: CaseType[];
  procedures: Procedure[];
  measures: Measure[];
  amount: AmountThreshold | null;
  flags: ReviewFlag[];
  /** Decisions under this rule also need the head's collective discussion (集体讨论). */
  requiresDiscussion: boolean;
  /** Where the rule comes from (regulation, bureau document). */
  source: string;
}

export interface ReviewCatalogue {
  title: string;
  rules: CatalogueRule[];
}

export interface PartyAmount {
  kind: PartyKind;
  /** Yuan. */
  fine: number;
  /** Yuan: confiscated illegal gains plus the value of confiscated property. */
  confiscation: number;
}

/** What the catalogue looks at in a proposed decision. */
export interface ProposalFacts {
  caseType: CaseType;
  procedure: Procedure;
  measures: readonly Measure[];
  amounts: readonly PartyAmount[];
  flags: readonly ReviewFlag[];
}

export interface RuleMatch {
  ruleId: string;
  title: string;
  reason: string;
  requiresDiscussion: boolean;
}

export interface CatalogueEvaluation {
  major: boolean;
  requiresDiscussion: boolean;
  matched: RuleMatch[];
}

/** The catalogue shipped with the app (seed 001: every penalty not decided by simple procedure). */
export const DEFAULT_CATALOGUE: ReviewCatalogue = {
  title: '重大执法决定法制审核目录清单',
  rules: [
    rule('ordinary-penalty', '适用普通程序作出的行政处罚决定', { caseTypes: ['penalty'], procedures: ['ordinary'] }, '本单位规定：除简易程序外的行政处罚决定均须法制审核'),
    rule('revoke', '吊销许可证件、降低资质等级', { measures: ['revokePermit', 'lowerQualification'], requiresDiscussion: true }, '《行政处罚法》第五十八条、第六十三条'),
    rule('suspend', '责令停产停业、责令关闭、限制从业', { measures: ['suspendBusiness', 'orderClosure', 'limitEmployment'], requiresDiscussion: true }, '《行政处罚法》第五十八条、第六十三条'),
    rule('large-amount', '较大数额罚没', { amount: { person: 10_000, organisation: 100_000, basis: 'fineAndConfiscation' } }, '默认数额，请按本省（市）规定调整'),
    rule('seizure', '查封、扣押、冻结等行政强制措施', { measures: ['seizure', 'freeze'] }, '《行政强制法》'),
    rule('hearing', '符合听证条件的案件', { flags: ['hearingQualified'] }, '《行政处罚法》第五十八条第（二）项'),
    rule('complex', '案情复杂、涉及多个法律关系的案件', { flags: ['complex'], requiresDiscussion: true }, '《行政处罚法》第五十七条、第五十八条第（四）项'),
    rule('cross-area', '跨区域的案件', { flags: ['crossArea'] }, '本单位规定'),
    rule('public-interest', '涉及重大公共利益或社会影响较大的案件', { flags: ['publicInterest', 'socialImpact'] }, '《行政处罚法》第五十八条第（一）项'),
  ],
};

function rule(id: string, title: string, c: Partial<CatalogueRule>, source: string): CatalogueRule {
  return { id, title, enabled: true, caseTypes: [], procedures: [], measures: [], amount: null, flags: [], requiresDiscussion: false, source, ...c };
}

const yuan = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} 元`;
const list = <T extends string>(items: readonly T[], labels: Record<T, string>) => items.map((i) => labels[i]).join('、');

/** Why one party's amount reaches the threshold, or null. */
function amountReason(t: AmountThreshold, amounts: readonly PartyAmount[]): string | null {
  for (const a of amounts) {
    const threshold = t[a.kind];
    if (threshold == null) continue;
    const value = t.basis === 'fine' ? a.fine : a.fine + a.confiscation;
    if (value >= threshold) {
      const what = t.basis === 'fine' ? '罚款' : '罚没合计';
      return `对${PARTY_KIND_LABELS[a.kind]}${what} ${yuan(value)}，达到 ${yuan(threshold)}的标准（“以上”含本数）`;
    }
  }
  return null;
}

/** The reason a rule matches the proposal, or null when it does not. */
export function matchRule(r: CatalogueRule, p: ProposalFacts): string | null {
  const reasons: string[] = [];
  if (r.caseTypes.length) {
    if (!r.caseTypes.includes(p.caseType)) return null;
    reasons.push(CASE_TYPE_LABELS[p.caseType]);
  }
  if (r.procedures.length) {
    if (!r.procedures.includes(p.procedure)) return null;
    reasons.push(PROCEDURE_LABELS[p.procedure]);
  }
  if (r.measures.length) {
    const hit = r.measures.filter((m) => p.measures.includes(m));
    if (!hit.length) return null;
    reasons.push(`拟作出${list(hit, MEASURE_LABELS)}`);
  }
  if (r.amount) {
    const why = amountReason(r.amount, p.amounts);
    if (!why) return null;
    reasons.push(why);
  }
  if (r.flags.length) {
    const hit = r.flags.filter((f) => p.flags.includes(f));
    if (!hit.length) return null;
    reasons.push(list(hit, REVIEW_FLAG_LABELS));
  }
  return reasons.length ? reasons.join('；') : null;
}

/** Which enabled rules the proposal matches; a few comparisons per rule (well under 1 ms). */
export function evaluateCatalogue(catalogue: ReviewCatalogue, proposal: ProposalFacts): CatalogueEvaluation {
  const matched: RuleMatch[] = [];
  for (const r of catalogue.rules) {
    if (!r.enabled) continue;
    const reason = matchRule(r, proposal);
    if (reason) matched.push({ ruleId: r.id, title: r.title, reason, requiresDiscussion: r.requiresDiscussion });
  }
  return { major: matched.length > 0, requiresDiscussion: matched.some((m) => m.requiresDiscussion), matched };
}

/** Problems that make a catalogue unusable (Chinese messages); [] when it is fine. */
export function checkCatalogue(c: ReviewCatalogue): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  c.rules.forEach((r, i) => {
    const where = `第 ${i + 1} 条“${r.title || r.id}”`;
    if (!r.id.trim()) problems.push(`${where}缺少编号`);
    else if (seen.has(r.id)) problems.push(`${where}的编号“${r.id}”重复`);
    seen.add(r.id);
    if (!r.title.trim()) problems.push(`${where}缺少名称`);
    const conditions = r.caseTypes.length + r.procedures.length + r.measures.length + r.flags.length + (r.amount ? 1 : 0);
    if (!conditions) problems.push(`${where}没有任何条件，会把所有决定都列为重大，请至少设置一个条件`);
    if (r.amount) {
      const { person, organisation } = r.amount;
      if (person == null && organisation == null) problems.push(`${where}的数额标准对自然人和单位都未填写`);
      for (const v of [person, organisation]) {
        if (v != null && (!Number.isFinite(v) || v < 0)) problems.push(`${where}的数额标准应为不小于 0 的数`);
      }
    }
  });
  return problems;
}
