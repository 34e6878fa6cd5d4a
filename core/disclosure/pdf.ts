import PDFDocument from 'pdfkit';
import { pdfFontData } from './pdf-font.js';

const FONT = 'cjk';
/** pdfkit's parsed font, reused across documents (parsing a CJK font costs more than the layout). */
let parsedFont: unknown = null;

function newDoc(info: PDFKit.DocumentInfo): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 68, right: 68 }, bufferPages: true, info });
  if (parsedFont) doc.registerFont(FONT, parsedFont as Buffer);
  else {
    const f = pdfFontData();
    doc.registerFont(FONT, f.bytes, f.family as string);
  }
  doc.font(FONT);
  parsedFont ??= (doc as unknown as { _font: { font: unknown } })._font.font;
  return doc;
}

export interface PdfSource {
  heading: string[];
  paragraphs: string[];
  /** YYYY-MM-DD: the document's date, also its PDF creation date (same content → same bytes). */
  date: string;
  title: string;
  author: string;
}

/**
 * Renders the public version of a decision as an A4 PDF from already-redacted text (never by
 * drawing boxes over the original). Returns the bytes and the exact text fed into the PDF,
 * which the final check reads (pdftotext is not available on Windows).
 */
export function renderDisclosurePdf(src: PdfSource): { bytes: Buffer; text: string } {
  const doc = newDoc({ Title: src.title, Author: src.author, Subject: src.title, CreationDate: new Date(`${src.date}T00:00:00Z`) });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const [first, second, ...rest] = src.heading;
  if (first) doc.fontSize(15).text(first, { align: 'center' });
  if (second) doc.moveDown(0.3).fontSize(20).text(second, { align: 'center', characterSpacing: 2 });
  for (const h of rest) doc.moveDown(0.3).fontSize(11).text(h, { align: 'center' });
  doc.moveDown(1).fontSize(12);
  for (const p of src.paragraphs) doc.text(p, left, doc.y, { width, indent: 24, lineGap: 4, paragraphGap: 6 });
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9).fillColor('#555').text(`第 ${i + 1} 页 共 ${range.count} 页`, left, doc.page.height - 44, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black');
  }
  doc.end();
  const chunks: Buffer[] = [];
  for (let c = doc.read() as Buffer | null; c !== null; c = doc.read() as Buffer | null) chunks.push(c);
  return { bytes: Buffer.concat(chunks), text: [...src.heading, ...src.paragraphs, src.title, src.author].join('\n') };
}
