import { redact } from './shared/logic/redact/index.ts';
import { benchRedact } from './shared/logic/redact/bench.ts';
// single large doc
const parts: string[] = [];
const s = '当事人张三，男，汉族，公民身份号码510902198001011234，住址：四川省遂宁市船山区永兴镇石洞村3组5号，联系电话13812345678。经查，2025年3月1日，当事人在遂宁市船山区永兴镇石洞村1组未经批准擅自采伐柏木3株，林木蓄积1.6立方米。遂林罚决字〔2026〕第15号，罚款人民币5000元。如不服本决定，可在收到本决定书之日起六十日内向遂宁市人民政府申请行政复议。';
let n = 0; while (n < 20e6) { parts.push(s); n += s.length * 3; }
const big = parts.join('');
const t0 = performance.now(); const r = redact(big, { partyIsPerson: true }); const ms = performance.now() - t0;
console.log('single', (Buffer.byteLength(big) / 1048576 / (ms / 1000)).toFixed(1), 'MB/s', r.findings.length);
const plain = '依据《中华人民共和国森林法》第七十四条第一款的规定，本局决定对当事人处以罚款人民币5000元，并责令在原地补种树木。'.repeat(200000);
const t1 = performance.now(); redact(plain); const ms1 = performance.now() - t1;
console.log('plain', (Buffer.byteLength(plain) / 1048576 / (ms1 / 1000)).toFixed(1), 'MB/s');
