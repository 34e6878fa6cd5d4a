import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

/** The subset CJK font shipped in resources/fonts (see resources/fonts/README.md). */
const SHIPPED = 'NotoSansSC-Regular-GB2312.otf';

/**
 * Font for the regenerated decision PDFs: the shipped subset (env `SANXIANG_PDF_FONT`, the
 * packaged app's resources, the source tree), else a system CJK font — Noto CJK on Linux,
 * 微软雅黑 / 宋体 on Windows (TrueType collections need the face name). A character outside the
 * shipped subset prints as an empty box; the redaction check reads the text fed to the PDF, so
 * a missing glyph never hides a leak.
 */
export function pdfFont(): { path: string; family?: string } {
  const shipped: string[] = [];
  if (process.env.SANXIANG_PDF_FONT) shipped.push(process.env.SANXIANG_PDF_FONT);
  const res = (process as { resourcesPath?: string }).resourcesPath;
  if (res) shipped.push(join(res, 'fonts', SHIPPED), join(res, 'resources', 'fonts', SHIPPED));
  try {
    shipped.push(fileURLToPath(new URL(`../../resources/fonts/${SHIPPED}`, import.meta.url)));
  } catch {
    // Bundled without import.meta.url.
  }
  shipped.push(join(process.cwd(), 'resources', 'fonts', SHIPPED));
  const found = shipped.find((p) => existsSync(p));
  if (found) return { path: found };
  const windir = process.env.WINDIR ?? 'C:\\Windows';
  const system = [
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
    { path: join(windir, 'Fonts', 'msyh.ttc'), family: 'MicrosoftYaHei' },
    { path: join(windir, 'Fonts', 'simsun.ttc'), family: 'SimSun' },
  ].find((f) => existsSync(f.path));
  if (system) return system;
  throw new UserError('FONT_MISSING', `找不到生成公开版决定书所需的中文字体（${SHIPPED}）。程序安装可能不完整，请重新安装。`);
}

let cached: { bytes: Buffer; family?: string } | null = null;

export function pdfFontData(): { bytes: Buffer; family?: string } {
  if (!cached) {
    const f = pdfFont();
    cached = { bytes: readFileSync(f.path), family: f.family };
  }
  return cached;
}
