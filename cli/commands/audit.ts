import { verifyAuditChain } from '../../core/audit/audit-log.js';
import { UsageError } from '../io.js';
import { withApp } from './common.js';
import type { Command } from './types.js';

export const auditCommand: Command = {
  summary: '校验审计记录的哈希链',
  usage: 'audit verify --data D',
  async run(args) {
    if (args.positionals[0] !== 'verify') throw new UsageError('用法：sanxiang audit verify --data D');
    return withApp(args, (app) => {
      const r = verifyAuditChain(app.db);
      const text = r.ok
        ? `审计链完整：共 ${r.entries} 条记录，链头 ${r.headHash}`
        : `审计链被破坏：${r.problem}（第一条问题记录：${r.firstBad}）`;
      args.out.result({ ok: r.ok, entries: r.entries, firstBad: r.firstBad, problem: r.problem, head: r.headHash }, text);
      return r.ok ? 0 : 1;
    });
  },
};
