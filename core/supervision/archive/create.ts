import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CASE_TYPE_LABELS } from '../../../shared/domain.js';
import { todayLocal } from '../../../shared/logic/calendar.js';
import type { ArchiveCreateResult } from '../../../shared/supervision-types.js';
import type { SessionUser } from '../../accounts/sessions.js';
import type { AppContext } from '../../app.js';
import { loadCaseDetail } from '../../cases/case-detail.js';
import type { CaseRow } from '../../cases/cases-repo.js';
import { conflict, forbidden, invalid, notFound, UserError } from '../../errors.js';
import { explainWriteError } from '../files/write-target.js';
import { renderCertificate } from './certificate-pdf.js';
import { auditEntries, decisionEntries, disclosureEntries, footageEntries, reviewEntries } from './collect-domains.js';
import { caseEntries } from './collect-case.js';
import { keepComposition } from './composition.js';
import { buildManifest, CERTIFICATE_NAME, MANIFEST_NAME, safeName, sha256Hex } from './manifest.js';
import { commitPath, removeQuietly, writeEntries, zipAndVerify } from './write-package.js';

export interface ArchiveRequest {
  caseId: number;
  /** Folder to put the package in; default `<data folder>/archives/<year>`. */
  dest?: string;
  /** Also write the zip (default true). */
  zip?: boolean;
}

export interface ArchiveRunOptions {
  /** What is happening; `done`/`total` while files are copied or checked. */
  onProgress?: (line: string, done?: number, total?: number) => void;
  /** Stops before the case is marked archived; everything written is removed. */
  signal?: AbortSignal;
}

const CANCELLED = '已取消归档：写入的文件已删除，案件仍为“结案”环节。';

/** What must not change while the package is built (else it would not match the case). */
const marker = (app: AppContext, caseId: number) =>
  JSON.stringify(
    app.db
      .prepare(
        `SELECT c.updated_at AS u, c.stage AS s, (SELECT count(*) FROM case_records WHERE case_id = c.id) AS r,
                (SELECT count(*) FROM audit_log WHERE object_type = 'case' AND object_id = CAST(c.id AS TEXT)) AS a
         FROM cases c WHERE c.id = ?`,
      )
      .get(caseId),
  );

/**
 * 归档: builds the case-file package (folder, then zip), verifies both, and only then, in one
 * transaction, keeps the certificate as a case record and moves the case to 归档 (read-only). A
 * failure at any step removes what was written and leaves the case unarchived.
 */
export async function createArchive(app: AppContext, user: SessionUser, req: ArchiveRequest, opts: ArchiveRunOptions = {}): Promise<ArchiveCreateResult> {
  const c = app.repos.cases.get(req.caseId);
  if (!c) throw notFound('该案件');
  if (c.status === 'voided') throw new UserError('CASE_READ_ONLY', `案件 ${c.caseNo} 已作废，不能归档。`);
  if (c.stage === 'archived') throw conflict(`案件 ${c.caseNo} 已归档。`);
  if (c.stage !== 'closing') throw invalid(`案件 ${c.caseNo} 尚未结案，须先结案才能归档。`);
  const isHandler = user.officerId != null && app.repos.cases.handlers(c.id).some((h) => h.officerId === user.officerId);
  if (!user.roles.includes('head') && !isHandler) throw forbidden('只有负责人或本案承办人可以归档。');

  if (inProgress.has(c.id)) throw conflict(`案件 ${c.caseNo} 正在归档，请等待完成。`);
  inProgress.add(c.id);
  try {
    return await build(app, user, req, c, opts);
  } finally {
    inProgress.delete(c.id);
  }
}

const inProgress = new Set<number>();

