import { extname } from 'node:path';
import { ATTACHMENT_TYPES } from '../../shared/domain.js';
import type { CaseRecord } from '../../shared/types.js';
import type { OpInput } from '../../shared/contract/index.js';
import { invalid, notFound } from '../errors.js';
import type { OpContext } from '../operations/context.js';

const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/**
 * Adds a text record or an attachment to a case. Attachments go to the vault by SHA-256;
 * records are never changed: a correction is a new version that supersedes the old one.
 */
export function addCaseRecord(ctx: OpContext, input: OpInput<'cases.addRecord'>): CaseRecord {
  const { cases } = ctx.app.repos;
  let version = 1;
  if (input.supersedes) {
    const old = cases.record(input.supersedes);
    if (!old || old.caseId !== input.caseId) throw notFound('要更新的记录');
    if (cases.isSuperseded(old.id)) throw invalid(`“${old.title}”已有更新的版本，请在最新版本上修改。`);
    version = old.version + 1;
  }
  let file: { fileName: string; mime: string; sha256: string; size: number } | null = null;
  if (input.file) {
    const ext = extname(input.file.name).toLowerCase();
    const mime = ATTACHMENT_TYPES[ext];
    if (!mime) {
      throw invalid(`不支持的附件类型“${ext || '无扩展名'}”。可上传 PDF、图片（JPG/PNG）、Word（DOC/DOCX）、WPS 或 TXT 文件。`);
    }
    const bytes = Buffer.from(input.file.base64, 'base64');
    if (bytes.length === 0) throw invalid(`附件“${input.file.name}”是空文件，请检查后重新选择。`);
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw invalid(`附件“${input.file.name}”超过 50 MB，请压缩或拆分后上传。`);
    const stored = ctx.app.vault.putBytes(bytes);
    cases.registerVaultObject(stored.sha256, stored.size, ctx.nowIso());
    file = { fileName: input.file.name, mime, sha256: stored.sha256, size: stored.size };
  } else if (!input.body) {
    throw invalid('请填写记录内容或选择附件。');
  }
  const id = cases.insertRecord({
    caseId: input.caseId,
    kind: file ? 'attachment' : 'text',
    title: input.title,
    body: input.body,
    fileName: file?.fileName ?? null,
    mime: file?.mime ?? null,
    sha256: file?.sha256 ?? null,
    size: file?.size ?? null,
    supersedes: input.supersedes ?? null,
    version,
    createdBy: ctx.user?.id ?? null,
    at: ctx.nowIso(),
  });
  cases.refreshSearch(input.caseId);
  ctx.audit('case', input.caseId, { recordId: id, title: input.title, version, file: file && { name: file.fileName, sha256: file.sha256, size: file.size } });
  return cases.records(input.caseId).find((r) => r.id === id)!;
}
