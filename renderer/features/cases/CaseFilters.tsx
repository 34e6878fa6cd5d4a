import { Button, Checkbox, DatePicker, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { CASE_STATUSES, CASE_STATUS_LABELS, CASE_TYPES, CASE_TYPE_LABELS, STAGES, STAGE_LABELS } from '../../../shared/domain.js';
import type { Officer } from '../../../shared/types.js';
import { fromDay, toDay } from '../../lib/dates.js';

export interface CaseFilterValues {
  q?: string;
  caseType?: string;
  stage?: string;
  status?: string;
  handlerId?: string;
  openedFrom?: string;
  openedTo?: string;
  overdue?: string;
  open?: string;
}

/** The filter bar of the case list; values live in the URL so the list can be linked to. */
export function CaseFilters({ value, officers, onChange }: { value: CaseFilterValues; officers: Officer[]; onChange: (v: CaseFilterValues) => void }) {
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  const set = (patch: CaseFilterValues) => onChange({ ...value, ...patch });
  const any = Object.values(value).some(Boolean);

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label="案件关键词"
        placeholder="编号、当事人、地点、事实…"
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        style={{ width: 260 }}
        enterButton="搜索"
      />
      <Select
        aria-label="类型"
        placeholder="类型"
        allowClear
        value={value.caseType}
        onChange={(v) => set({ caseType: v })}
        options={CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }))}
        style={{ width: 110 }}
      />
      <Select
        aria-label="环节"
        placeholder="环节"
        allowClear
        value={value.stage}
        onChange={(v) => set({ stage: v })}
        options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
        style={{ width: 100 }}
      />
      <Select
        aria-label="状态"
        placeholder="状态"
        allowClear
        value={value.status}
        onChange={(v) => set({ status: v })}
        options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
        style={{ width: 96 }}
      />
      <Select
        aria-label="承办人"
        placeholder="承办人"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.handlerId}
        onChange={(v) => set({ handlerId: v })}
        options={officers.map((o) => ({ value: String(o.id), label: o.name }))}
        style={{ width: 110 }}
      />
      <DatePicker.RangePicker
        aria-label="立案日期范围"
        placeholder={['立案日期起', '立案日期止']}
        value={[toDay(value.openedFrom), toDay(value.openedTo)]}
        allowEmpty={[true, true]}
        onChange={(r) => set({ openedFrom: fromDay(r?.[0]), openedTo: fromDay(r?.[1]) })}
        style={{ width: 250 }}
      />
      <Checkbox checked={value.open === '1'} onChange={(e) => set({ open: e.target.checked ? '1' : undefined })}>
        只看在办
      </Checkbox>
      <Checkbox checked={value.overdue === '1'} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })}>
        只看超期
      </Checkbox>
      {any && (
        <Button type="link" onClick={() => onChange({})}>
          清除条件
        </Button>
      )}
    </Flex>
  );
}
