import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { extractPdfText } from '../../core/disclosure/pdf-text.js';

/** A tiny PDF with a ToUnicode CMap and one content stream, each Flate-compressed. */
function miniPdf(content: string, cmap: string): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.3\n')];
  const obj = (n: number, data: Buffer) => {
    parts.push(Buffer.from(`${n} 0 obj\n<<\n/Length ${data.length}\n/Filter /FlateDecode\n>>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n'));
  };
  obj(1, deflateSync(cmap));
  obj(2, deflateSync(content));
  parts.push(Buffer.from('3 0 obj\n<<\n/Title (\\376\\377\\000A\\000B)\n>>\nendobj\ntrailer\n<< /Info 3 0 R >>\n%%EOF\n', 'latin1'));
  return Buffer.concat(parts);
}

const CMAP = `/CIDInit /ProcSet findresource begin\nbegincmap\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange\n2 beginbfrange\n<0001> <0003> [<5F20> <4E09> <4E30>]\n<0010> <0019> <0030>\nendbfrange\n1 beginbfchar\n<0020> <FF0C>\nendbfchar\nendcmap\n`;

test('text shown with hex glyph codes is mapped back through the ToUnicode CMap', () => {
  const pdf = miniPdf('BT /F1 12 Tf [<000100020003> 0 <0020>] TJ ET\nBT <00110012> Tj (abc) Tj ET', CMAP);
  const r = extractPdfText(pdf);
  assert.equal(r.text, '张三丰，12abc');
  assert.ok(r.metadata.includes('AB'), 'UTF-16BE document information strings');
});

test('a compressed stream whose last byte is a carriage return is still read (the /Length is used)', () => {
  // Find a content stream whose Flate output ends in 0x0d (CR), which a naive reader would trim.
  let content = '';
  for (let i = 0; i < 100_000; i++) {
    const c = `BT <0001> Tj ET % ${'x'.repeat(i % 512)}${i}`;
    if (deflateSync(c).at(-1) === 0x0d) {
      content = c;
      break;
    }
  }
  assert.ok(content, 'found such a stream');
  const r = extractPdfText(miniPdf(content, CMAP));
  assert.ok(r.text.startsWith('张'), JSON.stringify(r.text));
});
