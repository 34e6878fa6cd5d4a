import { createHash } from 'node:crypto';

/** File names inside every archive package. */
export const MANIFEST_NAME = 'manifest.sha256';
export const CERTIFICATE_NAME = '验证证书.pdf';
export const INDEX_NAME = '卷内目录.csv';

export interface ManifestEntry {
  path: string;
  sha256: string;
}

/**
 * `manifest.sha256` in the format of `sha256sum` (`<hex>  <relative path>`, one per line, LF),
 * sorted by path so the same package always gives the same manifest; `sha256sum -c` checks it.
 */
export function buildManifest(entries: ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.path}\n`)
    .join('');
}

export function parseManifest(text: string): { entries: Map<string, string>; problems: string[] } {
  const entries = new Map<string, string>();
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const l = line.replace(/\r$/, '');
    if (!l) return;
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(l);
    if (!m) return void problems.push(`清单第 ${i + 1} 行格式不正确`);
    const path = m[2].replace(/^\.\//, '');
    if (entries.has(path)) problems.push(`清单中“${path}”出现了两次`);
    entries.set(path, m[1].toLowerCase());
  });
  return { entries, problems };
}

export const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** The manifest hash as recorded in the certificate PDF's metadata (Keywords). */
export const certificateKeyword = (manifestSha256: string) => `manifest-sha256:${manifestSha256}`;

/** Reads the manifest hash back from a certificate PDF (its Keywords entry, written in plain ASCII). */
export function manifestHashInCertificate(pdf: Buffer): string | null {
  const m = /manifest-sha256:([0-9a-f]{64})/.exec(pdf.toString('latin1'));
  return m ? m[1] : null;
}

/** A file name that is safe on Windows and in a ZIP (no reserved characters, no trailing dots, bounded length). */
export function safeName(s: string, max = 60): string {
  const clean = s
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return (clean || '未命名').slice(0, max);
}
