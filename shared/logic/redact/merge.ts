/**
 * Turns the raw hits of all detectors into a sorted, non-overlapping list.
 *
 * - identical spans: the more specific kind wins (ID before bank card …);
 * - one span inside another: the outer one wins (a name inside a cut
 *   address, a cued and an uncued hit of the same number);
 * - partial overlap: the more specific kind wins.
 */
import { compactValue } from './normalise.js';
import type { Finding, FindingKind } from './types.js';

const RANK: Record<FindingKind, number> = {
  'id-number': 0,
  'bank-card': 1,
  mobile: 2,
  landline: 3,
  email: 4,
  address: 5,
  plate: 6,
  'person-name': 7,
};

export function mergeFindings(raw: Finding[]): Finding[] {
  raw.sort((a, b) => a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind]);
  const out: Finding[] = [];
  for (const f of raw) {
    const last = out[out.length - 1];
    if (!last || f.start >= last.end) {
      out.push(f);
      continue;
    }
    if (f.end <= last.end) continue; // inside (or equal to) the kept one
    if (RANK[f.kind] < RANK[last.kind]) out[out.length - 1] = f; // partial overlap
  }
  return out;
}

/** Drops findings whose value is on the keep list (bureau numbers, reviewer's undo). */
export function dropKept(findings: Finding[], keep: string[] | undefined): Finding[] {
  if (!keep || keep.length === 0) return findings;
  const exact = new Set(keep);
  const compact = new Set(keep.map(compactValue).filter((v) => v.length >= 5));
  return findings.filter((f) => !exact.has(f.text) && !(f.kind !== 'person-name' && compact.has(compactValue(f.text))));
}
