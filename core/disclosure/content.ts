import { isResultKind, RESULT_LABELS, type DisclosureKind, type ResultKind } from '../../shared/disclosure-domain.js';
import type { NoticeFields, ResultFields } from '../../shared/disclosure-types.js';

/** The editable content of one version: the 双公示 fields of a result, or a notice. */
export interface ItemContent {
  title: string;
  result: ResultFields | null;
  notice: NoticeFields | null;
}

export const emptyResult = (): ResultFields => ({
  partyName: '',
  partyType: 'person',
  creditCode: '',
  legalRep: '',
  decisionNo: '',
  category: '',
  violation: '',
  facts: '',
  basis: '',
  content: '',
  fine: null,
  confiscation: null,
  decidedOn: '',
  validUntil: '',
  authority: '',
  authorityCreditCode: '',
  fullText: '',
});

export const emptyNotice = (): NoticeFields => ({ sections: [], table: null, imageAlt: '' });

/** Applies a patch (undefined = unchanged). */
export function patchResult(base: ResultFields, patch: Partial<ResultFields> | undefined): ResultFields {
  if (!patch) return base;
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export function patchNotice(base: NoticeFields, patch: Partial<NoticeFields> | undefined): NoticeFields {
  if (!patch) return base;
  return {
    sections: patch.sections ?? base.sections,
    table: patch.table !== undefined ? patch.table : base.table,
    imageAlt: patch.imageAlt ?? base.imageAlt,
  };
}

/** A text field that goes through redaction: its key, its label and its value. */
export interface TextField {
  key: string;
  label: string;
  value: string;
}

/** Labels of the result fields for a kind (also the rows of the public table). */
export function resultLabels(kind: ResultKind) {
  const l = RESULT_LABELS[kind];
  return {
    partyName: '行政相对人名称',
    partyType: '行政相对人类别',
    creditCode: '统一社会信用代码',
    legalRep: '法定代表人',
    decisionNo: l.no,
    category: l.category,
    violation: kind === 'penalty' ? '违法行为类型' : '事项类型',
    facts: kind === 'penalty' ? '违法事实' : '主要事实',
    basis: kind === 'penalty' ? '处罚依据' : '依据',
    content: l.content,
    fine: '罚款金额（元）',
    confiscation: '没收违法所得、没收非法财物的金额（元）',
    decidedOn: l.date,
    validUntil: '有效期至',
    authority: l.authority,
    authorityCreditCode: `${l.authority}统一社会信用代码`,
    fullText: '决定书全文',
  } satisfies Record<keyof ResultFields, string>;
}

/** Result fields that pass through redaction (free text and the party's name). */
const REDACTED_RESULT_KEYS = ['partyName', 'category', 'violation', 'facts', 'basis', 'content', 'fullText'] as const;

/** Every text of a version that is published and therefore redacted, with stable keys. */
export function textFields(kind: DisclosureKind, c: ItemContent): TextField[] {
  const out: TextField[] = [{ key: 'title', label: '标题', value: c.title }];
  if (c.result && isResultKind(kind)) {
    const labels = resultLabels(kind);
    for (const k of REDACTED_RESULT_KEYS) out.push({ key: k, label: labels[k], value: c.result[k] });
  }
  if (c.notice) {
    c.notice.sections.forEach((s, i) => {
      out.push({ key: `sections.${i}.heading`, label: `第 ${i + 1} 段小标题`, value: s.heading });
      out.push({ key: `sections.${i}.text`, label: `第 ${i + 1} 段正文`, value: s.text });
    });
    if (c.notice.table) {
      const t = c.notice.table;
      out.push({ key: 'table.caption', label: '表格标题', value: t.caption });
      t.rows.forEach((row, r) =>
        row.forEach((cell, col) => out.push({ key: `table.${r}.${col}`, label: `表格第 ${r + 1} 行“${t.columns[col] ?? ''}”`, value: cell })),
      );
    }
    out.push({ key: 'imageAlt', label: '图片说明', value: c.notice.imageAlt });
  }
  return out.filter((f) => f.value !== '');
}

/** Writes redacted values back into a copy of the content (keys as produced by `textFields`). */
export function withTexts(c: ItemContent, values: Map<string, string>): ItemContent {
  const get = (key: string, original: string) => values.get(key) ?? original;
  const result = c.result ? { ...c.result } : null;
  if (result) for (const k of REDACTED_RESULT_KEYS) result[k] = get(k, result[k]);
  const notice = c.notice
    ? {
        sections: c.notice.sections.map((s, i) => ({ heading: get(`sections.${i}.heading`, s.heading), text: get(`sections.${i}.text`, s.text) })),
        table: c.notice.table
          ? {
              caption: get('table.caption', c.notice.table.caption),
              columns: c.notice.table.columns,
              rows: c.notice.table.rows.map((row, r) => row.map((cell, col) => get(`table.${r}.${col}`, cell))),
            }
          : null,
        imageAlt: get('imageAlt', c.notice.imageAlt),
      }
    : null;
  return { title: get('title', c.title), result, notice };
}

/** What is still missing before a version can be submitted, in Chinese. */
export function missingForSubmit(kind: DisclosureKind, c: ItemContent, hasImage: boolean): string[] {
  const missing: string[] = [];
  if (!c.title.trim()) missing.push('标题');
  if (c.result && isResultKind(kind)) {
    const r = c.result;
    const labels = resultLabels(kind);
    const need: (keyof ResultFields)[] = ['partyName', 'decisionNo', 'content', 'decidedOn', 'authority'];
    if (kind === 'penalty') need.push('facts', 'basis');
    for (const k of need) if (r[k] === '' || r[k] === null) missing.push(labels[k]);
    if (r.partyType !== 'person' && r.creditCode && !/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(r.creditCode)) {
      missing.push('正确的统一社会信用代码（18 位）');
    }
  } else if (c.notice) {
    const empty = c.notice.sections.every((s) => !s.text.trim()) && !(c.notice.table && c.notice.table.rows.length) && !hasImage;
    if (empty) missing.push('正文、表格或图片（至少一项）');
    if (kind === 'flowchart' && !hasImage) missing.push('流程图图片');
  }
  return missing;
}
