import { resolve } from 'node:path';
import { verifyArchive, verifyProgressText } from '../../core/supervision/archive/verify.js';
import { UsageError } from '../io.js';
import type { Command } from './types.js';

export const archiveCommand: Command = {
  summary: '校验案卷归档包（文件夹或 zip）：每个文件与清单一致、无缺失无多余、清单哈希与验证证书一致；不需要数据库，可在任何电脑上运行',
  usage: 'archive verify PACKAGE [--json]',
  async run(args) {
    const [sub, pkg] = args.positionals;
    if (sub !== 'verify' || !pkg) throw new UsageError('用法：sanxiang archive verify 案卷包文件夹或zip');
    const r = await verifyArchive(resolve(pkg), (x) => args.out.progress(verifyProgressText(x)));
    args.out.result(r, r.message + (r.ok ? '' : `\n${r.problems.map((p) => `  ${p.path}：${p.problem}`).join('\n')}`));
    return r.ok ? 0 : 1;
  },
};
