import type { CaseType, PartyKind, Procedure } from '../../shared/domain.js';
import type { DecisionType, DiscretionLevel, Measure, ReviewFlag } from '../../shared/review-domain.js';
import type { Rng } from './random.js';

/**
 * What the bureau decided in a past demo case, from its template and the figures in its facts
 * (area in 亩, volume in 立方米): fines and confiscations on the scales of the laws cited, so the
 * year's totals look like a forestry bureau's. Synthetic, like all demo data.
 */
export interface PastDecision {
  decisionType: DecisionType;
  measures: Measure[];
  fine: number;
  confiscation: number;
  content: string;
  legalBasis: string;
  discretion: DiscretionLevel;
  /** Catalogue flags the handler declares when submitting it for legal review. */
  flags: ReviewFlag[];
}

/** How a past case ends: a decision, or closed without one. */
export type PastOutcome =
  | { kind: 'decision'; decision: PastDecision }
  /** 撤销立案: the facts were not established. */
  | { kind: 'dropped' }
  /** 移送司法机关: the amount reaches the criminal threshold (the legal review says so). */
  | { kind: 'transfer'; proposal: PastDecision };

export interface PastCaseFacts {
  caseType: CaseType;
  procedure: Procedure;
  title: string;
  facts: string;
  partyKind: PartyKind;
}

const figure = (facts: string, unit: '亩' | '立方米'): number => Number(facts.match(new RegExp(`(\\d+(?:\\.\\d+)?)${unit}`))?.[1] ?? 1);
const roundTo = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);
const yuan = (n: number) => n.toLocaleString('zh-CN');
const SQ_M_PER_MU = 666.7;
/** Value of standing timber, 元 per 立方米 (a 林业 price assessment would set it case by case). */
const TIMBER_PRICE = 850;

const NO_PENALTY: PastDecision = {
  decisionType: 'noPenalty',
  measures: [],
  fine: 0,
  confiscation: 0,
  content: '当事人违法行为轻微并及时改正，没有造成危害后果，决定不予行政处罚，并对当事人进行了批评教育。',
  legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
  discretion: 'exempt',
  flags: [],
};

/** A decision without fines or confiscations. */
const unpaid = (content: string, legalBasis: string, decisionType: DecisionType = 'other', measures: Measure[] = []): PastDecision => ({
  decisionType,
  measures,
  fine: 0,
  confiscation: 0,
  content,
  legalBasis,
  discretion: 'ordinary',
  flags: [],
});

/** 当场处罚 (simple procedure): a warning, or a fine within the limits of 行政处罚法 第五十一条. */
function onTheSpot(f: PastCaseFacts, rng: Rng): PastDecision {
  if (rng.chance(0.3)) {
    return { ...unpaid('当场作出行政处罚决定：给予警告，责令立即改正违法行为。', '《中华人民共和国行政处罚法》第五十一条', 'penalty', ['warning']), discretion: 'lighter' };
  }
  const fine = f.partyKind === 'person' ? roundTo(rng.int(50, 200), 50) : roundTo(rng.int(500, 3000), 100);
  return {
    ...unpaid(`当场作出行政处罚决定：处罚款人民币 ${yuan(fine)} 元，责令立即改正违法行为。`, '《中华人民共和国行政处罚法》第五十一条', 'penalty', ['fine']),
    fine,
  };
}

