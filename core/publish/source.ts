import { createHash } from 'node:crypto';
import type { Attachment, AttachmentReader } from '../disclosure/site/types.js';
import { UserError } from '../errors.js';

/** What a target receives: generated files in memory, attachments read from the vault when sent. */
export interface PublishSource {
  files: Map<string, Buffer>;
  attachments: Map<string, Attachment>;
  read: AttachmentReader;
}

export const tampered = (path: string) =>
  new UserError('CONTENT_TAMPERED', `待发布的附件 ${path} 与审核时的内容不一致（证据库中的文件可能被改动），已停止发布，网站未作任何改动。请运行“校验证据库”并联系管理员。`);

/**
 * The bytes of one file of the release. An attachment is read from the vault and checked
 * against the content address it was approved (and checked for personal data) under.
 */
export function bytesOf(src: PublishSource, path: string): Buffer {
  const page = src.files.get(path);
  if (page) return page;
  const a = src.attachments.get(path);
  if (!a) throw new Error(`not in the release: ${path}`);
  const data = src.read(a.sha256);
  if (data.length !== a.size || createHash('sha256').update(data).digest('hex') !== a.sha256) throw tampered(path);
  return data;
}

/** A release of generated files only (tests, tools). */
export const filesOnly = (files: Map<string, Buffer>): PublishSource => ({
  files,
  attachments: new Map(),
  read: () => {
    throw new Error('no attachments');
  },
});
