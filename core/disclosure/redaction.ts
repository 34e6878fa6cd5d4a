import {
  applyRedaction,
  checkPublishable,
  FINDING_KIND_LABELS,
  findPersonalData,
  makeFinding,
  type Finding,
  type FindingKind,
  type PartyStyle,
  type RedactDecisionKind,
  type RedactOptions,
} from '../../shared/logic/redact/index.js';
import { isResultKind, type DisclosureKind } from '../../shared/disclosure-domain.js';
import type { FindingView, RedactedFieldView } from '../../shared/disclosure-types.js';
import type { ItemContent, TextField } from './content.js';

/** Redaction choices stored with a version (the party, other persons, the name style in force). */
export interface ItemRedaction {
  partyIsPerson: boolean;
  partyIsMinor: boolean;
  otherPersonNames: string[];
  partyStyle: PartyStyle;
}

/** A mask added by hand, with the text it covered (to re-anchor it after edits). */
export interface MaskOverride {
  field: string;
  start: number;
  end: number;
  kind: FindingKind;
  text: string;
  replacement: string;
}

const engineKind = (kind: DisclosureKind): RedactDecisionKind => (isResultKind(kind) ? kind : 'other');

/**
 * The engine's options for a version. `kept` are the reviewer's undos; `contacts` the bureau's
 * own published numbers and address. A permit or levy holder who is a natural person is
 * published by name (engine rule), so that name is kept on purpose too — which matters when a
 * page mixes kinds (search index, home page) and is checked with the penalty rules.
 */
export function engineOptions(kind: DisclosureKind, c: ItemContent, r: ItemRedaction, kept: string[], contacts: string[]): RedactOptions {
  const partyName = c.result?.partyName.trim() || undefined;
  const keep = [...kept, ...contacts];
  if (partyName && (kind === 'permit' || kind === 'levy' || r.partyStyle === 'keep')) keep.push(partyName);
  return {
    kind: engineKind(kind),
    partyName,
    partyIsPerson: isResultKind(kind) ? r.partyIsPerson : false,
    partyStyle: r.partyStyle,
    otherPersonNames: r.otherPersonNames,
    partyIsMinor: r.partyIsMinor,
    keep,
  };
}

/** Where a manual mask is now: its offsets if the text there is unchanged, else the nearest occurrence. */
function anchor(value: string, m: MaskOverride): { start: number; end: number } | null {
  if (value.slice(m.start, m.end) === m.text) return { start: m.start, end: m.end };
  let best = -1;
  for (let i = value.indexOf(m.text); i >= 0; i = value.indexOf(m.text, i + 1)) {
    if (best < 0 || Math.abs(i - m.start) < Math.abs(best - m.start)) best = i;
  }
  return best < 0 ? null : { start: best, end: best + m.text.length };
}

export interface RedactedFields {
  views: RedactedFieldView[];
  /** Field key → text as published. */
  values: Map<string, string>;
  stale: { field: string; text: string }[];
}

/** Automatic findings plus manual masks (which win where they overlap), applied field by field. */
export function redactFields(fields: TextField[], opts: RedactOptions, masks: MaskOverride[]): RedactedFields {
  const views: RedactedFieldView[] = [];
  const values = new Map<string, string>();
  const stale: { field: string; text: string }[] = [];
  for (const f of fields) {
    const manual: Finding[] = [];
    for (const m of masks.filter((x) => x.field === f.key)) {
      const at = anchor(f.value, m);
      if (at) manual.push(makeFinding(f.value, at.start, at.end, m.kind, m.replacement));
      else stale.push({ field: f.key, text: m.text });
    }
    // A manual mask replaces automatic findings it covers; one that only partly overlaps an
    // automatic finding yields to it (the detected pattern is masked whole).
    const auto = findPersonalData(f.value, opts).filter((a) => !manual.some((m) => m.start <= a.start && a.end <= m.end));
    const kept = manual.filter((m) => !auto.some((a) => a.start < m.end && m.start < a.end));
    const all: FindingView[] = [
      ...auto.map((a) => view(a, 'auto')),
      ...kept.map((m) => view(m, 'manual')),
    ].sort((a, b) => a.start - b.start || b.end - a.end);
    const nonOverlapping = all.filter((x, i) => !all.slice(0, i).some((y) => x.start < y.end && y.start < x.end));
    const redacted = applyRedaction(f.value, nonOverlapping);
    values.set(f.key, redacted);
    views.push({ key: f.key, label: f.label, original: f.value, redacted, findings: nonOverlapping });
  }
  return { views, values, stale };
}

const view = (f: Finding, source: 'auto' | 'manual'): FindingView => ({
  kind: f.kind,
  kindLabel: FINDING_KIND_LABELS[f.kind],
  start: f.start,
  end: f.end,
  text: f.text,
  replacement: f.replacement,
  source,
});

export interface ContentCheck {
  ok: boolean;
  message: string;
  leaks: { field: string; kind: FindingKind; text: string }[];
}

/** Runs the publish check on each public string (label, text) with the version's options. */
export function checkStrings(strings: { field: string; text: string }[], opts: RedactOptions): ContentCheck {
  const leaks: ContentCheck['leaks'] = [];
  for (const s of strings) {
    for (const l of checkPublishable(s.text, opts).leaks) leaks.push({ field: s.field, kind: l.kind, text: l.text });
  }
  if (opts.partyIsMinor) return { ok: false, message: '当事人为未成年人，依法不予公开，不能发布。', leaks };
  if (leaks.length === 0) return { ok: true, message: '自动检查通过：未发现个人信息。', leaks };
  const first = leaks
    .slice(0, 3)
    .map((l) => `“${l.field}”中的${FINDING_KIND_LABELS[l.kind]}“${l.text}”`)
    .join('、');
  return {
    ok: false,
    message: `仍有 ${leaks.length} 处个人信息未脱敏（${first}${leaks.length > 3 ? '等' : ''}）。请在脱敏标记中遮盖，或改正该字段后再提交。`,
    leaks,
  };
}
