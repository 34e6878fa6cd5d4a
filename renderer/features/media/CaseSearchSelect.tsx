import { Select, Typography } from 'antd';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import type { AnnotationPrefill } from '../../../shared/media-types.js';
import { useQuery } from '../../lib/use-api.js';

type Candidate = AnnotationPrefill['caseCandidates'][number];

/**
 * Picks a case by number, title or party (searched on the server), with suggested cases (the
 * officer's cases on the capture day) listed first with the reason they are suggested.
 */
export function CaseSearchSelect({ value, onChange, candidates = [], id, ariaLabel, placeholder = '输入案件编号、案由或当事人搜索', style, openOnly = true }: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  candidates?: Candidate[];
  id?: string;
  ariaLabel?: string;
  placeholder?: string;
  style?: CSSProperties;
  /** Only cases still being handled (linking footage to a closed case is rare). */
  openOnly?: boolean;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const list = useQuery('cases.list', { q: q || undefined, open: openOnly && !q ? true : undefined, page: 1, pageSize: 20 });
  const rows = list.data?.rows ?? [];
  const known = new Set([...candidates.map((c) => c.id), ...rows.map((r) => r.id)]);
  const current = useQuery('cases.get', { id: value ?? 1 }, { skip: !value || known.has(value) });

  const option = (c: { id: number; caseNo: string; title: string }, hint?: string) => ({
    value: c.id,
    label: c.caseNo,
    title: `${c.caseNo} ${c.title}`,
    content: (
      <div>
        <div>{c.caseNo}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.title}{hint ? ` · ${hint}` : ''}</Typography.Text>
      </div>
    ),
  });
  const suggested = q ? [] : candidates.map((c) => option(c, c.reason));
  const found = rows.filter((r) => q || !candidates.some((c) => c.id === r.id)).map((r) => option(r));
  const extra = value && current.data && !known.has(value) ? [option(current.data)] : [];
  const options = [
    ...extra,
    ...(suggested.length ? [{ label: '推荐（拍摄当天在办的案件）', options: suggested }] : []),
    ...(found.length ? [{ label: q ? '搜索结果' : '在办案件', options: found }] : []),
  ];

  return (
    <Select<number | null>
      id={id}
      aria-label={ariaLabel}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder}
      style={style}
      loading={list.loading}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      notFoundContent={list.loading ? '正在搜索…' : '没有找到案件'}
      options={options}
      optionRender={(o) => (o.data as { content?: ReactNode }).content ?? o.label}
    />
  );
}
