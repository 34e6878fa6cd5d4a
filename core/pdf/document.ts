import PDFDocument from 'pdfkit';
import { useCjkFont } from './font.js';

/** A new A4 document with the CJK font selected; `bufferPages` so page numbers can be added at the end. */
export function newA4(margins: { top: number; bottom: number; left: number; right: number }, info: PDFKit.DocumentInfo): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margins, bufferPages: true, info });
  useCjkFont(doc);
  return doc;
}

/** The width between the page margins and its left edge. */
export function textBox(doc: PDFKit.PDFDocument): { left: number; width: number } {
  const left = doc.page.margins.left;
  return { left, width: doc.page.width - left - doc.page.margins.right };
}

/** "第 i 页 共 n 页" centred at the foot of every page (`fromBottom` points above the paper's edge). */
export function addPageNumbers(doc: PDFKit.PDFDocument, fromBottom: number, color = '#555'): void {
  const { left, width } = textBox(doc);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9).fillColor(color).text(`第 ${i + 1} 页 共 ${range.count} 页`, left, doc.page.height - fromBottom, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black');
  }
}

/**
 * Ends the document and returns its bytes. Synchronous: pdfkit's stream buffer is read after
 * `end()`, so a PDF can be made inside the database transaction that records what it states.
 */
export function pdfBytes(doc: PDFKit.PDFDocument): Buffer {
  doc.end();
  const chunks: Buffer[] = [];
  for (let c = doc.read() as Buffer | null; c !== null; c = doc.read() as Buffer | null) chunks.push(c);
  return Buffer.concat(chunks);
}
