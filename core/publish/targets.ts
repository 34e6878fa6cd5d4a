import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import ssh2 from 'ssh2';
import type { OpInput } from '../../shared/contract/index.js';
import type { PublishTargetKind } from '../../shared/disclosure-domain.js';
import type { PublishTargetInfo } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';
import { conflict, invalid, notFound, UserError } from '../errors.js';
import { decryptSecret, encryptSecret } from './secrets.js';
import { normaliseFingerprint, type SftpTarget } from './sftp-client.js';
import { checkRemoteDir } from './remote-paths.js';

export type PublishTarget =
  | { kind: 'sftp'; id: number | null; name: string; sftp: SftpTarget; keepReleases: number }
  | { kind: 'folder' | 'cms'; id: number | null; name: string; folderPath: string; keepReleases: number };

interface Row {
  id: number;
  name: string;
  kind: PublishTargetKind;
  host: string;
  port: number;
  username: string;
  remoteDir: string;
  hostKey: string;
  auth: 'password' | 'key';
  secret: string | null;
  passphrase: string | null;
  folderPath: string;
  keepReleases: number;
}

const COLS = `id, name, kind, host, port, username, remote_dir AS remoteDir, host_key AS hostKey, auth, secret, passphrase,
  folder_path AS folderPath, keep_releases AS keepReleases`;

const row = (app: AppContext, id: number) => app.db.prepare(`SELECT ${COLS} FROM publish_targets WHERE id = ? AND deleted = 0`).get(id) as Row | undefined;

export function listTargets(app: AppContext): PublishTargetInfo[] {
  const rows = app.db.prepare(`SELECT ${COLS} FROM publish_targets WHERE deleted = 0 ORDER BY name`).all() as Row[];
  return rows.map((r) => info(app, r));
}

function info(app: AppContext, r: Row): PublishTargetInfo {
  const last = app.db
    .prepare(`SELECT release_id AS release, finished_at AS at FROM publish_runs WHERE target_id = ? AND state IN ('done','unchanged') ORDER BY id DESC LIMIT 1`)
    .get(r.id) as { release: string; at: string } | undefined;
  const { secret, passphrase: _p, ...rest } = r;
  return { ...rest, hasSecret: !!secret, lastRelease: last?.release ?? null, lastPublishedAt: last?.at ?? null };
}

export function targetInfo(app: AppContext, id: number): PublishTargetInfo {
  const r = row(app, id);
  if (!r) throw notFound('该发布目标');
  return info(app, r);
}

/** Checks a private key (and its passphrase) parses, so a bad key is caught when saved, not when publishing. */
function checkKey(key: string, passphrase: string | undefined): void {
  const parsed = ssh2.utils.parseKey(key, passphrase);
  if (parsed instanceof Error) {
    const needsPass = /passphrase|encrypted/i.test(parsed.message);
    throw new UserError('KEY_INVALID', needsPass ? '私钥已加密：请填写正确的私钥密码。' : `无法识别私钥（${parsed.message}）。请选择 OpenSSH 或 PEM 格式的私钥文件。`);
  }
}

