import { readFileSync } from 'node:fs';
import { authenticate } from '../../core/accounts/login.js';
import type { AppContext } from '../../core/app.js';
import { UserError } from '../../core/errors.js';
import { fmtBytes, offload } from '../../core/ingest/offload.js';
import type { Actor } from '../../core/ingest/register.js';
import { deriveQueueFor } from '../../core/media/proxy-queue.js';
import { readPassword, UsageError } from '../io.js';
import { withApp } from './common.js';
import type { Command } from './types.js';

/** The system user of command-line imports when no --user is given. */
export const CLI_ACTOR: Actor = { id: null, username: '(命令行)', officerId: null };

/**
 * Audit identity: with `--user U` (password from SANXIANG_PASSWORD or stdin) the import is
 * recorded under that account, which must be an officer or admin; without it, under the system
 * user "(命令行)" — whoever can run the command on the PC can already read the data folder.
 */
export function cliActor(app: AppContext, username: string | undefined, password: () => Promise<string>): Promise<Actor> {
  if (!username) return Promise.resolve(CLI_ACTOR);
  return password().then((pw) => {
    const { user } = authenticate(app, username, pw);
    if (!user.roles.some((r) => r === 'officer' || r === 'admin')) {
      throw new UserError('FORBIDDEN', '只有执法人员或管理员可以导入音像记录。');
    }
    return { id: user.id, username: user.username, officerId: user.officerId };
  });
}

export const ingestCommand: Command = {
  summary: '把执法记录仪（或文件夹）中的音像记录导入证据库：一次读取、边复制边校验，已导入的不重复复制',
  usage: 'ingest FOLDER --data D [--device 设备编号] [--profile 型号配置] [--user U] [--derive] [--json]',
  options: {
    device: { type: 'string' },
    profile: { type: 'string' },
    user: { type: 'string' },
    derive: { type: 'boolean' },
  },
  async run(args) {
    const folder = args.positionals[0];
    if (!folder) throw new UsageError('请指定要导入的文件夹，例如：sanxiang ingest E:\\ --data D:\\执法数据');
    return withApp(args, async (app) => {
      const actor = await cliActor(app, args.values.user as string | undefined, readPassword);
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        const r = await offload(app, {
          folder,
          deviceSerial: args.values.device as string | undefined,
          profileId: args.values.profile as string | undefined,
          actor,
          signal: controller.signal,
          onProgress: (p) =>
            args.out.progress(
              `导入中 ${p.filesDone}/${p.filesTotal} 个文件，${fmtBytes(p.bytesDone)}/${fmtBytes(p.bytesTotal)}，${p.mbPerSec} MB/s` +
                (p.etaSeconds !== null ? `，剩余约 ${p.etaSeconds} 秒` : ''),
            ),
        });
        let derived: { done: number; failed: number } | undefined;
        if (args.values.derive) {
          args.out.progress('正在生成缩略图和播放用副本…');
          derived = await deriveQueueFor(app).runUntilIdle();
        }
        const value: Record<string, unknown> = {
          copied: r.copied,
          duplicates: r.duplicates,
          skipped: r.skipped,
          failed: r.failed.map(({ path, reason }) => ({ path, reason })),
          warnings: r.warnings,
          bytes: r.bytes,
          items: r.items.map(({ source, sha256, size, mediaId, duplicate }) => ({ source, sha256, size, mediaId, duplicate })),
          deviceSerial: r.deviceSerial,
          runId: r.runId,
          cancelled: r.cancelled,
          durationMs: r.durationMs,
          ...(derived ? { derived } : {}),
        };
        // For `sanxiang bench ingest`: the process's peak memory.
        if (process.env.SANXIANG_BENCH_STATS === '1') value.maxRssKb = peakRssKb();
        const lines = [
          r.cancelled ? '导入已取消。' : '导入完成。',
          `新导入 ${r.copied} 个文件（${fmtBytes(r.bytes)}），重复内容 ${r.duplicates} 个，已导入过 ${r.skipped} 个，未导入 ${r.failed.length} 个。`,
          ...r.failed.map((f) => `  未导入：${f.path}（${f.reason}）`),
          ...r.warnings.map((f) => `  注意：${f.path}（${f.reason}）`),
        ];
        args.out.result(value, lines.join('\n'));
        return r.cancelled ? 1 : 0;
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
  },
};

/**
 * This process's peak resident memory in KiB. On Linux, VmHWM of /proc/self/status: getrusage's
 * maxRSS also counts the parent's memory at the fork that started this process.
 */
function peakRssKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}
