import type { AppContext } from '../app.js';
import { invalid } from '../errors.js';

/** Stores an uploaded flowchart image (PNG or JPEG, checked by its first bytes) in the vault. */
export function storeImage(app: AppContext, img: { fileName: string; base64: string }, at: string): { sha256: string; name: string; mime: string } {
  const bytes = Buffer.from(img.base64, 'base64');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) throw invalid(`文件 ${img.fileName} 不是 PNG 或 JPG 图片，请导出为图片后再上传。`);
  if (bytes.length > 10 * 1024 * 1024) throw invalid('图片不能超过 10 MB，请压缩后再上传。');
  const { sha256, size } = app.vault.putBytes(bytes);
  registerVaultObject(app, sha256, size, at);
  return { sha256, name: img.fileName, mime: png ? 'image/png' : 'image/jpeg' };
}

/** Records a vault object (idempotent) so rows can reference it. */
export function registerVaultObject(app: AppContext, sha256: string, size: number, at: string): void {
  app.db.prepare('INSERT OR IGNORE INTO vault_objects (sha256, size, stored_at) VALUES (?, ?, ?)').run(sha256, size, at);
}
