import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

/** The CJK font shipped in resources/fonts (Noto Sans SC, OFL; see resources/fonts/README.md). */
export const PDF_FONT_FILE = 'NotoSansSC-Regular-GB2312.otf';

/**
 * Where the font is: env `SANXIANG_PDF_FONT`; `process.resourcesPath/fonts/` when packaged
 * (Electron sets resourcesPath); else the source tree's resources/fonts/ (found relative to this
 * module, or to the working directory when bundled).
 */
export function pdfFontPath(): string {
  const candidates: string[] = [];
  if (process.env.SANXIANG_PDF_FONT) candidates.push(process.env.SANXIANG_PDF_FONT);
  const res = (process as { resourcesPath?: string }).resourcesPath;
  if (res) candidates.push(join(res, 'fonts', PDF_FONT_FILE), join(res, 'resources', 'fonts', PDF_FONT_FILE));
  try {
    candidates.push(fileURLToPath(new URL(`../../resources/fonts/${PDF_FONT_FILE}`, import.meta.url)));
  } catch {
    // Bundled without import.meta.url: fall through to the working directory.
  }
  candidates.push(join(process.cwd(), 'resources', 'fonts', PDF_FONT_FILE));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new UserError('FONT_MISSING', `找不到生成文书所需的中文字体（${PDF_FONT_FILE}）。程序安装可能不完整，请重新安装。`);
  }
  return found;
}

let cached: Buffer | null = null;

/** The font bytes, read once per process. */
export function pdfFontBytes(): Buffer {
  cached ??= readFileSync(pdfFontPath());
  return cached;
}
