import { addPageNumbers, newA4, pdfBytes, textBox } from '../pdf/document.js';

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
  const doc = newA4({ top: 72, bottom: 72, left: 68, right: 68 }, { Title: src.title, Author: src.author, Subject: src.title, CreationDate: new Date(`${src.date}T00:00:00Z`) });
  const { left, width } = textBox(doc);
  const [first, second, ...rest] = src.heading;
  if (first) doc.fontSize(15).text(first, { align: 'center' });
  if (second) doc.moveDown(0.3).fontSize(20).text(second, { align: 'center', characterSpacing: 2 });
  for (const h of rest) doc.moveDown(0.3).fontSize(11).text(h, { align: 'center' });
  doc.moveDown(1).fontSize(12);
  for (const p of src.paragraphs) doc.text(p, left, doc.y, { width, indent: 24, lineGap: 4, paragraphGap: 6 });
  addPageNumbers(doc, 44);
  const bytes = pdfBytes(doc);
  return { bytes, text: [...src.heading, ...src.paragraphs, src.title, src.author].join('\n') };
}
