import { newA4, pdfBytes, textBox } from '../../pdf/document.js';
import { certificateKeyword } from './manifest.js';

/** What the verification certificate (案卷归档验证证书) states. */
export interface CertificateContent {
  bureau: string;
  caseNo: string;
  caseTitle: string;
  caseType: string;
  openedOn: string;
  closedOn: string;
  archivedOn: string;
  packageName: string;
  files: number;
  totalBytes: number;
  manifestSha256: string;
  auditHead: string;
  auditEntries: number;
  /** ISO time; also the PDF's creation date. */
  generatedAt: string;
  generatedBy: string;
}

const fmtBytes = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);
const cnDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * The one-page certificate that seals a package: it states the manifest's SHA-256 (also in the PDF's
 * Keywords, where `verifyArchive` reads it) and the audit chain head at archiving time. Anyone can
 * re-check the package with `sanxiang archive verify` or `sha256sum -c manifest.sha256`.
 */
export function renderCertificate(c: CertificateContent): Buffer {
  const doc = newA4(
    { top: 72, bottom: 64, left: 64, right: 64 },
    {
      Title: `案卷归档验证证书 ${c.caseNo}`,
      Author: c.bureau,
      Subject: certificateKeyword(c.manifestSha256),
      Keywords: certificateKeyword(c.manifestSha256),
      CreationDate: new Date(c.generatedAt),
    },
  );
  const { left, width } = textBox(doc);
  doc.fontSize(14).text(c.bureau, { align: 'center' });
  doc.moveDown(0.3).fontSize(22).text('案卷归档验证证书', { align: 'center', characterSpacing: 4 });
  doc.moveDown(1.2).fontSize(11);
  const field = (k: string, v: string) => {
    doc.font('cjk').fontSize(11).fillColor('#555').text(`${k}`, left, doc.y, { continued: true, width }).fillColor('black').text(`　${v}`);
    doc.moveDown(0.35);
  };
  field('案件编号', c.caseNo);
  field('案　　由', c.caseTitle);
  field('执法类别', c.caseType);
  field('立案日期', cnDate(c.openedOn));
  field('结案日期', c.closedOn ? cnDate(c.closedOn) : '—');
  field('归档日期', cnDate(c.archivedOn));
  field('案卷包名', c.packageName);
  field('文件数量', `${c.files} 个（不含本证书和清单文件）`);
  field('文件总大小', `${fmtBytes(c.totalBytes)}（${c.totalBytes.toLocaleString('en-US')} 字节）`);
  doc.moveDown(0.6).fontSize(12).text('文件清单（manifest.sha256）的 SHA-256：');
  doc.moveDown(0.2).fontSize(10.5).font('Courier').text(c.manifestSha256);
  doc.font('cjk').moveDown(0.6).fontSize(12).text(`归档时审计链链头（共 ${c.auditEntries} 条审计记录）：`);
  doc.moveDown(0.2).fontSize(10.5).font('Courier').text(c.auditHead);
  doc.font('cjk').moveDown(1.2).fontSize(10).fillColor('#333');
  doc.text(
    '校验方法：案卷包中每个文件的 SHA-256 均列于 manifest.sha256，清单本身的 SHA-256 记载于本证书。' +
      '在任何电脑上运行“sanxiang archive verify 案卷包路径”，或在案卷包文件夹中运行“sha256sum -c manifest.sha256”并核对清单文件的哈希与本证书一致，' +
      '即可确认案卷包完整、未被修改。任何文件被改动、删除或增加，校验都会失败。',
    { width, lineGap: 3 },
  );
  doc.moveDown(1.5).fillColor('black').fontSize(11).text(`生成人：${c.generatedBy}　　生成时间：${c.generatedAt.replace('T', ' ').slice(0, 19)}（UTC）`, { align: 'right' });
  return pdfBytes(doc);
}