/** The penalty an ordinary-procedure case ends with (or its way of ending without one). */
function penalty(f: PastCaseFacts, rng: Rng): PastOutcome {
  const org = f.partyKind === 'organisation';
  const decision = (d: Omit<PastDecision, 'decisionType' | 'flags'>): PastOutcome => {
    const large = d.fine + d.confiscation >= (org ? 100_000 : 10_000);
    const flags: ReviewFlag[] = large ? ['hearingQualified'] : [];
    if (d.fine >= 150_000) flags.push('complex');
    return { kind: 'decision', decision: { ...d, decisionType: 'penalty', flags } };
  };
  if (rng.chance(0.04)) return { kind: 'dropped' };
  const title = f.title;
  if (title.endsWith('擅自改变林地用途案')) {
    const area = figure(f.facts, '亩');
    if (area < 2 && rng.chance(0.4)) return { kind: 'decision', decision: NO_PENALTY };
    const rate = rng.pick([10, 10, 15, 20]);
    const m2 = Math.round(area * SQ_M_PER_MU);
    const fine = roundTo(m2 * rate, 100);
    return decision({
      measures: ['fine'],
      fine,
      confiscation: 0,
      content: `责令当事人限期恢复植被和林业生产条件，并处罚款人民币 ${yuan(fine)} 元（改变用途林地 ${yuan(m2)} 平方米，每平方米 ${rate} 元）。`,
      legalBasis: '《中华人民共和国森林法》第七十三条第一款',
      discretion: rate === 10 ? 'lighter' : 'ordinary',
    });
  }
  if (title.endsWith('滥伐林木案')) {
    const volume = figure(f.facts, '立方米');
    const times = rng.pick([3, 3, 4]);
    const fine = roundTo(volume * TIMBER_PRICE * times, 100);
    const d = {
      measures: ['fine'] as Measure[],
      fine,
      confiscation: 0,
      content: `责令当事人在原地补种滥伐株数五倍的树木，并处滥伐林木价值 ${times} 倍的罚款人民币 ${yuan(fine)} 元。`,
      legalBasis: '《中华人民共和国森林法》第七十六条第二款',
      discretion: (times === 3 ? 'lighter' : 'ordinary') as DiscretionLevel,
    };
    // 滥伐 of this size is a crime: the review sends it to the police instead.
    if (volume >= 30) return { kind: 'transfer', proposal: { ...d, decisionType: 'penalty', flags: [] } };
    return decision(d);
  }
  if (title.endsWith('无证运输木材案') || title.endsWith('非法收购明知是盗伐林木案')) {
    const volume = figure(f.facts, '立方米');
    const value = roundTo(volume * TIMBER_PRICE, 10);
    const buying = title.endsWith('非法收购明知是盗伐林木案');
    const sold = buying && rng.chance(0.4);
    const fine = roundTo(value * (buying ? rng.pick([1, 1.5, 2]) : rng.pick([0.1, 0.2, 0.3])), 100);
    return decision({
      measures: [sold ? 'confiscateGains' : 'confiscateProperty', 'fine'],
      fine,
      confiscation: value,
      content: sold
        ? `没收当事人变卖违法收购林木所得人民币 ${yuan(value)} 元，并处罚款人民币 ${yuan(fine)} 元。`
        : `没收${buying ? '违法收购' : '非法运输'}的木材 ${volume} 立方米（折价人民币 ${yuan(value)} 元），并处罚款人民币 ${yuan(fine)} 元。`,
      legalBasis: buying ? '《中华人民共和国森林法》第七十八条' : '《中华人民共和国森林法实施条例》第四十四条第一款',
      discretion: 'ordinary',
    });
  }
  if (title.endsWith('擅自移动森林防火标志案')) {
    if (rng.chance(0.5)) return { kind: 'decision', decision: NO_PENALTY };
    const fine = org ? roundTo(rng.int(2000, 5000), 500) : roundTo(rng.int(200, 1000), 100);
    return decision({
      measures: ['warning', 'fine'],
      fine,
      confiscation: 0,
      content: `给予警告，责令限期恢复原状，并处罚款人民币 ${yuan(fine)} 元。`,
      legalBasis: '《森林防火条例》第四十九条',
      discretion: 'lighter',
    });
  }
  // 野外违规用火
  const area = figure(f.facts, '亩');
  const fine = org ? roundTo(10_000 + area * 1000, 1000) : roundTo(Math.min(3000, 200 + area * 100), 100);
  return decision({
    measures: ['warning', 'fine'],
    fine,
    confiscation: 0,
    content: `责令停止违法行为，给予警告，并处罚款人民币 ${yuan(fine)} 元。`,
    legalBasis: '《森林防火条例》第五十条',
    discretion: area > 15 ? 'heavier' : 'ordinary',
  });
}

export function pastOutcome(f: PastCaseFacts, rng: Rng): PastOutcome {
  const t = f.title;
  switch (f.caseType) {
    case 'penalty':
      return f.procedure === 'simple' ? { kind: 'decision', decision: onTheSpot(f, rng) } : penalty(f, rng);
    case 'permit':
      if (t.endsWith('林木采伐许可申请')) {
        return rng.chance(0.12)
          ? { kind: 'decision', decision: unpaid('申请采伐的林木位于国家级公益林范围内，不符合采伐条件，决定不予行政许可。', '《中华人民共和国森林法》第五十六条', 'permit', ['permitDenial']) }
          : { kind: 'decision', decision: unpaid('准予按申请的地点、面积、蓄积和树种采伐，采伐期限为一年，采伐后一年内完成更新造林。', '《中华人民共和国森林法》第五十六条', 'permit') };
      }
      if (t.endsWith('使用林地审核申请')) {
        return { kind: 'decision', decision: unpaid(`同意使用林地 ${figure(f.facts, '亩')} 亩，用地单位须按规定缴纳森林植被恢复费。`, '《中华人民共和国森林法》第三十七条', 'permit') };
      }
      return { kind: 'decision', decision: unpaid('经检疫未发现检疫性有害生物，准予核发植物检疫证书。', '《植物检疫条例》第七条', 'permit') };
    case 'coercion':
      if (t.endsWith('查封扣押违法运输木材')) {
        const volume = figure(f.facts, '立方米');
        const content = `对当事人运输的原木 ${volume} 立方米予以扣押，扣押期限三十日，扣押木材存放于本局木材检查站。`;
        return { kind: 'decision', decision: unpaid(content, '《中华人民共和国行政强制法》第九条、第二十四条；《中华人民共和国森林法》第六十七条', 'coercion', ['seizure']) };
      }
      return { kind: 'decision', decision: unpaid('责令当事人立即停止违法建设，限十日内自行拆除林地内的违法建筑物并恢复原状；逾期不拆除的，依法申请人民法院强制执行。', '《中华人民共和国行政强制法》第四十四条；《中华人民共和国森林法》第七十三条', 'coercion', ['other']) };
    case 'levy': {
      const area = figure(f.facts, '亩');
      return { kind: 'decision', decision: unpaid(`征收森林植被恢复费人民币 ${yuan(roundTo(area * SQ_M_PER_MU * 10, 10))} 元（使用林地 ${area} 亩，每平方米 10 元）。`, '《中华人民共和国森林法》第三十七条第二款') };
    }
    case 'inspection':
      return {
        kind: 'decision',
        decision: rng.chance(0.8)
          ? unpaid('检查未发现违法行为，已当场告知检查结果。', '《中华人民共和国森林法》第六十六条')
          : unpaid('检查发现木材进出库台账登记不全，已当场责令十五日内整改，整改情况已复查。', '《中华人民共和国森林法》第六十六条'),
      };
    case 'confirmation':
      return { kind: 'decision', decision: unpaid('经审查，确认申请人对申请范围内林木享有所有权，予以登记。', '《中华人民共和国森林法》第十五条') };
    default:
      return { kind: 'decision', decision: unpaid('已完成协查核实，并书面函复来函单位。', '《中华人民共和国行政处罚法》第二十六条') };
  }
}
