// Unified case numbers (统一编号), e.g. 遂林罚〔2026〕12号: the key that joins text
// records, footage and decisions. The pattern is a bureau setting with placeholders:
//   {unit}   unit abbreviation (遂林)        {type}   type abbreviation (罚)
//   {year}   4-digit year                   {seq}    sequence, no padding
//   {seq:N}  sequence zero-padded to N digits (a longer number is written in full)
// Pure module: no Node or DOM APIs.

export const DEFAULT_CASE_NUMBER_PATTERN = '{unit}{type}〔{year}〕{seq}号';

export interface CaseNumberParts {
  unit: string;
  type: string;
  year: number;
  seq: number;
}

type Token =
  | { kind: 'lit'; text: string }
  | { kind: 'unit' | 'type' | 'year' }
  | { kind: 'seq'; width: number };

const MAX_PATTERN_LENGTH = 100;
const MAX_SEQ_WIDTH = 10;

/** Splits a pattern into literals and placeholders; a string is an error message. */
function tokenize(pattern: string): Token[] | string {
  if (typeof pattern !== 'string' || pattern.trim() === '') return '编号格式不能为空';
  if (pattern.length > MAX_PATTERN_LENGTH) return `编号格式不能超过${MAX_PATTERN_LENGTH}个字符`;
  const tokens: Token[] = [];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  const literal = (text: string): string | null => {
    if (text === '') return null;
    if (/[{}]/.test(text)) return '编号格式中的花括号不配对';
    tokens.push({ kind: 'lit', text });
    return null;
  };
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    const bad = literal(pattern.slice(last, m.index));
    if (bad) return bad;
    last = m.index + m[0].length;
    const name = m[1];
    if (name === 'unit' || name === 'type' || name === 'year') {
      tokens.push({ kind: name });
    } else if (name === 'seq') {
      tokens.push({ kind: 'seq', width: 0 });
    } else if (/^seq:\d+$/.test(name)) {
      const width = Number(name.slice(4));
      if (width < 1 || width > MAX_SEQ_WIDTH) return `{seq:N}中的位数应为1到${MAX_SEQ_WIDTH}`;
      tokens.push({ kind: 'seq', width });
    } else {
      return `编号格式中有未知的占位符{${name}}，可用：{unit}、{type}、{year}、{seq}、{seq:N}`;
    }
  }
  return literal(pattern.slice(last)) ?? tokens;
}

/** null when the pattern is usable, else a Chinese message saying what is wrong. */
export function validatePattern(pattern: string): string | null {
  const tokens = tokenize(pattern);
  if (typeof tokens === 'string') return tokens;
  const count = (k: Token['kind']) => tokens.filter((t) => t.kind === k).length;
  if (count('seq') === 0) return '编号格式必须包含{seq}（序号）';
  if (count('seq') > 1) return '编号格式中{seq}只能出现一次';
  if (count('year') === 0) return '编号格式必须包含{year}（年份）';
  if (count('year') > 1) return '编号格式中{year}只能出现一次';
  if (count('unit') > 1) return '编号格式中{unit}最多出现一次';
  if (count('type') > 1) return '编号格式中{type}最多出现一次';
  return null;
}

function tokensOrThrow(pattern: string): Token[] {
  const problem = validatePattern(pattern);
  if (problem) throw new Error(problem);
  return tokenize(pattern) as Token[];
}

