import { posix } from 'node:path';
import { UserError } from '../errors.js';

const escape = (what: string) =>
  new UserError('REMOTE_PATH_ESCAPE', `路径“${what}”会超出远程发布文件夹，已拒绝，未向服务器发送任何文件。请检查远程文件夹设置（不能包含“..”、反斜杠或控制字符）。`);

/** The remote folder of a target, normalised; refuses `..`, backslashes, control characters and the server's root. */
export function checkRemoteDir(dir: string): string {
  if (!dir.trim()) throw new UserError('INVALID_INPUT', '请填写远程文件夹，例如 /var/www/zfgs。');
  if (/[\\\u0000-\u001f]/.test(dir) || dir.split('/').includes('..')) throw escape(dir);
  const norm = posix.normalize(dir).replace(/\/+$/, '');
  if (norm === '' || norm === '.' ) throw new UserError('INVALID_INPUT', '不能直接发布到服务器根目录或登录目录本身，请指定一个子文件夹，例如 /var/www/zfgs。');
  return norm;
}

/**
 * A file path of a release (relative, forward slashes) checked before anything is sent: no
 * absolute paths, no `..` or empty segments, no backslashes or control characters.
 */
export function checkRelative(rel: string): string {
  if (!rel || rel.startsWith('/') || /[\\\u0000-\u001f]/.test(rel) || /^[A-Za-z]:/.test(rel)) throw escape(rel);
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw escape(rel);
  return rel;
}

/** `base/rel` after checking `rel`; the result is always inside `base`. */
export function remoteJoin(base: string, rel: string): string {
  const joined = posix.join(base, checkRelative(rel));
  if (!joined.startsWith(`${base}/`)) throw escape(rel);
  return joined;
}

const UNSAFE = /(^|\/)\.{1,2}(\/|$)|\/\/|\\|[\u0000-\u001f]|^\/|^[A-Za-z]:/;

/** `base/rel` with one regular-expression check of `rel` (the hot path of a publish: one call per file). */
export function fastJoin(base: string, rel: string): string {
  if (!rel || UNSAFE.test(rel)) throw escape(rel);
  return `${base}/${rel}`;
}
