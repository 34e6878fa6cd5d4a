/**
 * Filename templates of recorder models, e.g. `DCAM_<device>_<officer>_<YYYYMMDD>_<HHMMSS>[_IMP].<ext>`.
 *
 * Placeholders: `<device>` serial, `<officer>` officer number, `<YYYYMMDD>`, `<HHMMSS>`, `<YYYY>`,
 * `<MM>`, `<DD>`, `<hh>`, `<mm>`, `<ss>`, `<seq>` digits, `<ext>` extension, `<*>` anything.
 * `[text]` is an optional literal that marks the file important when present (`_IMP`, `_LOCK`).
 * A `/` matches a folder boundary: the template is matched against the trailing path segments.
 * Everything else is literal; matching ignores case.
 */

export interface NameFacts {
  device: string | null;
  officer: string | null;
  /** Recorder clock, local: [Y, M, D, h, m, s]. */
  start: [number, number, number, number, number, number] | null;
  important: boolean;
}

const PLACEHOLDERS: Record<string, string> = {
  device: '(?<device>[A-Za-z0-9-]+?)',
  officer: '(?<officer>[A-Za-z0-9]+?)',
  YYYYMMDD: '(?<Y>\\d{4})(?<M>\\d{2})(?<D>\\d{2})',
  HHMMSS: '(?<h>\\d{2})(?<m>\\d{2})(?<s>\\d{2})',
  YYYY: '(?<Y>\\d{4})',
  MM: '(?<M>\\d{2})',
  DD: '(?<D>\\d{2})',
  hh: '(?<h>\\d{2})',
  mm: '(?<m>\\d{2})',
  ss: '(?<s>\\d{2})',
  seq: '\\d+',
  ext: '[A-Za-z0-9]+',
  '*': '.*?',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface CompiledTemplate {
  template: string;
  regex: RegExp;
  segments: number;
}

/** Compiles a template; throws an Error with a Chinese message when it is malformed. */
export function compileTemplate(template: string): CompiledTemplate {
  let re = '';
  let important = false;
  let i = 0;
  const seen = new Set<string>();
  while (i < template.length) {
    const c = template[i];
    if (c === '<') {
      const end = template.indexOf('>', i);
      if (end < 0) throw new Error(`文件名模板「${template}」缺少“>”`);
      const name = template.slice(i + 1, end);
      const pat = PLACEHOLDERS[name];
      if (!pat) throw new Error(`文件名模板「${template}」中的 <${name}> 无法识别`);
      const group = /\?<(\w+)>/.exec(pat)?.[1];
      if (group && seen.has(group)) throw new Error(`文件名模板「${template}」中 <${name}> 重复`);
      for (const g of pat.matchAll(/\?<(\w+)>/g)) seen.add(g[1]);
      re += pat;
      i = end + 1;
    } else if (c === '[') {
      const end = template.indexOf(']', i);
      if (end < 0) throw new Error(`文件名模板「${template}」缺少“]”`);
      if (important) throw new Error(`文件名模板「${template}」只能有一个 [重要标记]`);
      important = true;
      re += `(?<imp>${escape(template.slice(i + 1, end))})?`;
      i = end + 1;
    } else if (c === '/' || c === '\\') {
      re += '/';
      i++;
    } else {
      re += escape(c);
      i++;
    }
  }
  return { template, regex: new RegExp(`^${re}$`, 'i'), segments: template.split(/[/\\]/).length };
}

/** Matches a relative path (any separator) against compiled templates; the first match wins. */
export function parseName(relPath: string, templates: CompiledTemplate[]): NameFacts | null {
  const parts = relPath.split(/[/\\]/).filter(Boolean);
  for (const t of templates) {
    if (parts.length < t.segments) continue;
    const m = t.regex.exec(parts.slice(-t.segments).join('/'));
    if (!m) continue;
    const g = m.groups ?? {};
    return {
      device: g.device ?? null,
      officer: g.officer ?? null,
      start: clock(g),
      important: !!g.imp,
    };
  }
  return null;
}

function clock(g: Record<string, string | undefined>): NameFacts['start'] {
  if (!g.Y || !g.M || !g.D) return null;
  const v = [g.Y, g.M, g.D, g.h ?? '0', g.m ?? '0', g.s ?? '0'].map(Number) as [number, number, number, number, number, number];
  const [Y, M, D, h, m, s] = v;
  if (Y < 2000 || Y > 2100 || M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || s > 59) return null;
  const d = new Date(Date.UTC(Y, M - 1, D));
  if (d.getUTCMonth() !== M - 1) return null;
  return v;
}

/** A recorder clock reading in a fixed UTC offset ("+08:00") → ISO UTC. */
export function clockToIso(start: NonNullable<NameFacts['start']>, utcOffset: string): string {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(utcOffset) ?? ['', '+', '08', '00'];
  const offMin = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const [Y, M, D, h, mi, s] = start;
  return new Date(Date.UTC(Y, M - 1, D, h, mi, s) - offMin * 60_000).toISOString();
}