function checkAbbreviation(value: unknown, label: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${label}不能为空`);
  if (/[\d\s]/.test(value)) throw new Error(`${label}“${value}”不能包含数字或空格`);
  return value;
}

/**
 * Writes a case number. Throws (Chinese message) on an invalid pattern, a year outside
 * 1000–9999, a sequence below 1, or a missing unit/type the pattern needs.
 */
export function formatCaseNumber(pattern: string, parts: CaseNumberParts): string {
  const tokens = tokensOrThrow(pattern);
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) throw new Error(`年份应为4位数字：${parts.year}`);
  if (!Number.isSafeInteger(parts.seq) || parts.seq < 1) throw new Error(`序号应为正整数：${parts.seq}`);
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'lit':
          return t.text;
        case 'unit':
          return checkAbbreviation(parts.unit, '单位简称');
        case 'type':
          return checkAbbreviation(parts.type, '类别简称');
        case 'year':
          return String(parts.year);
        case 'seq':
          return String(parts.seq).padStart(t.width, '0');
      }
    })
    .join('');
}

// Bracket look-alikes people type instead of 〔〕 (the official 六角括号).
const OPEN_VARIANTS = /[[［(（【〖﹝〘]/g;
const CLOSE_VARIANTS = /[\]］)）】〗﹞〙]/g;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex alternation of known values, longest first so 遂林 wins over 遂. */
function alternation(values: string[] | undefined): string | null {
  const list = (values ?? []).filter((v) => typeof v === 'string' && v !== '');
  if (list.length === 0) return null;
  return [...new Set(list)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}

function buildRegExp(tokens: Token[], mapBrackets: boolean, known?: { units?: string[]; types?: string[] }): RegExp {
  const units = alternation(known?.units);
  const types = alternation(known?.types);
  const parts = tokens.map((t, i) => {
    switch (t.kind) {
      case 'lit':
        return escapeRe(mapBrackets ? normalizeBrackets(t.text) : t.text);
      case 'unit':
        // Greedy right before {type}: the type abbreviation is usually one character (罚, 许, 强).
        if (units) return `(?<unit>${units})`;
        return tokens[i + 1]?.kind === 'type' ? '(?<unit>[^\\d\\s]+)' : '(?<unit>[^\\d\\s]+?)';
      case 'type':
        return types ? `(?<type>${types})` : '(?<type>[^\\d\\s]+?)';
      case 'year':
        return '(?<year>\\d{4})';
      case 'seq':
        // Padded: exactly N digits, or more without a leading zero (what format writes past 10^N - 1).
        return t.width ? `(?<seq>\\d{${t.width}}|[1-9]\\d{${t.width},})` : '(?<seq>\\d+)';
    }
  });
  return new RegExp(`^${parts.join('')}$`, 'u');
}

function normalizeBrackets(s: string): string {
  return s.replace(OPEN_VARIANTS, '〔').replace(CLOSE_VARIANTS, '〕');
}

const regexCache = new Map<string, RegExp>();

/**
 * Reads a case number written with `pattern`; null when it does not fit. Input is
 * trimmed, full-width digits are read as digits, spaces are ignored unless the pattern
 * has any, and when the pattern uses 〔〕 the usual look-alikes ([] ［］ () （） 【】 ﹝﹞)
 * are accepted in their place. `known` lists resolve where {unit} ends and {type} begins
 * (遂林罚决 → 遂林 + 罚决); without them, or when the text matches none of them, a unit
 * directly followed by a type leaves the type one character where possible.
 * Throws on an invalid pattern (validate settings with validatePattern first).
 */
export function parseCaseNumber(
  pattern: string,
  text: string,
  known?: { units?: string[]; types?: string[] },
): CaseNumberParts | null {
  const tokens = tokensOrThrow(pattern);
  if (typeof text !== 'string') return null;
  const mapBrackets = /[〔〕]/.test(pattern);
  let s = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/\s/.test(pattern)) s = s.replace(/\s+/g, '');
  if (mapBrackets) s = normalizeBrackets(s);
  if (s === '') return null;

  const attempts: (typeof known)[] = known && (alternation(known.units) || alternation(known.types)) ? [known, undefined] : [undefined];
  for (const k of attempts) {
    const key = `${mapBrackets ? 1 : 0}\u0000${pattern}\u0000${k?.units?.join('\u0001') ?? ''}\u0000${k?.types?.join('\u0001') ?? ''}`;
    let re = regexCache.get(key);
    if (!re) {
      re = buildRegExp(tokens, mapBrackets, k);
      if (regexCache.size >= 64) regexCache.clear();
      regexCache.set(key, re);
    }
    const g = re.exec(s)?.groups;
    if (!g) continue;
    const year = Number(g.year);
    const seq = Number(g.seq);
    if (year < 1000 || !Number.isSafeInteger(seq) || seq < 1) return null;
    return { unit: g.unit ?? '', type: g.type ?? '', year, seq };
  }
  return null;
}
