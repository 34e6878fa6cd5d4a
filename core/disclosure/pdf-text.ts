import { inflateSync } from 'node:zlib';

/**
 * Reads the text back out of a PDF's bytes, for the final personal-data check on the exact file
 * to be published (pdftotext is not available on Windows). Enough for the PDFs this program
 * writes with pdfkit: Flate-compressed content streams whose text is shown with hex glyph codes
 * (`[<0012…> 0] TJ`, `<…> Tj`) mapped to Unicode by the font's ToUnicode CMap (bfchar/bfrange);
 * literal strings in content streams and the document-information strings (Title, Author …,
 * UTF-16BE with a BOM) are read too. Not a general PDF parser: object streams, encryption and
 * several fonts with clashing codes are out of scope (all fonts' CMaps are merged).
 */
export function extractPdfText(pdf: Buffer): { text: string; metadata: string[] } {
  const src = pdf.toString('latin1');
  const cmap = new Map<number, string>();
  const contents: string[] = [];
  const outside: string[] = [];
  let pos = 0;
  const streamRe = /stream\r?\n/g;
  for (let m = streamRe.exec(src); m; m = streamRe.exec(src)) {
    const dictStart = src.lastIndexOf('obj', m.index);
    const dict = src.slice(dictStart, m.index);
    const start = m.index + m[0].length;
    const end = src.indexOf('endstream', start);
    if (end < 0) break;
    outside.push(src.slice(pos, dictStart));
    pos = end + 'endstream'.length;
    streamRe.lastIndex = pos;
    // The dictionary's /Length when it is a number; else up to the single end-of-line before endstream.
    const len = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let data = len ? pdf.subarray(start, start + Number(len[1])) : trimEol(pdf.subarray(start, end));
    if (/\/FlateDecode/.test(dict)) {
      try {
        data = inflateSync(data);
      } catch {
        continue; // not text (or damaged): images are DCT/Flate binary data
      }
    } else if (/\/Filter/.test(dict)) continue;
    const s = data.toString('latin1');
    if (s.includes('begincmap')) readCmap(s, cmap);
    else if (/\bBT\b/.test(s)) contents.push(s);
  }
  outside.push(src.slice(pos));
  const lines: string[] = [];
  for (const c of contents) {
    const blockRe = /\bBT\b([\s\S]*?)\bET\b/g;
    for (let b = blockRe.exec(c); b; b = blockRe.exec(c)) lines.push(showText(b[1], cmap));
  }
  return { text: lines.join(''), metadata: outside.flatMap(strings) };
}

/** Drops the one end-of-line (CRLF, LF or CR) that precedes `endstream`. */
function trimEol(b: Buffer): Buffer {
  let e = b.length;
  if (e > 0 && b[e - 1] === 0x0a) e--;
  if (e > 0 && b[e - 1] === 0x0d) e--;
  return b.subarray(0, e);
}

const hexCodes = (hex: string): number[] => {
  const out: number[] = [];
  const h = hex.replace(/\s+/g, '');
  const width = h.length % 4 === 0 ? 4 : 2;
  for (let i = 0; i + width <= h.length; i += width) out.push(parseInt(h.slice(i, i + width), 16));
  return out;
};

const utf16 = (hex: string): string => {
  const h = hex.replace(/\s+/g, '');
  let s = '';
  for (let i = 0; i + 4 <= h.length; i += 4) s += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
  return s;
};

function readCmap(s: string, cmap: Map<number, string>): void {
  for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) cmap.set(parseInt(p[1], 16), utf16(p[2]));
  }
  for (const block of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(r[1], 16);
      const hi = parseInt(r[2], 16);
      if (r[3].startsWith('[')) {
        const dst = [...r[3].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1]));
        for (let c = lo; c <= hi && c - lo < dst.length; c++) cmap.set(c, dst[c - lo]);
      } else {
        const base = utf16(r[3].slice(1, -1));
        const last = base.charCodeAt(base.length - 1);
        for (let c = lo; c <= hi; c++) cmap.set(c, base.slice(0, -1) + String.fromCharCode(last + (c - lo)));
      }
    }
  }
}

/** The text shown by one BT … ET block: hex strings through the CMap, literal strings as bytes. */
function showText(block: string, cmap: Map<number, string>): string {
  let out = '';
  const tokenRe = /<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)/g;
  for (let t = tokenRe.exec(block); t; t = tokenRe.exec(block)) {
    if (t[1] !== undefined) {
      for (const code of hexCodes(t[1])) out += cmap.get(code) ?? '';
    } else out += unescapeLiteral(t[2]);
  }
  return out;
}

function unescapeLiteral(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}

/** Strings outside streams (document information): literals and hex, UTF-16BE when they start with a BOM. */
function strings(part: string): string[] {
  const out: string[] = [];
  const re = /\(((?:\\.|[^\\)])*)\)|<([0-9a-fA-F]{4,})>/g;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    if (m[2] !== undefined) {
      if (/^feff/i.test(m[2])) out.push(utf16(m[2].slice(4)));
      continue;
    }
    const raw = unescapeLiteral(m[1]);
    if (raw.startsWith('\xfe\xff')) {
      let s = '';
      for (let i = 2; i + 1 < raw.length; i += 2) s += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
      out.push(s);
    } else out.push(raw);
  }
  return out;
}
