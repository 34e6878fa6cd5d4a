// One redactable field: the original text split by the findings' offsets into plain spans and
// highlighted findings (React elements only, never raw HTML). Clicking a finding undoes it;
// selecting plain text offers to add a mask there.
import { Tooltip, Typography } from 'antd';
import type { FindingView, RedactedFieldView } from '../../../shared/disclosure-types.js';

export interface TextSelection {
  field: string;
  start: number;
  end: number;
  text: string;
}

type Segment = { kind: 'plain'; start: number; text: string } | { kind: 'finding'; finding: FindingView };

/** Splits `original` into plain runs and findings (findings sorted, overlaps skipped). */
export function segmentsOf(original: string, findings: FindingView[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < pos || f.end > original.length) continue;
    if (f.start > pos) out.push({ kind: 'plain', start: pos, text: original.slice(pos, f.start) });
    out.push({ kind: 'finding', finding: f });
    pos = f.end;
  }
  if (pos < original.length) out.push({ kind: 'plain', start: pos, text: original.slice(pos) });
  return out;
}

/** Reads the current browser selection as offsets into the field's original text (plain spans only). */
export function readSelection(field: string, original: string): TextSelection | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const offsetOf = (node: Node | null, offset: number): number | null => {
    const el = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
    const span = el?.closest?.('[data-plain-start]');
    if (!span || span.getAttribute('data-field') !== field) return null;
    return Number(span.getAttribute('data-plain-start')) + offset;
  };
  const a = offsetOf(sel.anchorNode, sel.anchorOffset);
  const b = offsetOf(sel.focusNode, sel.focusOffset);
  if (a === null || b === null) return null;
  let start = Math.min(a, b);
  let end = Math.max(a, b);
  while (start < end && /\s/.test(original[start])) start++;
  while (end > start && /\s/.test(original[end - 1])) end--;
  if (end <= start) return null;
  return { field, start, end, text: original.slice(start, end) };
}

interface Props {
  field: RedactedFieldView;
  editable: boolean;
  onUndo: (f: FindingView) => void;
  onSelect: (s: TextSelection) => void;
}

export function RedactedText({ field, editable, onUndo, onSelect }: Props) {
  if (!field.original) return <Typography.Text type="secondary">（空）</Typography.Text>;
  return (
    <div
      className="sx-redacted"
      style={{ whiteSpace: 'pre-wrap', lineHeight: 2, wordBreak: 'break-all' }}
      onMouseUp={() => {
        if (!editable) return;
        const s = readSelection(field.key, field.original);
        if (s) onSelect(s);
      }}
    >
      {segmentsOf(field.original, field.findings).map((seg) =>
        seg.kind === 'plain' ? (
          <span key={`p${seg.start}`} data-field={field.key} data-plain-start={seg.start}>
            {seg.text}
          </span>
        ) : (
          <Tooltip
            key={`f${seg.finding.start}`}
            title={`${seg.finding.kindLabel}：原文“${seg.finding.text}”${seg.finding.source === 'manual' ? '（人工标记）' : ''}${editable ? '，点击撤销脱敏' : ''}`}
          >
            <mark
              className="sx-finding"
              data-kind={seg.finding.kind}
              onClick={editable ? () => onUndo(seg.finding) : undefined}
              style={{
                background: seg.finding.source === 'manual' ? '#fff1b8' : '#ffe7ba',
                borderBottom: '2px solid #fa8c16',
                padding: '0 2px',
                cursor: editable ? 'pointer' : 'default',
                userSelect: 'none',
              }}
            >
              {seg.finding.replacement}
              <sup style={{ color: '#ad4e00', fontSize: 10, marginLeft: 2 }}>{seg.finding.kindLabel}</sup>
            </mark>
          </Tooltip>
        ),
      )}
    </div>
  );
}
