import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../app.js';
import { UserError } from '../errors.js';

/**
 * Secrets of publish targets (SFTP passwords, private keys and their passphrases) encrypted at
 * rest with AES-256-GCM. The key is 32 random bytes in `secrets.key` in the data folder, created
 * with mode 0600, so a copy of the database alone does not reveal them; a backup of the whole
 * data folder carries the key with it (as it must, to restore a working installation).
 *
 * Windows: mode bits do not apply; the data folder sits in the user's profile (%APPDATA%), whose
 * ACL already limits it to that user. The Electron shell can later wrap this key with
 * `safeStorage` (DPAPI) — store `safeStorage.encryptString(key)` instead of the raw key and
 * unwrap it here — without changing the stored ciphertexts.
 *
 * Format: `v1:` + base64(iv[12] | tag[16] | ciphertext).
 */
export const SECRETS_KEY_FILE = 'secrets.key';

function keyOf(app: AppContext): Buffer {
  const file = join(app.dataDir, SECRETS_KEY_FILE);
  if (!existsSync(file)) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, randomBytes(32).toString('base64') + '\n');
      closeSync(fd);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) {
    throw new UserError('SECRETS_KEY_DAMAGED', `密钥文件 ${file} 已损坏，无法解密已保存的服务器密码或私钥。请从备份恢复该文件，或在发布目标中重新填写密码/私钥。`);
  }
  return key;
}

export function encryptSecret(app: AppContext, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keyOf(app), iv);
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${Buffer.concat([iv, c.getAuthTag(), data]).toString('base64')}`;
}

export function decryptSecret(app: AppContext, stored: string): string {
  if (!stored.startsWith('v1:')) throw new UserError('SECRET_UNREADABLE', '已保存的服务器密码或私钥格式无法识别，请在发布目标中重新填写。');
  const raw = Buffer.from(stored.slice(3), 'base64');
  try {
    const d = createDecipheriv('aes-256-gcm', keyOf(app), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  } catch {
    throw new UserError(
      'SECRET_UNREADABLE',
      '无法解密已保存的服务器密码或私钥（数据文件夹中的 secrets.key 与保存时不一致）。请在发布目标中重新填写密码或私钥。',
    );
  }
}
