/**
 * Throughput benchmark of `redact` on ~20 MB of synthetic decision text.
 *
 * The sample is built here from a dozen realistic sentence templates (with
 * valid ID and card check digits) so that the bench ships with the app and
 * does not depend on the test fixtures; pass other sentences (e.g. the test
 * corpus) to bench those instead. Uses only `performance.now()`, available
 * in Node and browsers. Never used in assertions (bench, not test).
 */
import { idCheckChar, luhnCheckDigit } from './checksums.js';
import { redact } from './redact.js';
import type { RedactOptions } from './types.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleSentences(): string[] {
  const r = rng(20260305);
  const d = (n: number): string => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const id = (): string => {
    const body = `510903${1960 + Math.floor(r() * 40)}0${1 + Math.floor(r() * 9)}1${Math.floor(r() * 9)}${d(3)}`;
    return body + idCheckChar(body);
  };
  const card = (): string => {
    const body = `622202${d(12)}`;
    return body + luhnCheckDigit(body);
  };
  const names = ['张三', '李建国', '王秀英', '欧阳娜娜', '刘德明', '陈小红'];
  const nm = (): string => names[Math.floor(r() * names.length)];
  const out: string[] = [];
  for (let i = 0; i < 60; i++) {
    out.push(
      `当事人${nm()}，男，汉族，公民身份号码${id()}，住址：四川省遂宁市船山区永兴镇石洞村${1 + (i % 9)}组${i + 1}号，联系电话13${d(9)}。`,
      `经查，${2025 - (i % 3)}年3月${1 + (i % 28)}日，当事人在遂宁市船山区永兴镇石洞村${1 + (i % 9)}组未经批准擅自采伐柏木${3 + (i % 20)}株，林木蓄积${(i % 7) + 1}.6立方米，毁坏林地${(i % 5) + 0.5}亩。`,
      `以上事实有现场勘验笔录、询问笔录、证人${nm()}的证言、执法记录仪音像资料（编号DCAM_0${i % 9}_2026030${1 + (i % 9)}）等证据证实。`,
      `依据《中华人民共和国森林法》第七十六条第一款的规定，本局决定对当事人处以罚款人民币${1000 + i * 37}元，并责令在原地补种${15 + i}株树木。`,
      `遂宁市某某木业有限公司，统一社会信用代码91510900MA62A${d(4)}X，住所：遂宁市船山区物流港${i + 1}号，法定代表人：王某。`,
      `罚款请于收到本决定书之日起十五日内缴至指定银行，逾期不缴纳的，每日按罚款数额的3%加处罚款。银行卡号${card()}，户名${nm()}。`,
      `当事人${nm()}驾驶川E·A${d(4)}货车运输木材${(i % 9) + 1}.2立方米，未能提供植物检疫证书，邮箱z${d(5)}@163.com。`,
      `遂林罚决字〔2026〕第${i + 1}号 行政处罚决定书 决定日期：2026年3月${1 + (i % 28)}日，咨询电话0825-2${d(6)}，监督电话12345。`,
      `本次检查时间为2026年3月5日9时30分至11时20分，检查面积0.8公顷，共发现问题${i % 4}处，已当场责令整改。`,
      `如不服本决定，可在收到本决定书之日起六十日内向遂宁市人民政府申请行政复议，或者六个月内向船山区人民法院提起行政诉讼。`,
    );
  }
  return out;
}

export interface BenchResult {
  mbPerSecond: number;
  /** UTF-8 bytes of the benchmarked text. */
  bytes: number;
  ms: number;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Times `redact` over ~`targetMB` MB (UTF-8) of text, processed as
 * documents of ~8 KB each (the size of a decision), and returns MB/s.
 */
export function benchRedact(opts: { targetMB?: number; sentences?: string[]; redactOptions?: RedactOptions } = {}): BenchResult {
  const sentences = opts.sentences ?? sampleSentences();
  const target = (opts.targetMB ?? 20) * 1024 * 1024;
  const docs: string[] = [];
  let bytes = 0;
  let doc = '';
  let i = 0;
  while (bytes < target) {
    const s = sentences[i++ % sentences.length];
    doc += s;
    if (doc.length >= 2800) {
      docs.push(doc);
      bytes += utf8Length(doc);
      doc = '';
    }
  }
  const ro = opts.redactOptions ?? { partyIsPerson: true, otherPersonNames: ['李建国'] };
  redact(docs[0], ro); // warm-up
  const t0 = performance.now();
  let sink = 0;
  for (const d of docs) sink += redact(d, ro).findings.length;
  const ms = performance.now() - t0;
  if (sink < 0) throw new Error('unreachable');
  return { mbPerSecond: Math.round((bytes / 1024 / 1024 / (ms / 1000)) * 10) / 10, bytes, ms: Math.round(ms) };
}
