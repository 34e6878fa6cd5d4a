import { addPageNumbers, newA4, pdfBytes, textBox } from '../pdf/document.js';

/** Everything printed on a 法制审核意见书, already in words. */
export interface OpinionContent {
  bureauName: string;
  caseNo: string;
  caseTitle: string;
  caseKind: string;
  round: number;
  parties: string[];
  handlers: string;
  submittedBy: string;
  submittedOn: string;
  proposal: { label: string; value: string }[];
  matchedRules: string[];
  catalogueNote: string;
  checklist: { label: string; result: string; problem: boolean; note: string }[];
  outcome: string;
  opinion: string;
  reviewer: string;
  /** YYYY-MM-DD */
  recordedOn: string;
  /** ISO time; also the PDF's creation date, so the same content gives the same bytes. */
  recordedAt: string;
}

const cnDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * Renders the written opinion (法制审核意见书) as an A4 PDF with the embedded CJK font (subset
 * into the file by pdfkit). Synchronous: the document is read from pdfkit's stream buffer after
 * `end()`, so it can be generated inside the database transaction that records the outcome.
 */
export function renderOpinionPdf(c: OpinionContent): Buffer {
  const doc = newA4(
    { top: 64, bottom: 64, left: 62, right: 62 },
    { Title: `法制审核意见书 ${c.caseNo}`, Author: c.bureauName, Subject: '法制审核意见书', CreationDate: new Date(c.recordedAt) },
  );
  const { left, width } = textBox(doc);

  doc.fontSize(14).text(c.bureauName, { align: 'center' });
  doc.moveDown(0.3).fontSize(22).text('法制审核意见书', { align: 'center', characterSpacing: 4 });
  doc.moveDown(0.4).fontSize(10.5).fillColor('#333').text(`案件编号：${c.caseNo}　　第 ${c.round} 轮审核`, { align: 'center' });
  doc.fillColor('black').moveDown(0.8);

  const heading = (t: string) => {
    ensureSpace(doc, 40);
    doc.moveDown(0.5).fontSize(13).text(t, left, doc.y);
    doc.moveTo(left, doc.y + 2).lineTo(left + width, doc.y + 2).lineWidth(0.5).strokeColor('#888').stroke();
    doc.moveDown(0.5).fontSize(10.5);
  };
  const field = (label: string, value: string) => {
    ensureSpace(doc, 18);
    doc.fontSize(10.5).text(`${label}：`, left, doc.y, { continued: true }).text(value || '（无）', { width });
  };

  heading('一、案件基本情况');
  field('案由', c.caseTitle);
  field('案件类别', c.caseKind);
  c.parties.forEach((p, i) => field(c.parties.length > 1 ? `当事人${i + 1}` : '当事人', p));
  field('承办人', c.handlers);
  field('送审人', `${c.submittedBy}（${cnDate(c.submittedOn)}送审）`);

  heading('二、拟处理意见');
  for (const p of c.proposal) field(p.label, p.value);

  heading('三、重大执法决定目录适用');
  field('命中目录', c.matchedRules.length ? c.matchedRules.join('；') : '未命中目录（非重大执法决定）');
  if (c.catalogueNote) field('审核人员意见', c.catalogueNote);

  heading('四、审核事项');
  checklistTable(doc, left, width, c.checklist);

  heading('五、审核结论');
  doc.fontSize(14).text(c.outcome, left, doc.y);
  heading('六、审核意见');
  doc.fontSize(10.5).text(c.opinion, left, doc.y, { width, lineGap: 3, paragraphGap: 4 });

  ensureSpace(doc, 90);
  doc.moveDown(2).fontSize(11);
  doc.text(`审核人员：${c.reviewer}`, left + width / 2, doc.y, { width: width / 2 });
  doc.moveDown(0.4).text(`审核日期：${cnDate(c.recordedOn)}`, left + width / 2, doc.y, { width: width / 2 });
  doc.moveDown(0.4).text(`${c.bureauName}（印章）`, left + width / 2, doc.y, { width: width / 2 });

  addPageNumbers(doc, 40, '#666');
  return pdfBytes(doc);
}

/**
 * Loads pdfkit's modules and parses the font by rendering a tiny document, so the first real
 * opinion does not pay for it (≈ 0.2–0.5 s on a modest PC). Call once when the app is idle.
 */
export function prewarmOpinionPdf(): void {
  const doc = newA4({ top: 64, bottom: 64, left: 62, right: 62 }, {});
  doc.fontSize(10).text('法制审核意见书 〔2026〕 1 号');
  pdfBytes(doc);
}

function ensureSpace(doc: PDFKit.PDFDocument, h: number): void {
  if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function checklistTable(doc: PDFKit.PDFDocument, left: number, width: number, rows: OpinionContent['checklist']): void {
  const cols = [width * 0.34, width * 0.2, width * 0.46];
  const header = ['审核事项', '结论', '说明'];
  const pad = 4;
  const drawRow = (cells: string[], opts: { header?: boolean; problem?: boolean } = {}) => {
    doc.fontSize(opts.header ? 10.5 : 10);
    const h = Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: cols[i] - pad * 2 }))) + pad * 2;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!opts.header) drawRow(header, { header: true });
      doc.fontSize(10);
    }
    const y = doc.y;
    let x = left;
    if (opts.header) doc.rect(left, y, width, h).fillColor('#eeeeee').fill();
    cells.forEach((t, i) => {
      doc.fillColor(opts.problem && i === 1 ? '#b00000' : 'black').text(t, x + pad, y + pad, { width: cols[i] - pad * 2 });
      x += cols[i];
    });
    doc.fillColor('black').lineWidth(0.5).strokeColor('#999');
    doc.rect(left, y, width, h).stroke();
    doc.moveTo(left + cols[0], y).lineTo(left + cols[0], y + h).stroke();
    doc.moveTo(left + cols[0] + cols[1], y).lineTo(left + cols[0] + cols[1], y + h).stroke();
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(header, { header: true });
  for (const r of rows) drawRow([r.label, r.result, r.note], { problem: r.problem });
  doc.moveDown(0.3);
}
