import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants as osConstants, setPriority } from 'node:os';
import { join } from 'node:path';

/**
 * The one place that knows where ffmpeg / ffprobe live and how to run them.
 *
 * Resolution order: env `SANXIANG_FFMPEG` / `SANXIANG_FFPROBE`; the app's `resources/ffmpeg/`
 * folder when packaged (Electron sets `process.resourcesPath`); else the binaries of the
 * `@ffmpeg-installer/ffmpeg` / `@ffprobe-installer/ffprobe` packages (with `app.asar` mapped to
 * `app.asar.unpacked`).
 *
 * Decision: commands are spawned directly with argument arrays rather than through fluent-ffmpeg
 * (archived upstream): we need the child's pid for `os.setPriority`, exact control of arguments,
 * an AbortSignal and a timeout, which a thin `spawn` wrapper gives without the dependency. Swapping
 * the runner later touches this file only.
 */

const require = createRequire(import.meta.url);
const exe = (name: string) => (process.platform === 'win32' ? `${name}.exe` : name);

function packagedBinary(name: string): string | null {
  const res = (process as { resourcesPath?: string }).resourcesPath;
  if (!res) return null;
  for (const p of [join(res, 'ffmpeg', exe(name)), join(res, exe(name))]) if (existsSync(p)) return p;
  return null;
}

function packageBinary(pkg: string): string | null {
  try {
    const p = (require(pkg) as { path: string }).path.replace(`app.asar${process.platform === 'win32' ? '\\' : '/'}`, `app.asar.unpacked${process.platform === 'win32' ? '\\' : '/'}`);
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

let cache: { ffmpeg: string; ffprobe: string } | null = null;

export function mediaBinaries(): { ffmpeg: string; ffprobe: string } {
  if (cache) return cache;
  const ffmpeg =
    process.env.SANXIANG_FFMPEG || packagedBinary('ffmpeg') || packageBinary('@ffmpeg-installer/ffmpeg') || exe('ffmpeg');
  const ffprobe =
    process.env.SANXIANG_FFPROBE || packagedBinary('ffprobe') || packageBinary('@ffprobe-installer/ffprobe') || exe('ffprobe');
  cache = { ffmpeg, ffprobe };
  return cache;
}

/** For tests: forget the resolved paths (after changing the env overrides). */
export function resetMediaBinaries(): void {
  cache = null;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Kill the process after this many ms (default 10 minutes). */
  timeoutMs?: number;
  /** Run at the lowest CPU priority (background transcodes). */
  lowPriority?: boolean;
  /** Called with each chunk of stderr text (ffmpeg writes progress there). */
  onStderr?: (text: string) => void;
  /** Keep at most this many bytes of stdout (default 64 MiB). */
  maxStdout?: number;
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export class MediaToolError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
    readonly code: number | null,
  ) {
    super(message);
    this.name = 'MediaToolError';
  }
}

/** Runs a binary with an argument array (never a shell); resolves on exit 0, rejects otherwise. */
export function runTool(bin: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(abortError());
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    if (opts.lowPriority && child.pid) {
      try {
        setPriority(child.pid, osConstants.priority.PRIORITY_LOW);
      } catch {
        /* not permitted: run at normal priority */
      }
    }
    const out: Buffer[] = [];
    let outLen = 0;
    const maxOut = opts.maxStdout ?? 64 * 1024 * 1024;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      if (outLen < maxOut) {
        out.push(b);
        outLen += b.length;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t: string) => {
      err = (err + t).slice(-20000);
      opts.onStderr?.(t);
    });
    let killedFor: 'abort' | 'timeout' | null = null;
    const kill = (why: 'abort' | 'timeout') => {
      killedFor = why;
      child.kill('SIGKILL');
    };
    const onAbort = () => kill('abort');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => kill('timeout'), opts.timeoutMs ?? 10 * 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      reject(new MediaToolError(`无法启动 ${bin}：${e.message}`, err, null));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (killedFor === 'abort') return reject(abortError());
      if (killedFor === 'timeout') return reject(new MediaToolError('处理超时', err, code));
      const result = { code, stdout: Buffer.concat(out), stderr: err };
      if (code === 0) resolve(result);
      else reject(new MediaToolError(lastLine(err) || `退出码 ${code}`, err, code));
    });
  });
}

export const runFfmpeg = (args: string[], opts?: RunOptions) =>
  runTool(mediaBinaries().ffmpeg, ['-hide_banner', '-nostdin', ...args], opts);
export const runFfprobe = (args: string[], opts?: RunOptions) => runTool(mediaBinaries().ffprobe, ['-hide_banner', ...args], opts);

function lastLine(s: string): string {
  const lines = s.trim().split(/\r?\n/).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

function abortError(): Error {
  const e = new Error('已取消');
  e.name = 'AbortError';
  return e;
}

/** Parses ffmpeg's `time=00:01:02.34` progress into milliseconds (last occurrence in the text). */
export function parseFfmpegTime(text: string): number | null {
  const all = [...text.matchAll(/time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/g)];
  const m = all[all.length - 1];
  if (!m) return null;
  return Math.round((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000);
}
