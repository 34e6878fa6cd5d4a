import { FINDING_KIND_LABELS, redact, type RedactDecisionKind } from '../../shared/logic/redact/index.js';
import { UsageError } from '../io.js';
import type { Command } from './types.js';

const KINDS: RedactDecisionKind[] = ['penalty', 'permit', 'coercion', 'levy', 'inspection', 'other'];

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('请从标准输入提供要脱敏的文字，例如：sanxiang redact < 决定书.txt');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const redactCommand: Command = {
  summary: '按公示规则对标准输入的文字脱敏（身份证号、手机号、住址、银行卡、第三人姓名等）',
  usage: 'redact [--kind penalty|permit|coercion|levy|inspection|other] [--party 当事人] [--person] [--others 姓名1,姓名2] [--json] < 文本',
  options: { kind: { type: 'string' }, party: { type: 'string' }, person: { type: 'boolean' }, others: { type: 'string' } },
  async run(args) {
    const kind = ((args.values.kind as string) || 'penalty') as RedactDecisionKind;
    if (!KINDS.includes(kind)) throw new UsageError(`--kind 应为 ${KINDS.join('、')} 之一`);
    const text = await readStdin();
    const party = (args.values.party as string) || undefined;
    const r = redact(text, {
      kind,
      partyName: party,
      partyIsPerson: party ? !!args.values.person || undefined : undefined,
      otherPersonNames: ((args.values.others as string) || '').split(/[,，、]/).map((s) => s.trim()).filter(Boolean),
    });
    const findings = r.findings.map((f) => ({ kind: f.kind, start: f.start, end: f.end }));
    const summary = r.findings.length
      ? `\n\n共 ${r.findings.length} 处：${r.findings.map((f) => `${FINDING_KIND_LABELS[f.kind]}“${f.text}”`).join('、')}`
      : '\n\n未发现个人信息。';
    if (args.out.json) args.out.result({ text: r.text, findings });
    else {
      process.stdout.write(r.text);
      process.stderr.write(summary + '\n');
    }
    return 0;
  },
};
