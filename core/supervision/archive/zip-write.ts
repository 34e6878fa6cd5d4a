import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * The ZIP of a package, written with `archiver` (the streaming zip writer exceljs itself uses, so it
 * is always installed): every file under one top folder named like the package, stored (footage and
 * PDFs are already compressed) or deflated (text), ZIP64 when over 4 GB, UTF-8 names.
 */
interface Archiver {
  pipe(s: NodeJS.WritableStream): void;
  file(path: string, data: { name: string; store?: boolean; date?: Date }): void;
  on(ev: 'error' | 'warning', cb: (e: Error) => void): void;
  finalize(): Promise<void>;
}
const require = createRequire(import.meta.url);
const archiver = require('archiver') as (format: 'zip', opts: { zlib?: { level: number }; forceZip64?: boolean }) => Archiver;

const STORED = /\.(mp4|mov|avi|mkv|jpg|jpeg|png|gif|heic|amr|m4a|mp3|aac|zip|rar|7z|pdf|docx|xlsx|wps)$/i;

export async function writeZip(folder: string, topName: string, paths: string[], dest: string, date: Date): Promise<void> {
  const out = createWriteStream(dest, { flags: 'wx' });
  const zip = archiver('zip', { zlib: { level: 6 } });
  const done = new Promise<void>((resolve, reject) => {
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.on('error', reject);
    zip.on('warning', reject);
  });
  zip.pipe(out);
  for (const p of paths) zip.file(join(folder, ...p.split('/')), { name: `${topName}/${p}`, store: STORED.test(p), date });
  await zip.finalize();
  await done;
}