async function build(app: AppContext, user: SessionUser, req: ArchiveRequest, c: CaseRow, opts: ArchiveRunOptions): Promise<ArchiveCreateResult> {
  const tell = opts.onProgress ?? (() => undefined);
  const stopIfCancelled = () => {
    if (opts.signal?.aborted) throw new UserError('CANCELLED', CANCELLED);
  };
  tell('正在收集案件材料…');
  const now = app.now();
  const today = todayLocal(now);
  const before = marker(app, c.id);
  const bureau = app.repos.bureau.get()?.name ?? '';
  const detail = loadCaseDetail(app, c.id, today);
  const footage = footageEntries(app, c.id);
  const disclosure = disclosureEntries(app, c.id);
  const entries = [
    ...caseEntries(detail, bureau),
    ...footage.entries,
    ...reviewEntries(app, c.id),
    ...decisionEntries(app, c.id),
    ...disclosure.entries,
    ...auditEntries(app, c.id, footage.mediaIds, disclosure.itemIds, today),
  ];
  const root = req.dest ?? join(app.dataDir, 'archives', (c.closedOn ?? today).slice(0, 4));
  const name = safeName(c.caseNo, 80);
  const folder = join(root, name);
  const zipPath = req.zip === false ? null : join(root, `${name}.zip`);
  const partial = `${folder}.partial`;
  const created: string[] = [];
  try {
    await mkdir(root, { recursive: true }).catch((e) => {
      throw explainWriteError(e, join(root, name));
    });
    for (const p of [folder, zipPath]) {
      if (p && existsSync(p)) throw new UserError('ARCHIVE_EXISTS', `目标位置已有同名案卷包“${p}”。请移走或改名后重试，或另选保存位置。`);
    }
    await removeQuietly(partial);
    created.push(partial);
    const { files } = await writeEntries(app.vault, entries, partial, {
      onEntry: (done, total) => tell(`正在写入案卷材料 ${done}/${total}…`, done, total),
      signal: opts.signal,
      cancelledMessage: CANCELLED,
    });
    tell('正在生成文件清单和验证证书…');
    const manifest = Buffer.from(buildManifest(files), 'utf8');
    const manifestSha256 = sha256Hex(manifest);
    await writeFile(join(partial, MANIFEST_NAME), manifest, { flag: 'wx' });
    const head = app.audit.head();
    const totalBytes = files.reduce((s, f) => s + f.size, 0);
    const certificate = renderCertificate({
      bureau,
      caseNo: c.caseNo,
      caseTitle: c.title,
      caseType: CASE_TYPE_LABELS[c.caseType],
      openedOn: c.openedOn,
      closedOn: c.closedOn ?? '',
      archivedOn: today,
      packageName: name,
      files: files.length,
      totalBytes,
      manifestSha256,
      auditHead: head.hash,
      auditEntries: head.entries,
      generatedAt: now.toISOString(),
      generatedBy: user.displayName,
    });
    await writeFile(join(partial, CERTIFICATE_NAME), certificate, { flag: 'wx' });
    await commitPath(partial, folder);
    created.push(folder);
    const failed = await zipAndVerify({
      folder,
      name,
      paths: [...files.map((f) => f.path), MANIFEST_NAME, CERTIFICATE_NAME],
      zipPath,
      zipDate: now,
      created,
      tell,
      stopIfCancelled,
      signal: opts.signal,
    });
    if (failed) throw new UserError('ARCHIVE_VERIFY_FAILED', `案卷包写入后校验未通过（${failed.message}）。磁盘可能有故障，请更换保存位置后重试。`, failed);
    stopIfCancelled();
    tell('正在登记归档…');
    const registered = app.db.transaction(() => {
      if (marker(app, c.id) !== before) throw conflict(`案件 ${c.caseNo} 在打包期间被修改，案卷包已作废。请重新归档。`);
      const at = app.now().toISOString();
      const stored = app.vault.putBytes(certificate);
      app.repos.cases.registerVaultObject(stored.sha256, stored.size, at);
      const composition = keepComposition(
        app,
        folder,
        {
          format: 1,
          name,
          zipDate: now.toISOString(),
          files: [
            ...files.map((f) => ({ path: f.path, sha256: f.sha256, size: f.size })),
            { path: MANIFEST_NAME, sha256: manifestSha256, size: manifest.length },
            { path: CERTIFICATE_NAME, sha256: stored.sha256, size: stored.size },
          ],
        },
        at,
      );
      const recordId = app.repos.cases.insertRecord({
        caseId: c.id,
        kind: 'attachment',
        title: '案卷归档验证证书',
        body: `案卷包：${name}；文件 ${files.length} 个，共 ${totalBytes} 字节；清单 SHA-256：${manifestSha256}`,
        fileName: CERTIFICATE_NAME,
        mime: 'application/pdf',
        sha256: stored.sha256,
        size: stored.size,
        supersedes: null,
        version: 1,
        createdBy: user.id,
        at,
      });
      app.repos.cases.setStage(c.id, 'archived', c.closedOn ?? today, at);
      app.repos.cases.insertStage({ caseId: c.id, stage: 'archived', enteredOn: today, note: `归档，案卷包清单 SHA-256 ${manifestSha256.slice(0, 16)}…`, userId: user.id, at });
      app.repos.cases.refreshSearch(c.id);
      app.audit.append({
        userId: user.id,
        username: user.username,
        operation: 'archive.create',
        objectType: 'case',
        objectId: c.id,
        summary: { caseNo: c.caseNo, folder, zip: zipPath, files: files.length, totalBytes, manifestSha256, auditHead: head.hash, certificateRecordId: recordId, composition },
      });
      return { recordId, composition };
    })();
    return { caseId: c.id, caseNo: c.caseNo, folder, zip: zipPath, files: files.length, totalBytes, manifestSha256, auditHead: head.hash, certificateRecordId: registered.recordId, composition: registered.composition };
  } catch (e) {
    for (const p of created.reverse()) await removeQuietly(p);
    throw e instanceof UserError ? e : explainWriteError(e, folder);
  }
}
