import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DeviceIdentity, DeviceProfile } from '../../shared/media-types.js';
import { compileProfile, type CompiledProfile } from './device-profiles.js';
import { parseName } from '../../shared/logic/filename-template.js';
import { parseIdentity } from './identity-file.js';

/** A file found on a recorder (or a folder chosen by hand). */
export interface FootageFile {
  abs: string;
  /** Path relative to the device root, always with `/`. */
  rel: string;
  size: number;
  mtimeMs: number;
}

/** Folders on Windows / camera volumes that never hold footage. */
const SKIP_DIRS = /^(\$RECYCLE\.BIN|System Volume Information|RECYCLER|LOST\.DIR|\.Trashes|\.Spotlight-V100|\.fseventsd)$/i;

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Sub-folders of `root` named (case-insensitively) as in `names`. */
async function existingFolders(root: string, names: string[]): Promise<string[]> {
  const want = new Set(names.map((n) => n.toLowerCase()));
  return (await entries(root)).filter((e) => e.isDirectory() && want.has(e.name.toLowerCase())).map((e) => e.name);
}

/** Reads the first identity file of the profile found at the root. */
export async function readIdentity(root: string, profile: DeviceProfile): Promise<{ file: string; identity: DeviceIdentity } | null> {
  const want = new Set(profile.identityFiles.map((n) => n.toLowerCase()));
  for (const e of await entries(root)) {
    if (!e.isFile() || !want.has(e.name.toLowerCase())) continue;
    try {
      const s = await stat(join(root, e.name));
      if (s.size > 64 * 1024) continue;
      const identity = parseIdentity(await readFile(join(root, e.name)));
      if (identity) return { file: e.name, identity };
    } catch {
      /* unreadable: try the next */
    }
  }
  return null;
}

/** Looks (shallowly) for one file whose name a profile template recognises. */
async function hasNamedFile(dir: string, cp: CompiledProfile, depth: number, rel = ''): Promise<boolean> {
  for (const e of await entries(dir)) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isFile() && cp.extensions.has(extname(e.name).slice(1).toLowerCase()) && parseName(r, cp.templates)) return true;
    if (e.isDirectory() && depth > 0 && !SKIP_DIRS.test(e.name) && (await hasNamedFile(join(dir, e.name), cp, depth - 1, r))) return true;
  }
  return false;
}

export interface Recognition {
  profile: DeviceProfile;
  identity: DeviceIdentity | null;
  identityFile: string | null;
}

/**
 * Is this volume a recorder? Yes when it carries a profile's identity file, or a profile's footage
 * folder holding a file named by the profile's template (a phone's DCIM with IMG_0001.JPG is not).
 */
export async function recogniseVolume(root: string, profiles: DeviceProfile[]): Promise<Recognition | null> {
  for (const profile of profiles) {
    const id = await readIdentity(root, profile);
    if (id) return { profile, identity: id.identity, identityFile: id.file };
  }
  for (const profile of profiles) {
    const cp = compileProfile(profile);
    for (const f of await existingFolders(root, profile.folders)) {
      if (await hasNamedFile(join(root, f), cp, 3, f)) return { profile, identity: null, identityFile: null };
    }
  }
  return null;
}

/** A folder chosen by hand: the recognised profile, else the one whose templates name most files, else the first. */
export async function recogniseFolder(root: string, profiles: DeviceProfile[], files?: FootageFile[]): Promise<Recognition> {
  const r = await recogniseVolume(root, profiles);
  if (r) return r;
  if (files?.length) {
    let best: { profile: DeviceProfile; n: number } | null = null;
    for (const profile of profiles) {
      const cp = compileProfile(profile);
      const n = files.filter((f) => parseName(f.rel, cp.templates)).length;
      if (n > 0 && (!best || n > best.n)) best = { profile, n };
    }
    if (best) return { profile: best.profile, identity: null, identityFile: null };
  }
  return { profile: profiles[0], identity: null, identityFile: null };
}

/**
 * Lists footage under the root: inside the profile's folders when present, else the whole tree.
 * Only the given extensions; sorted by path so runs are repeatable.
 */
export async function listFootage(root: string, profile: DeviceProfile, extensions?: Set<string>): Promise<FootageFile[]> {
  const exts = extensions ?? new Set(profile.extensions.map((e) => e.toLowerCase()));
  const folders = await existingFolders(root, profile.folders);
  const out: FootageFile[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const e of await entries(dir)) {
      if (e.name.startsWith('.')) continue;
      const abs = join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.test(e.name)) await walk(abs, r);
      } else if (e.isFile() && exts.has(extname(e.name).slice(1).toLowerCase())) {
        try {
          const s = await stat(abs);
          out.push({ abs, rel: r, size: s.size, mtimeMs: Math.trunc(s.mtimeMs) });
        } catch {
          /* vanished between readdir and stat: the next scan will tell */
        }
      }
    }
  };
  if (folders.length) for (const f of folders) await walk(join(root, f), f);
  else await walk(root, '');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** Every extension any profile accepts (for folders chosen by hand). */
export const allExtensions = (profiles: DeviceProfile[]) => new Set(profiles.flatMap((p) => p.extensions.map((e) => e.toLowerCase())));
