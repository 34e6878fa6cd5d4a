/**
 * Turning case text into search-index rows and user queries into FTS5 expressions.
 * Terms of three or more characters use the trigram index; one- and two-character terms
 * use the bigram index over the short fields (see migration 001).
 */

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** Space-separated bigrams of every run of letters/digits, plus each run's last character. */
export function bigrams(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(WORD_RUN)) {
    const run = [...m[0].toLowerCase()];
    for (let i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
    out.push(run[run.length - 1]);
  }
  return out.join(' ');
}

export interface ParsedQuery {
  /** FTS5 expression for the trigram index, or null when no term is long enough. */
  trigram: string | null;
  /** FTS5 expression for the bigram index, or null when no term is short. */
  short: string | null;
  /** The short terms themselves, as LIKE patterns (used to narrow trigram hits). */
  shortLike: string[];
  /** The terms, for highlighting outside FTS5. */
  terms: string[];
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Splits on white space; every term must match (AND). */
export function parseQuery(q: string): ParsedQuery {
  const terms = q
    .normalize('NFKC')
    .split(/\s+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 8);
  const long: string[] = [];
  const short: string[] = [];
  const shortLike: string[] = [];
  for (const t of terms) {
    if ([...t].length >= 3) long.push(quote(t));
    else {
      const word = (t.match(WORD_RUN) ?? []).join('').toLowerCase();
      if (!word) continue;
      shortLike.push(`%${word.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
      short.push([...word].length === 2 ? quote(word) : `${quote(word)}*`);
    }
  }
  return {
    trigram: long.length ? long.join(' AND ') : null,
    short: short.length ? short.join(' AND ') : null,
    shortLike,
    terms,
  };
}

/** Wraps every occurrence of any term in 【】 and cuts a window around the first hit. */
export function highlight(text: string, terms: string[], width = 40): string {
  const lower = text.toLowerCase();
  let first = -1;
  for (const t of terms) {
    const i = lower.indexOf(t.toLowerCase());
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  if (first < 0) return '';
  const start = Math.max(0, first - Math.floor(width / 3));
  let piece = text.slice(start, start + width);
  for (const t of [...terms].sort((a, b) => b.length - a.length)) {
    if (!t) continue;
    const re = new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    piece = piece.replace(re, (m) => `【${m}】`);
  }
  return (start > 0 ? '…' : '') + piece + (start + width < text.length ? '…' : '');
}

const BRACKETS: Record<string, string> = { '[': '〔', ']': '〕', '【': '〔', '】': '〕', '（': '〔', '）': '〕', '(': '〔', ')': '〕', '［': '〔', '］': '〕' };

/**
 * When the query is (the beginning of) a unified case number such as `遂林罚〔2026〕12` —
 * a single term with a bracketed four-digit year — the normalised prefix; otherwise null.
 */
export function caseNumberPrefix(q: string): string | null {
  const t = q.trim();
  if (/\s/.test(t) || !/[〔[【（(［]\d{4}/.test(t)) return null;
  return t.replace(/[[\]【】（）()［］]/g, (c) => BRACKETS[c] ?? c);
}
