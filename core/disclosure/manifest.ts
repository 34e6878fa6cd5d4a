import { createHash } from 'node:crypto';

export interface ManifestEntry {
  sha256: string;
  size: number;
}

/** Path → hash and size of every file of a site build, in path order, and the release id derived from it. */
export interface Manifest {
  release: string;
  sha256: string;
  files: Map<string, ManifestEntry>;
  bytes: number;
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** The canonical text hashed for the release id: one `path sha256 size` line per file, sorted by path. */
const canonical = (entries: [string, ManifestEntry][]) => entries.map(([p, e]) => `${p} ${e.sha256} ${e.size}\n`).join('');

/** Generated files are hashed; attachments enter under the content address recorded at approval. */
export function makeManifest(files: Map<string, Buffer>, attachments: Map<string, ManifestEntry> = new Map(), hashes?: WeakMap<Buffer, string>): Manifest {
  const hashOf = (b: Buffer) => {
    let h = hashes?.get(b);
    if (!h) {
      h = sha(b);
      hashes?.set(b, h);
    }
    return h;
  };
  const entries: [string, ManifestEntry][] = [
    ...[...files].map(([p, b]): [string, ManifestEntry] => [p, { sha256: hashOf(b), size: b.length }]),
    ...[...attachments].map(([p, a]): [string, ManifestEntry] => [p, { sha256: a.sha256, size: a.size }]),
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const digest = sha(canonical(entries));
  return { release: digest.slice(0, 20), sha256: digest, files: new Map(entries), bytes: entries.reduce((s, [, e]) => s + e.size, 0) };
}

/** The manifest as stored beside a release (`.manifest.json`) and in the publish log. */
export function manifestJson(m: Manifest, meta: Record<string, unknown> = {}): string {
  const files: Record<string, [string, number]> = {};
  for (const [p, e] of m.files) files[p] = [e.sha256, e.size];
  return JSON.stringify({ format: 'sanxiang-release-1', release: m.release, sha256: m.sha256, bytes: m.bytes, ...meta, files });
}

/** Reads a stored manifest back; null when it is not one of ours or is damaged. */
export function parseManifest(text: string): Manifest | null {
  try {
    const j = JSON.parse(text) as { format?: string; release?: string; sha256?: string; files?: Record<string, [string, number]> };
    if (j.format !== 'sanxiang-release-1' || !j.files || typeof j.release !== 'string') return null;
    const files = new Map<string, ManifestEntry>(Object.entries(j.files).map(([p, [s, n]]) => [p, { sha256: s, size: n }]));
    return { release: j.release, sha256: j.sha256 ?? '', files, bytes: [...files.values()].reduce((s, e) => s + e.size, 0) };
  } catch {
    return null;
  }
}
