import { localDate } from '../alerts/footage.js';

/** Where an entry's bytes come from: generated in memory, or an object of the evidence vault. */
export type EntrySource = { kind: 'bytes'; data: Buffer } | { kind: 'vault'; sha256: string; size: number };

/** One file of an archive package, with what the 卷内目录 says about it. */
export interface PackageEntry {
  /** Relative path with '/' separators, e.g. `02_案件记录/003_询问笔录.txt`. */
  path: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  category: string;
  source: EntrySource;
}

export const text = (s: string) => Buffer.from(s.replace(/\r?\n/g, '\r\n'), 'utf8');
export const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n', 'utf8');
export const seq = (n: number) => String(n).padStart(3, '0');
export const dateOf = (iso: string | null | undefined) => (iso ? (iso.length === 10 ? iso : localDate(iso)) : '');
export const extOf = (name: string | null) => (name && /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0].toLowerCase()) || '';
