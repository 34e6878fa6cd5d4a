import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

/** The subset CJK font shipped in resources/fonts (Noto Sans SC, OFL; see resources/fonts/README.md). */
const PDF_FONT_FILE = 'NotoSansSC-Regular-GB2312.otf';
const FONT = 'cjk';

/**
 * The font for every PDF the app writes (review opinions, public decisions, archive certificates):
 * env `SANXIANG_PDF_FONT`; the packaged app's resources (Electron sets `process.resourcesPath`);
 * the source tree's resources/fonts (relative to this module, or to the working directory when
 * bundled); else a system CJK font — Noto CJK on Linux, 微软雅黑 / 宋体 on Windows (TrueType
 * collections need the face name). A character outside the shipped subset prints as an empty box;
 * redaction checks read the text fed to the PDF, so a missing glyph never hides a leak.
 */
export function findPdfFont(): { path: string; family?: string } {
  const shipped: string[] = [];
  if (process.env.SANXIANG_PDF_FONT) shipped.push(process.env.SANXIANG_PDF_FONT);
  const res = (process as { resourcesPath?: string }).resourcesPath;
  if (res) shipped.push(join(res, 'fonts', PDF_FONT_FILE), join(res, 'resources', 'fonts', PDF_FONT_FILE));
  try {
    shipped.push(fileURLToPath(new URL(`../../resources/fonts/${PDF_FONT_FILE}`, import.meta.url)));
  } catch {
    // Bundled without import.meta.url: fall through to the working directory.
  }
  shipped.push(join(process.cwd(), 'resources', 'fonts', PDF_FONT_FILE));
  const found = shipped.find((p) => existsSync(p));
  if (found) return { path: found };
  const windir = process.env.WINDIR ?? 'C:\\Windows';
  const system = [
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
    { path: join(windir, 'Fonts', 'msyh.ttc'), family: 'MicrosoftYaHei' },
    { path: join(windir, 'Fonts', 'simsun.ttc'), family: 'SimSun' },
  ].find((f) => existsSync(f.path));
  if (system) return system;
  throw new UserError('FONT_MISSING', `找不到生成文书所需的中文字体（${PDF_FONT_FILE}）。程序安装可能不完整，请重新安装。`);
}

let fontFile: { bytes: Buffer; family?: string } | null = null;
/**
 * pdfkit's parsed font, kept between documents: pdfkit accepts a font object with `layout()` as a
 * font source, and parsing the CJK font again for every document costs more than the page itself.
 * Read from the first document's font (pdfkit's EmbeddedFont keeps it as `font`); if that ever
 * changes, every document simply parses the bytes again.
 */
let parsedFont: unknown = null;

/** Registers the CJK font as 'cjk' and selects it. */
export function useCjkFont(doc: PDFKit.PDFDocument): void {
  if (parsedFont) doc.registerFont(FONT, parsedFont as Buffer);
  else {
    if (!fontFile) {
      const f = findPdfFont();
      fontFile = { bytes: readFileSync(f.path), family: f.family };
    }
    doc.registerFont(FONT, fontFile.bytes, fontFile.family as string);
  }
  doc.font(FONT);
  if (!parsedFont) {
    const f = (doc as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
    if (typeof f?.layout === 'function') parsedFont = f;
  }
}
