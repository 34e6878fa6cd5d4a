import { createHash } from 'node:crypto';
import ssh2, { type Client as SshClient, type SFTPWrapper, type Stats } from 'ssh2';
import { UserError } from '../errors.js';

export interface SftpTarget {
  host: string;
  port: number;
  username: string;
  remoteDir: string;
  /** Pinned host key, `SHA256:…` as OpenSSH prints it; null = not pinned yet. */
  hostKey: string | null;
  password?: string;
  privateKey?: string | Buffer;
  passphrase?: string;
}

/** `SHA256:` + unpadded base64 of the SHA-256 of the host key blob (as `ssh-keygen -l` prints it). */
export const fingerprintOf = (key: Buffer): string => `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

/** A pinned fingerprint in canonical form, or '' when it is not one. */
export function normaliseFingerprint(s: string): string {
  const b = s.trim().replace(/^SHA256:/i, '').replace(/=+$/, '');
  return /^[A-Za-z0-9+/]{43}$/.test(b) ? `SHA256:${b}` : '';
}

const keyAlgorithm = (key: Buffer): string => {
  const n = key.readUInt32BE(0);
  return key.subarray(4, 4 + n).toString('latin1');
};

const STATUS = { NO_SUCH_FILE: 2, PERMISSION_DENIED: 3, FAILURE: 4 };

export const isNoSuchFile = (e: unknown) => (e as { code?: unknown })?.code === STATUS.NO_SUCH_FILE;

/** An ssh2 or SFTP error as a Chinese message naming the fix. */
export function mapSshError(e: unknown, t: Pick<SftpTarget, 'host' | 'port' | 'username'>, path?: string): UserError {
  if (e instanceof UserError) return e;
  const err = e as Error & { code?: unknown; level?: string };
  const where = `${t.host}:${t.port}`;
  if (/parse privateKey|private key|passphrase/i.test(err.message ?? '')) {
    return new UserError('KEY_INVALID', `无法使用保存的私钥（${err.message}）。请在发布目标中重新选择私钥文件并填写正确的私钥密码。`);
  }
  if (err.level === 'client-authentication') {
    return new UserError('AUTH_FAILED', `服务器 ${where} 拒绝了账号 ${t.username} 的登录（密码或私钥不正确）。请在发布目标中核对用户名、密码或私钥，或请服务器管理员确认公钥已加入该账号的 authorized_keys。`);
  }
  if (['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(String(err.code)) || err.level === 'client-timeout') {
    const why = err.code === 'ECONNREFUSED' ? '连接被拒绝' : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' ? '找不到该主机' : '连接超时';
    return new UserError('UNREACHABLE', `无法连接到服务器 ${where}（${why}）。请检查服务器地址和端口、本机网络，以及服务器上的 SSH 服务是否在运行。线上网站未受影响。`);
  }
  if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || /No response from server|Not connected|socket|closed/i.test(err.message ?? '')) {
    return connectionLost(where);
  }
  if (err.code === STATUS.PERMISSION_DENIED) {
    return new UserError('PERMISSION_DENIED', `服务器拒绝写入${path ? ` ${path}` : ''}：账号 ${t.username} 没有权限。请让服务器管理员授予该账号对远程文件夹的写权限，或换一个远程文件夹。线上网站未受影响。`);
  }
  if (/no space|ENOSPC|quota/i.test(err.message ?? '')) return diskFull(where);
  return new UserError('SFTP_FAILED', `服务器 ${where} 上的操作失败${path ? `（${path}）` : ''}：${err.message}。线上网站未受影响，请稍后重试或联系服务器管理员。`);
}

export const connectionLost = (where: string) =>
  new UserError('CONNECTION_LOST', `与服务器 ${where} 的连接中断，发布未完成；线上网站未受影响。请检查网络后重新发布，已上传的文件会继续使用。`);
export const diskFull = (where: string) =>
  new UserError('REMOTE_DISK_FULL', `服务器 ${where} 磁盘空间不足，发布未完成；线上网站未受影响。请清理服务器磁盘，或在发布目标中减少保留的历史版本数后重试。`);

/** Reads the server's host key without logging in (for first-time confirmation). */
export function probeHostKey(host: string, port: number, timeoutMs = 10_000): Promise<{ fingerprint: string; algorithm: string }> {
  return new Promise((resolve, reject) => {
    const c = new ssh2.Client();
    let got: { fingerprint: string; algorithm: string } | null = null;
    c.on('error', (e) => {
      if (got) resolve(got);
      else reject(mapSshError(e, { host, port, username: '' }));
    });
    c.connect({
      host,
      port,
      username: 'probe',
      readyTimeout: timeoutMs,
      hostVerifier: (key: Buffer) => {
        got = { fingerprint: fingerprintOf(key), algorithm: keyAlgorithm(key) };
        return false;
      },
    });
  });
}

/** A logged-in SFTP session with promise methods; every failure becomes a Chinese UserError. */
export class SftpSession {
  lost = false;
  readonly where: string;
  constructor(
    private readonly client: SshClient,
    readonly sftp: SFTPWrapper,
    readonly target: SftpTarget,
  ) {
    this.where = `${target.host}:${target.port}`;
    // A dropped connection can leave SFTP requests unanswered: fail them all at once.
    const drop = () => {
      this.lost = true;
      for (const reject of this.pending) reject(connectionLost(this.where));
      this.pending.clear();
    };
    client.on('close', drop);
    client.on('end', drop);
    client.on('error', drop);
    sftp.on('close', drop);
  }

  private readonly pending = new Set<(e: Error) => void>();

  private call<T>(path: string, fn: (cb: (err: Error | null | undefined, v?: T) => void) => void): Promise<T> {
    if (this.lost) return Promise.reject(connectionLost(this.where));
    return new Promise<T>((resolve, reject) => {
      this.pending.add(reject);
      const done = (err: Error | null | undefined, v?: T) => {
        this.pending.delete(reject);
        if (err) reject(this.lost ? connectionLost(this.where) : Object.assign(err, { path }));
        else resolve(v as T);
      };
      try {
        fn(done);
      } catch (e) {
        this.pending.delete(reject);
        reject(e);
      }
    });
  }

  /** Maps a raw error (with `.path`) to the user's message. */
  fail(e: unknown): UserError {
    if (this.lost) return connectionLost(this.where);
    return mapSshError(e, this.target, (e as { path?: string })?.path);
  }

  stat = (p: string) => this.call<Stats>(p, (cb) => this.sftp.lstat(p, cb)).catch((e) => (isNoSuchFile(e) ? null : Promise.reject(e)));
  mkdir = (p: string) => this.call<void>(p, (cb) => this.sftp.mkdir(p, cb));
  readdir = (p: string) => this.call<{ filename: string; attrs: Stats }[]>(p, (cb) => this.sftp.readdir(p, cb));
  readlink = (p: string) => this.call<string>(p, (cb) => this.sftp.readlink(p, cb)).catch((e) => (isNoSuchFile(e) ? null : Promise.reject(e)));
  symlink = (target: string, link: string) => this.call<void>(link, (cb) => this.sftp.symlink(target, link, cb));
  unlink = (p: string) => this.call<void>(p, (cb) => this.sftp.unlink(p, cb));
  rmdir = (p: string) => this.call<void>(p, (cb) => this.sftp.rmdir(p, cb));
  readFile = (p: string) => this.call<Buffer>(p, (cb) => this.sftp.readFile(p, cb as (e: Error | null | undefined, b?: Buffer) => void));
  writeFile = (p: string, data: Buffer) => this.call<void>(p, (cb) => this.sftp.writeFile(p, data, cb));
  /** Atomic replace (posix-rename@openssh.com). */
  rename = (from: string, to: string) => this.call<void>(to, (cb) => this.sftp.ext_openssh_rename(from, to, cb));
  /** Hard link (hardlink@openssh.com); false when the server does not offer the extension. */
  async hardlink(from: string, to: string): Promise<boolean> {
    try {
      await this.call<void>(to, (cb) => this.sftp.ext_openssh_hardlink(from, to, cb));
      return true;
    } catch (e) {
      if (/does not support/i.test((e as Error).message)) return false;
      throw e;
    }
  }
  /** Free bytes for the account at `p` (statvfs@openssh.com), or null when unknown. */
  async freeBytes(p: string): Promise<number | null> {
    try {
      const s = await this.call<{ f_bavail: number | bigint; f_frsize: number | bigint }>(p, (cb) => this.sftp.ext_openssh_statvfs(p, cb as never));
      const free = Number(s.f_bavail) * Number(s.f_frsize);
      return Number.isFinite(free) ? free : null;
    } catch {
      return null;
    }
  }
  close(): void {
    this.lost = true;
    this.client.end();
  }
  destroy(): void {
    this.lost = true;
    this.client.destroy();
  }
}

/**
 * Connects and logs in with the host key pinned: an unknown key fails with HOST_KEY_UNKNOWN and
 * the key's fingerprint (to confirm with the server's administrator), a different key with
 * HOST_KEY_MISMATCH — before authentication, so nothing is sent.
 */
export function openSftp(t: SftpTarget, opts: { signal?: AbortSignal; readyTimeoutMs?: number } = {}): Promise<SftpSession> {
  return new Promise((resolve, reject) => {
    const c = new ssh2.Client();
    let hostProblem: UserError | null = null;
    const pinned = t.hostKey ? normaliseFingerprint(t.hostKey) : '';
    const where = `${t.host}:${t.port}`;
    const onAbort = () => {
      c.destroy();
      reject(new UserError('CANCELLED', '发布已取消，线上网站未受影响。'));
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    c.on('error', (e) => {
      opts.signal?.removeEventListener('abort', onAbort);
      reject(hostProblem ?? mapSshError(e, t));
    });
    c.on('ready', () => {
      c.sftp((err, sftp) => {
        opts.signal?.removeEventListener('abort', onAbort);
        if (err) {
          c.end();
          reject(mapSshError(err, t));
        } else resolve(new SftpSession(c, sftp, t));
      });
    });
    const connect = (cfg: Parameters<SshClient['connect']>[0]) => {
      try {
        c.connect(cfg);
      } catch (e) {
        opts.signal?.removeEventListener('abort', onAbort);
        reject(mapSshError(e, t));
      }
    };
    connect({
      host: t.host,
      port: t.port,
      username: t.username,
      password: t.password,
      privateKey: t.privateKey,
      passphrase: t.passphrase,
      readyTimeout: opts.readyTimeoutMs ?? 15_000,
      keepaliveInterval: 10_000,
      keepaliveCountMax: 3,
      tryKeyboard: false,
      hostVerifier: (key: Buffer) => {
        const fp = fingerprintOf(key);
        if (!pinned) {
          hostProblem = new UserError(
            'HOST_KEY_UNKNOWN',
            `尚未确认服务器 ${where} 的身份。它的主机密钥指纹是 ${fp}。请向服务器管理员核对该指纹，确认无误后保存到发布目标中再发布。`,
            { fingerprint: fp, algorithm: keyAlgorithm(key) },
          );
          return false;
        }
        if (fp !== pinned) {
          hostProblem = new UserError(
            'HOST_KEY_MISMATCH',
            `警告：服务器 ${where} 的主机密钥与已保存的不一致（已保存 ${pinned}，现在是 ${fp}）。可能是服务器重装，也可能有人冒充服务器。已停止连接，没有发送任何内容。请先与服务器管理员核实，确认后再更新发布目标中的指纹。`,
            { expected: pinned, actual: fp },
          );
          return false;
        }
        return true;
      },
    });
  });
}
