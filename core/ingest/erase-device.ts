import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppContext } from '../app.js';
import type { ErasePreview, EraseResult } from '../../shared/media-types.js';
import { conflict, UserError } from '../errors.js';
import { mediaRepo } from '../media/media-repo.js';
import { scanDevice } from './offload.js';
import type { Actor } from './register.js';
import { hashFile } from '../vault/hash-file.js';

/**
 * 清除设备上已导入的文件 — optional, never automatic. Only files recorded as offloaded from this
 * device with the same path, size and time are candidates; before each deletion both the vault
 * copy and the device file are read again and must hash to the registered SHA-256. The caller
 * confirms the count shown in the preview; each deleted file gets an audit row.
 */

interface Candidate {
  abs: string;
  rel: string;
  size: number;
  mediaId: number;
  sourceId: number;
  sha256: string;
}

async function candidates(app: AppContext, folder: string, deviceSerial: string | undefined, actor: Actor): Promise<Candidate[]> {
  const { rc, files } = await scanDevice(app, { deviceSerial, actor }, folder);
  const sources = new Map(mediaRepo(app.db).sourcesOfDevice(rc.deviceKey).map((s) => [`${s.path}\u0000${s.size}\u0000${s.mtimeMs}`, s]));
  const out: Candidate[] = [];
  for (const f of files) {
    const s = sources.get(`${f.rel}\u0000${f.size}\u0000${f.mtimeMs}`);
    if (s && !s.purgedAt) out.push({ abs: f.abs, rel: f.rel, size: f.size, mediaId: s.mediaId, sourceId: s.id, sha256: s.sha256 });
  }
  return out;
}

export async function erasePreview(app: AppContext, folder: string, deviceSerial: string | undefined, actor: Actor): Promise<ErasePreview> {
  const dir = resolve(folder);
  const list = await candidates(app, dir, deviceSerial, actor);
  return {
    folder: dir,
    files: list.map((c) => ({ path: c.rel, size: c.size, mediaId: c.mediaId })),
    count: list.length,
    bytes: list.reduce((s, c) => s + c.size, 0),
  };
}

export async function eraseDevice(
  app: AppContext,
  folder: string,
  deviceSerial: string | undefined,
  confirmCount: number,
  actor: Actor,
): Promise<EraseResult> {
  const dir = resolve(folder);
  const list = await candidates(app, dir, deviceSerial, actor);
  if (list.length === 0) throw new UserError('NOTHING_TO_ERASE', '设备上没有已导入并校验过的文件可以清除。');
  if (confirmCount !== list.length) {
    throw conflict(`确认数量（${confirmCount}）与可清除的文件数（${list.length}）不符，未删除任何文件。请重新查看清单后再确认。`);
  }
  const repo = mediaRepo(app.db);
  const result: EraseResult = { erased: 0, failed: [] };
  for (const c of list) {
    try {
      const vaultCopy = await hashFile(app.vault.pathOf(c.sha256));
      if (vaultCopy.sha256 !== c.sha256) {
        result.failed.push({ path: c.rel, reason: '证据库中的副本校验不一致，未删除设备上的文件（请运行完整性校验）' });
        continue;
      }
      const onDevice = await hashFile(c.abs);
      if (onDevice.sha256 !== c.sha256) {
        result.failed.push({ path: c.rel, reason: '设备上的文件与已导入的内容不一致，未删除' });
        continue;
      }
      await rm(c.abs);
      app.db.transaction(() => {
        repo.markErased(c.sourceId, app.now().toISOString());
        app.audit.append({
          userId: actor.id,
          username: actor.username,
          operation: 'media.eraseDevice',
          objectType: 'media',
          objectId: c.mediaId,
          summary: { erased: c.rel, folder: dir, sha256: c.sha256, size: c.size },
        });
      })();
      result.erased++;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      result.failed.push({
        path: c.rel,
        reason: code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? '设备为只读或没有删除权限，未删除' : `删除失败：${code ?? (e as Error).message}`,
      });
    }
  }
  return result;
}
