// Turns zod validation issues into messages a clerk can act on: every message names the field in
// Chinese (the label a schema carries through `.describe()`, set by the helpers in fields.ts), and
// zod's generic wording ("期望 number，实际接收 undefined") is replaced by plain Chinese.
import { z, type ZodError, type ZodType } from 'zod';
import { FIELD_NAMES, GROUP_NAMES } from './field-names.js';

type Issue = z.core.$ZodIssue;
type Def = { type: string; [k: string]: unknown };

const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
const descriptionOf = (s: unknown): string | undefined => (s as { description?: string } | undefined)?.description;

/** Wrapper schemas whose inner schema carries the field itself. */
function innerOf(s: unknown): unknown | undefined {
  const def = defOf(s);
  if (!def) return undefined;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return def.innerType;
    case 'pipe':
      return defOf(def.in)?.type === 'transform' ? def.out : def.in;
    case 'lazy':
      return (def.getter as () => unknown)();
    default:
      return undefined;
  }
}

/**
 * The labels met on the way from `schema` down `path`, outermost first, one or none per key: a
 * schema's own label (`.describe`), else the common name of its key (FIELD_NAMES).
 */
export function labelsAlong(schema: unknown, path: readonly PropertyKey[]): string[] {
  const labels: string[] = [];
  let segmentStart = 0;
  const note = (s: unknown) => {
    const d = descriptionOf(s);
    if (d && !labels.slice(segmentStart).includes(d)) labels.push(d);
  };
  let cur: unknown = schema;
  const unwrap = () => {
    for (let i = 0; i < 20 && cur; i++) {
      note(cur);
      const next = innerOf(cur);
      if (!next) return;
      cur = next;
    }
  };
  unwrap();
  for (const key of path) {
    const def = defOf(cur);
    if (!def) break;
    let next: unknown;
    if (def.type === 'object') next = (def.shape as Record<string, unknown>)[String(key)];
    else if (def.type === 'array') next = def.element;
    else if (def.type === 'record') next = def.valueType;
    else if (def.type === 'tuple') next = (def.items as unknown[])[Number(key)];
    else if (def.type === 'union' || def.type === 'discriminatedUnion') {
      next = (def.options as unknown[]).map((o) => {
        let u: unknown = o;
        for (let i = 0; i < 20 && innerOf(u); i++) u = innerOf(u);
        return defOf(u)?.type === 'object' ? (defOf(u)!.shape as Record<string, unknown>)[String(key)] : undefined;
      }).find(Boolean);
    }
    if (!next) break;
    cur = next;
    const before = (segmentStart = labels.length);
    unwrap();
    const named = FIELD_NAMES[String(key)];
    if (labels.length === before && named && typeof key === 'string') labels.push(named);
  }
  return labels;
}

/** zod's own (zh-CN locale) wording, which names types in English; see zod/v4/locales/zh-CN. */
const GENERIC = /^(无效|数值过[大小]|出现未知的键)|中的键\(key\)无效|中包含无效值/;

/** Our wording for an issue zod described in its own generic words. */
function plainMessage(issue: Issue, label: string): string {
  const i = issue as Issue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint };
  switch (issue.code) {
    case 'invalid_type':
      return /实际接收 (undefined|null)$/.test(issue.message) ? `请填写${label}` : `${label}的格式不正确`;
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? `请填写${label}` : `${label}至少 ${i.minimum} 个字`;
      if (i.origin === 'array' || i.origin === 'set') return Number(i.minimum) <= 1 ? `请至少选择一项${label}` : `${label}至少 ${i.minimum} 项`;
      return `${label}不能小于 ${i.minimum}`;
    case 'too_big':
      if (i.origin === 'string') return `${label}不能超过 ${i.maximum} 个字`;
      if (i.origin === 'array' || i.origin === 'set') return `${label}最多 ${i.maximum} 项`;
      return `${label}不能大于 ${i.maximum}`;
    case 'invalid_value':
      return `${label}不在可选范围内，请重新选择`;
    case 'unrecognized_keys':
      return '提交的内容包含本程序不认识的项目，请刷新页面后重试';
    default:
      return `${label}不正确，请检查`;
  }
}

export interface FieldProblem {
  /** The field's path in the input (for forms that mark the field). */
  field: string;
  /** The field's Chinese name, or '' when the schema gives none. */
  label: string;
  message: string;
}

/** One clerk-readable message per issue, naming the field in Chinese. */
export function fieldProblems(schema: ZodType | undefined, err: ZodError): FieldProblem[] {
  return err.issues.map((issue) => {
    const labels = schema ? labelsAlong(schema, issue.path) : [];
    const last = labels[labels.length - 1] ?? '';
    const group = labels.slice(0, -1).filter((l) => GROUP_NAMES.has(l));
    const label = [...group, last].filter(Boolean).join('·');
    const generic = GENERIC.test(issue.message);
    let message: string;
    if (generic) message = plainMessage(issue, label || '填写的内容');
    else if (label && !issue.message.includes(last)) message = `${label}：${issue.message}`;
    else message = issue.message;
    return { field: issue.path.map(String).join('.'), label: last, message };
  });
}