export function saveTarget(app: AppContext, input: OpInput<'publish.targets.save'>, at: string): number {
  const before = input.id ? row(app, input.id) : undefined;
  if (input.id && !before) throw notFound('该发布目标');
  const other = app.db.prepare('SELECT id FROM publish_targets WHERE name = ? AND deleted = 0').get(input.name) as { id: number } | undefined;
  if (other && other.id !== input.id) throw conflict(`已有名为“${input.name}”的发布目标。`);
  let secret = before?.secret ?? null;
  let passphrase = before?.passphrase ?? null;
  const hostKey = input.hostKey ? normaliseFingerprint(input.hostKey) : '';
  if (input.kind === 'sftp') {
    if (!input.host) throw invalid('请填写服务器地址。');
    if (!input.username) throw invalid('请填写登录用户名。');
    checkRemoteDir(input.remoteDir);
    if (input.hostKey && !hostKey) throw invalid('主机密钥指纹格式不正确，应类似 SHA256:AbC…（43 个字符）。请使用“读取指纹”获取。');
    if (input.auth === 'password' && input.password !== undefined) secret = input.password ? encryptSecret(app, input.password) : null;
    if (input.auth === 'key') {
      let key = input.privateKey;
      if (!key && input.privateKeyPath) {
        if (!existsSync(input.privateKeyPath)) throw invalid(`找不到私钥文件 ${input.privateKeyPath}。`);
        key = readFileSync(input.privateKeyPath, 'utf8');
      }
      if (input.passphrase !== undefined) passphrase = input.passphrase ? encryptSecret(app, input.passphrase) : null;
      if (key) {
        checkKey(key, input.passphrase ?? (passphrase ? decryptSecret(app, passphrase) : undefined));
        secret = encryptSecret(app, key);
      }
    }
    if (!secret) throw invalid(input.auth === 'password' ? '请填写登录密码。' : '请选择私钥文件。');
    if (before && before.auth !== input.auth && input.password === undefined && !input.privateKey && !input.privateKeyPath) {
      throw invalid('更换登录方式后，请重新填写密码或选择私钥文件。');
    }
  } else if (!input.folderPath || !isAbsolute(input.folderPath)) {
    throw invalid(input.kind === 'folder' ? '请选择要发布到的文件夹（共享文件夹或U盘上的完整路径）。' : '请选择导入包的保存文件夹（完整路径）。');
  }
  const v = { ...input, hostKey, secret, passphrase, at, port: input.port, remoteDir: input.remoteDir };
  if (before) {
    app.db
      .prepare(
        `UPDATE publish_targets SET name = @name, kind = @kind, host = @host, port = @port, username = @username, remote_dir = @remoteDir,
           host_key = @hostKey, auth = @auth, secret = @secret, passphrase = @passphrase, folder_path = @folderPath,
           keep_releases = @keepReleases, updated_at = @at WHERE id = @id`,
      )
      .run(pick(v));
    return before.id;
  }
  return Number(
    app.db
      .prepare(
        `INSERT INTO publish_targets (name, kind, host, port, username, remote_dir, host_key, auth, secret, passphrase, folder_path, keep_releases, created_at, updated_at)
         VALUES (@name, @kind, @host, @port, @username, @remoteDir, @hostKey, @auth, @secret, @passphrase, @folderPath, @keepReleases, @at, @at)`,
      )
      .run(pick(v)).lastInsertRowid,
  );
}

const pick = (v: Record<string, unknown>) => {
  const keys = ['id', 'name', 'kind', 'host', 'port', 'username', 'remoteDir', 'hostKey', 'auth', 'secret', 'passphrase', 'folderPath', 'keepReleases', 'at'];
  return Object.fromEntries(keys.filter((k) => k !== 'id' || v.id !== undefined).map((k) => [k, v[k] ?? null]));
};

export function deleteTarget(app: AppContext, id: number, at: string): void {
  if (!row(app, id)) throw notFound('该发布目标');
  app.db.prepare('UPDATE publish_targets SET deleted = 1, secret = NULL, passphrase = NULL, updated_at = ? WHERE id = ?').run(at, id);
}

/** A saved target with its secrets decrypted, ready to publish to. */
export function resolveTarget(app: AppContext, id: number): PublishTarget {
  const r = row(app, id);
  if (!r) throw notFound('该发布目标');
  if (r.kind !== 'sftp') return { kind: r.kind, id: r.id, name: r.name, folderPath: r.folderPath, keepReleases: r.keepReleases };
  const secret = r.secret ? decryptSecret(app, r.secret) : '';
  return {
    kind: 'sftp',
    id: r.id,
    name: r.name,
    keepReleases: r.keepReleases,
    sftp: {
      host: r.host,
      port: r.port,
      username: r.username,
      remoteDir: r.remoteDir,
      hostKey: r.hostKey || null,
      ...(r.auth === 'password' ? { password: secret } : { privateKey: secret, passphrase: r.passphrase ? decryptSecret(app, r.passphrase) : undefined }),
    },
  };
}
