import { fmtBytes } from '../../core/ingest/offload.js';
import { auditVerify, verifyVault } from '../../core/ingest/vault-verify.js';
import { CLI_ACTOR } from './ingest.js';
import { withApp } from './common.js';
import type { Command } from './types.js';

export const verifyCommand: Command = {
  summary: '重新计算证据库中每个文件的 SHA-256，报告被改动和缺失的文件（可用计划任务定期运行）',
  usage: 'verify --data D [--json]',
  async run(args) {
    return withApp(args, async (app) => {
      const r = await verifyVault(app, {
        onProgress: (checked, total, bytes) => args.out.progress(`校验中 ${checked}/${total} 个文件，${fmtBytes(bytes)}`),
      });
      auditVerify(app, CLI_ACTOR, r);
      const text = r.ok
        ? `证据库完整：校验 ${r.checked} 个文件（${fmtBytes(r.bytes)}），全部与登记的哈希一致。`
        : [
            `证据库校验发现问题：校验 ${r.checked} 个文件，${r.mismatched.length} 个内容被改动，${r.missing.length} 个缺失。`,
            ...r.mismatched.map((m) => `  内容不符：${m.path}（${m.kinds.join('、')}）`),
            ...r.missing.map((m) => `  缺失：${m.path}（${m.kinds.join('、')}）`),
          ].join('\n');
      const extra = r.unregistered.length ? `\n另有 ${r.unregistered.length} 个未登记的文件（中断的导入留下，下次导入时会自动登记）。` : '';
      args.out.result(r, text + extra);
      return r.ok ? 0 : 1;
    });
  },
};
