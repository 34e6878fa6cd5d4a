import { resolve } from 'node:path';
import { openApp } from '../../core/app.js';
import { resolveDataDir } from '../../core/data-folder.js';
import { fmtBytes } from '../../core/ingest/offload.js';
import { checkBackup } from '../../core/supervision/backup/check.js';
import { restoreBackup } from '../../core/supervision/backup/restore.js';
import { runBackup } from '../../core/supervision/backup/run.js';
import { UsageError } from '../io.js';
import type { Command } from './types.js';

const CLI_ACTOR = { id: null, username: '(命令行)', displayName: '命令行' };

export const backupCommand: Command = {
  summary: '备份数据库和证据库到另一块硬盘或网络共享（证据文件只复制新增的），写入后逐一校验；可由计划任务定时运行',
  usage: 'backup --data D [--out DIR] [--retention N] [--json]   （不给 --out 时使用设置中的备份位置）',
  options: { out: { type: 'string' }, retention: { type: 'string' } },
  async run(args) {
    const retention = args.values.retention ? Number(args.values.retention) : undefined;
    if (retention != null && (!Number.isInteger(retention) || retention < 1)) throw new UsageError('--retention 应为正整数');
    const app = openApp({ dataDir: resolveDataDir(args.values.data as string | undefined) });
    try {
      const r = await runBackup(app, CLI_ACTOR, { target: args.values.out ? resolve(args.values.out as string) : undefined, retention, onProgress: (s) => args.out.progress(s) });
      const text = r.unchanged
        ? `数据没有变化，最新备份 ${r.id} 仍然有效（${r.path}）。`
        : `备份完成并已校验：${r.path}\n  数据库 ${fmtBytes(r.dbSize)}，证据文件 ${r.vaultObjects} 个（本次新增 ${r.newObjects} 个，${fmtBytes(r.newBytes)}），用时 ${(r.ms / 1000).toFixed(1)} 秒${r.removed.length ? `\n  按保留份数删除旧备份：${r.removed.join('、')}` : ''}`;
      args.out.result({ ok: true, ...r }, text);
      return 0;
    } finally {
      app.close();
    }
  },
};

export const restoreCommand: Command = {
  summary: '从备份恢复到一个空的数据文件夹：逐一校验数据库和证据文件的哈希以及审计链；--check 只校验不恢复',
  usage: 'restore BACKUP_DIR --data EMPTY_DIR [--check] [--json]',
  options: { check: { type: 'boolean' } },
  async run(args) {
    const source = args.positionals[0];
    if (!source) throw new UsageError('请指定备份文件夹，例如：sanxiang restore E:\\sanxiang-backup --data D:\\sanxiang-data');
    if (args.values.check) {
      const r = await checkBackup(resolve(source), (s) => args.out.progress(s));
      args.out.result(r, r.message + (r.ok ? '' : `\n${r.damaged.map((d) => `  ${d.path}：${d.problem}`).join('\n')}`));
      return r.ok ? 0 : 1;
    }
    if (!args.values.data) throw new UsageError('请用 --data 指定要恢复到的空数据文件夹');
    const r = await restoreBackup(resolve(source), resolveDataDir(args.values.data as string), { actor: '(命令行)', onProgress: (s) => args.out.progress(s) });
    args.out.result(r, r.message);
    return 0;
  },
};
