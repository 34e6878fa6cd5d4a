import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway OpenSSH server on 127.0.0.1 for tests and benchmarks: its own host key, one client
 * key, an SFTP-only account (ForceCommand internal-sftp, no shell), absolute paths everywhere.
 * Requires Debian's `openssh-server` (/usr/sbin/sshd). Logs in as the current user.
 */
export interface LocalSshd {
  host: string;
  port: number;
  username: string;
  /** A folder to publish into (absolute). */
  webRoot: string;
  hostKeyFingerprint: string;
  clientKey: string;
  clientKeyFile: string;
  dir: string;
  /** SIGKILL the server and every session process it started (a crash mid-upload). */
  kill(): void;
  /** Starts it again on the same port with the same keys. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';

export const sshdAvailable = () => existsSync(SSHD) && spawnSync('ssh-keygen', ['-?'], { stdio: 'ignore' }).error === undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function keygen(file: string): void {
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'sanxiang-test', '-f', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
}

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on port ${port}`);
}

/** Pids of every descendant of `pid` (from /proc). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, pp] of parent) if (pp === p) {
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

export async function startLocalSshd(opts: { readOnly?: boolean } = {}): Promise<LocalSshd> {
  if (!existsSync(SSHD)) throw new Error('需要 OpenSSH 服务器（Debian 软件包 openssh-server）：找不到 /usr/sbin/sshd');
  const dir = mkdtempSync(join(tmpdir(), 'sanxiang-sshd-'));
  const webRoot = join(dir, 'www');
  mkdirSync(webRoot);
  keygen(join(dir, 'host_ed25519'));
  keygen(join(dir, 'client_ed25519'));
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_ed25519.pub')));
  const fp = spawnSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(dir, 'host_ed25519.pub')], { encoding: 'utf8' }).stdout.split(' ')[1];
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_ed25519')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'AllowTcpForwarding no',
      'X11Forwarding no',
      'MaxSessions 4',
      'MaxStartups 50',
      `Subsystem sftp internal-sftp`,
      `ForceCommand internal-sftp${opts.readOnly ? ' -R' : ''}`,
      '',
    ].join('\n'),
  );
  if (!existsSync('/run/sshd')) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  let child: ChildProcess | null = null;
  let log = '';
  const start = async () => {
    child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (d) => (log = (log + d).slice(-4000)));
    child.once('exit', () => (child = null));
    try {
      await waitForPort(port);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${log}`);
    }
  };
  await start();
  const killAll = (signal: NodeJS.Signals) => {
    const c = child;
    if (!c?.pid) return;
    const pids = [c.pid, ...descendants(c.pid)];
    for (const p of pids) {
      try {
        process.kill(p, signal);
      } catch {
        // already gone
      }
    }
  };
  const exited = () =>
    new Promise<void>((resolve) => {
      const c = child;
      if (!c) return resolve();
      c.once('exit', () => resolve());
    });
  return {
    host: '127.0.0.1',
    port,
    username: userInfo().username,
    webRoot,
    hostKeyFingerprint: fp,
    clientKey: readFileSync(join(dir, 'client_ed25519'), 'utf8'),
    clientKeyFile: join(dir, 'client_ed25519'),
    dir,
    kill: () => killAll('SIGKILL'),
    restart: async () => {
      const done = exited();
      killAll('SIGKILL');
      await done;
      await start();
    },
    stop: async () => {
      const done = exited();
      killAll('SIGTERM');
      await done;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
