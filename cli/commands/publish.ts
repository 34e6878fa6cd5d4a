import { existsSync, readFileSync } from 'node:fs';
import { authenticate } from '../../core/accounts/login.js';
import { UserError } from '../../core/errors.js';
import { runPublish, type Actor } from '../../core/publish/publish-run.js';
import { normaliseFingerprint } from '../../core/publish/sftp-client.js';
import type { PublishTarget } from '../../core/publish/targets.js';
import { readPassword, UsageError } from '../io.js';
import { withApp } from './common.js';
import type { Command, CommandArgs } from './types.js';

/** sftp://USER@HOST:PORT/DIR → its parts. */
export function parseSftpUrl(s: string): { host: string; port: number; username: string; remoteDir: string } {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new UsageError(`无法识别的地址：${s}（应为 sftp://用户@主机:端口/远程文件夹）`);
  }
  if (u.protocol !== 'sftp:' || !u.hostname || !u.username) throw new UsageError(`地址应为 sftp://用户@主机:端口/远程文件夹：${s}`);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 22,
    username: decodeURIComponent(u.username),
    remoteDir: decodeURIComponent(u.pathname),
  };
}

function targetOf(args: CommandArgs): PublishTarget {
  const keep = args.values.keep ? Number(args.values.keep) : 5;
  if (!Number.isInteger(keep) || keep < 1) throw new UsageError('--keep 应为正整数');
  if (args.values.folder) return { kind: 'folder', id: null, name: `folder:${args.values.folder}`, folderPath: args.values.folder as string, keepReleases: keep };
  if (args.values.cms) return { kind: 'cms', id: null, name: `cms:${args.values.cms}`, folderPath: args.values.cms as string, keepReleases: keep };
  if (!args.values.sftp) throw new UsageError('请指定发布目标：--sftp sftp://用户@主机:端口/远程文件夹（或 --folder 文件夹、--cms 文件夹）');
  const url = parseSftpUrl(args.values.sftp as string);
  const hostKey = args.values['host-key'] ? normaliseFingerprint(args.values['host-key'] as string) : null;
  if (args.values['host-key'] && !hostKey) throw new UsageError('--host-key 应为 SHA256:… 形式的主机密钥指纹（ssh-keygen -lf 显示的格式）');
  const identity = args.values.identity as string | undefined;
  if (identity && !existsSync(identity)) throw new UsageError(`找不到私钥文件：${identity}`);
  const password = process.env.SANXIANG_SFTP_PASSWORD;
  if (!identity && !password) throw new UsageError('请用 --identity 指定私钥文件，或通过环境变量 SANXIANG_SFTP_PASSWORD 提供密码');
  return {
    kind: 'sftp',
    id: null,
    name: `sftp://${url.username}@${url.host}:${url.port}${url.remoteDir}`,
    keepReleases: keep,
    sftp: {
      ...url,
      hostKey,
      ...(identity ? { privateKey: readFileSync(identity, 'utf8'), passphrase: process.env.SANXIANG_KEY_PASSPHRASE || undefined } : { password }),
    },
  };
}

export const publishCommand: Command = {
  summary: '生成公示网站并发布（只上传有变化的文件，原子切换；主机密钥不符时拒绝连接）',
  usage:
    'publish --data D --sftp sftp://USER@HOST:PORT/DIR --identity KEYFILE --host-key SHA256:FP [--keep N] [--user U] [--json]\n      或 publish --data D --folder 文件夹 | --cms 文件夹   （密码方式：环境变量 SANXIANG_SFTP_PASSWORD）',
  options: {
    sftp: { type: 'string' },
    identity: { type: 'string' },
    'host-key': { type: 'string' },
    folder: { type: 'string' },
    cms: { type: 'string' },
    keep: { type: 'string' },
    user: { type: 'string' },
  },
  async run(args) {
    const target = targetOf(args);
    return withApp(args, async (app) => {
      let actor: Actor = { id: null, username: '(命令行)' };
      if (args.values.user) {
        const { user } = authenticate(app, args.values.user as string, await readPassword());
        if (!user.roles.includes('publisher')) throw new UserError('FORBIDDEN', '只有信息公开员可以发布公示网站。');
        actor = { id: user.id, username: user.username };
      }
      const r = await runPublish(app, target, actor, {
        onProgress: (p) => args.out.progress(`${p.phase} ${p.filesDone}/${p.filesTotal}`),
      });
      const text = r.switched
        ? `已发布版本 ${r.release}：上传 ${r.uploaded} 个文件，服务器端复用 ${r.linked} 个，续传 ${r.resumed} 个，删除 ${r.deleted} 个，${r.bytes} 字节。`
        : `内容没有变化（版本 ${r.release}），未上传任何文件。`;
      args.out.result(
        { uploaded: r.uploaded, deleted: r.deleted, bytes: r.bytes, release: r.release, linked: r.linked, resumed: r.resumed, switched: r.switched, files: r.files, items: r.items, output: r.output },
        r.output ? `${text}\n导入包：${r.output}` : text,
      );
      return 0;
    });
  },
};
