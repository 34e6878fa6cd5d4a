import { createHash } from 'node:crypto';
import { DISCLOSURE_KIND_LABELS, isResultKind, PARTY_TYPE_LABELS, type DisclosureKind } from '../../shared/disclosure-domain.js';
import type { PublicItem } from '../../shared/disclosure-types.js';
import { resultLabels, type ItemContent } from './content.js';

const money = (n: number | null): string => (n === null ? '' : n.toFixed(2));

/**
 * The public form of a version from its REDACTED content: the rows of the 双公示 table, the
 * notice's sections and table, what lists and search show. No timestamps: only data.
 */
export function toPublicItem(
  kind: DisclosureKind,
  c: ItemContent,
  itemDate: string,
  image: PublicItem['image'],
  corrections: PublicItem['corrections'],
): PublicItem {
  const rows: PublicItem['rows'] = [];
  let list = { no: '', party: '' };
  if (c.result && isResultKind(kind)) {
    const r = c.result;
    const l = resultLabels(kind);
    const add = (label: string, value: string) => {
      if (value.trim() !== '') rows.push({ label, value });
    };
    add(l.partyName, r.partyName);
    add(l.partyType, PARTY_TYPE_LABELS[r.partyType]);
    add(l.creditCode, r.creditCode);
    if (r.partyType !== 'person') add(l.legalRep, r.legalRep);
    add(l.decisionNo, r.decisionNo);
    add(l.category, r.category);
    add(l.violation, r.violation);
    add(l.facts, r.facts);
    add(l.basis, r.basis);
    add(l.content, r.content);
    if (kind === 'penalty' || r.fine !== null) add(l.fine, money(r.fine));
    if (kind === 'penalty' || r.confiscation !== null) add(l.confiscation, money(r.confiscation));
    add(l.decidedOn, r.decidedOn);
    add(l.validUntil, r.validUntil);
    add(l.authority, r.authority);
    add(l.authorityCreditCode, r.authorityCreditCode);
    list = { no: r.decisionNo, party: r.partyName };
  }
  return {
    kind,
    title: c.title,
    date: itemDate,
    rows,
    sections: c.notice?.sections.filter((s) => s.heading || s.text) ?? [],
    table: c.notice?.table ?? null,
    image,
    pdf: null,
    list,
    corrections,
  };
}

/** Every string of a public item that reaches the site, labelled for messages. */
export function publicStrings(p: PublicItem): { field: string; text: string }[] {
  const out = [
    { field: '标题', text: p.title },
    ...p.rows.map((r) => ({ field: r.label, text: r.value })),
    ...p.sections.flatMap((s, i) => [
      { field: `第 ${i + 1} 段小标题`, text: s.heading },
      { field: `第 ${i + 1} 段正文`, text: s.text },
    ]),
    ...p.corrections.map((c) => ({ field: '更正说明', text: c.note })),
  ];
  if (p.table) {
    out.push({ field: '表格标题', text: p.table.caption });
    p.table.rows.forEach((row, r) => row.forEach((cell, col) => out.push({ field: `表格第 ${r + 1} 行“${p.table!.columns[col] ?? ''}”`, text: cell })));
  }
  if (p.image) out.push({ field: '图片说明', text: p.image.alt });
  return out.filter((s) => s.text !== '');
}

/** The text of the regenerated PDF (heading lines and paragraphs), from the redacted content. */
export function pdfSource(p: PublicItem, bureauName: string, redactedFullText: string): { heading: string[]; paragraphs: string[] } {
  const heading = [bureauName, `${DISCLOSURE_KIND_LABELS[p.kind]}决定书（公开版）`];
  if (p.list.no) heading.push(p.list.no);
  const paragraphs = redactedFullText.trim()
    ? redactedFullText.split(/\r?\n+/).map((s) => s.trim()).filter(Boolean)
    : p.rows.map((r) => `${r.label}：${r.value}`);
  paragraphs.push('（本文书公开版已依法对个人信息作脱敏处理。）');
  return { heading, paragraphs };
}

/** Canonical JSON (sorted keys) so the same content always gives the same hash. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export const contentHashOf = (p: PublicItem): string => createHash('sha256').update(canonicalJson(p)).digest('hex');
