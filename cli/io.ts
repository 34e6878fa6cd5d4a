import { UserError } from '../core/errors.js';

/** Exit codes of every command: 0 success, 1 an error the user or the world caused, 2 wrong usage. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface Out {
  json: boolean;
  /** Prints the result: as the last line of stdout in --json mode, else as readable text. */
  result(value: unknown, text?: string): void;
  /** Progress for long work, on stderr, at most once a second when stderr is not a TTY. */
  progress(line: string): void;
}

export function makeOut(json: boolean): Out {
  let last = 0;
  return {
    json,
    result(value, text) {
      if (json) process.stdout.write(JSON.stringify(value) + '\n');
      else process.stdout.write((text ?? JSON.stringify(value, null, 2)) + '\n');
    },
    progress(line) {
      const now = Date.now();
      if (process.stderr.isTTY) {
        process.stderr.write(`\r${line}\x1b[K`);
      } else if (now - last >= 1000) {
        process.stderr.write(line + '\n');
        last = now;
      }
    },
  };
}

/** Prints an error the clerk can act on and returns the exit code. */
export function reportError(e: unknown, json: boolean): number {
  if (e instanceof UsageError) {
    process.stderr.write(`用法错误：${e.message}\n运行 sanxiang help 查看用法。\n`);
    return EXIT_USAGE;
  }
  const err =
    e instanceof UserError
      ? { code: e.code, message: e.message }
      : { code: 'INTERNAL', message: `程序内部错误：${(e as Error)?.message ?? String(e)}` };
  if (!(e instanceof UserError)) process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  if (json) process.stdout.write(JSON.stringify({ error: err }) + '\n');
  else process.stderr.write(`错误：${err.message}\n`);
  return EXIT_ERROR;
}

/** Password from SANXIANG_PASSWORD, else the first line of stdin when it is not a terminal. Never from argv. */
export async function readPassword(): Promise<string> {
  if (process.env.SANXIANG_PASSWORD) return process.env.SANXIANG_PASSWORD;
  if (process.stdin.isTTY) {
    throw new UserError('PASSWORD_REQUIRED', '请通过环境变量 SANXIANG_PASSWORD 或标准输入提供密码（不要写在命令行参数里）。');
  }
  let data = '';
  for await (const chunk of process.stdin) {
    data += chunk;
    if (data.includes('\n')) break;
  }
  const pw = data.split(/\r?\n/)[0];
  if (!pw) throw new UserError('PASSWORD_REQUIRED', '没有读到密码：请设置 SANXIANG_PASSWORD 或从标准输入提供。');
  return pw;
}
