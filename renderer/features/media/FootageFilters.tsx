import { Button, Checkbox, DatePicker, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Officer } from '../../../shared/types.js';
import { fromDay, toDay } from '../../lib/dates.js';
import { CaseSearchSelect } from './CaseSearchSelect.js';
import { KIND_LABELS } from './media-format.js';

export interface FootageFilterValues {
  q?: string;
  officerId?: string;
  device?: string;
  from?: string;
  to?: string;
  annotated?: string;
  caseId?: string;
  important?: string;
  kind?: string;
  /** '1': only the alert list (unannotated, imported more than N days ago). */
  stale?: string;
}

export const FOOTAGE_FILTER_KEYS = ['q', 'officerId', 'device', 'from', 'to', 'annotated', 'caseId', 'important', 'kind', 'stale'] as const;

/** The filter bar of the footage library; values live in the URL like the case list's. */
export function FootageFilters({ value, officers, onChange }: { value: FootageFilterValues; officers: Officer[]; onChange: (v: FootageFilterValues) => void }) {
  const [q, setQ] = useState(value.q ?? '');
  const [device, setDevice] = useState(value.device ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  useEffect(() => setDevice(value.device ?? ''), [value.device]);
  const set = (patch: FootageFilterValues) => onChange({ ...value, ...patch });
  const any = Object.values(value).some(Boolean);

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label="音像记录关键词"
        placeholder="文件名、地点、证明对象"
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        style={{ width: 280 }}
        enterButton="搜索"
      />
      <Select
        aria-label="执法人员"
        placeholder="执法人员"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.officerId}
        onChange={(v) => set({ officerId: v })}
        options={officers.map((o) => ({ value: String(o.id), label: o.name }))}
        style={{ width: 120 }}
      />
      <Input
        aria-label="设备编号"
        placeholder="设备编号"
        allowClear
        value={device}
        onChange={(e) => {
          setDevice(e.target.value);
          if (!e.target.value) set({ device: undefined });
        }}
        onPressEnter={() => set({ device: device.trim() || undefined })}
        onBlur={() => device.trim() !== (value.device ?? '') && set({ device: device.trim() || undefined })}
        style={{ width: 140 }}
      />
      <DatePicker.RangePicker
        aria-label="拍摄日期范围"
        placeholder={['拍摄日期起', '拍摄日期止']}
        value={[toDay(value.from), toDay(value.to)]}
        allowEmpty={[true, true]}
        onChange={(r) => set({ from: fromDay(r?.[0]), to: fromDay(r?.[1]) })}
        style={{ width: 250 }}
      />
      <Select
        aria-label="标注情况"
        placeholder="标注情况"
        allowClear
        value={value.annotated}
        onChange={(v) => set({ annotated: v, stale: undefined })}
        options={[{ value: 'no', label: '未标注' }, { value: 'yes', label: '已标注' }]}
        style={{ width: 110 }}
      />
      <Select
        aria-label="类型"
        placeholder="类型"
        allowClear
        value={value.kind}
        onChange={(v) => set({ kind: v })}
        options={(['video', 'audio', 'image'] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        style={{ width: 90 }}
      />
      <CaseSearchSelect
        value={value.caseId ? Number(value.caseId) : null}
        onChange={(v) => set({ caseId: v ? String(v) : undefined })}
        placeholder="关联案件"
        ariaLabel="关联案件"
        openOnly={false}
        style={{ width: 230 }}
      />
      <Checkbox checked={value.important === '1'} onChange={(e) => set({ important: e.target.checked ? '1' : undefined })}>
        只看重要
      </Checkbox>
      {any && (
        <Button type="link" onClick={() => onChange({})}>
          清除条件
        </Button>
      )}
    </Flex>
  );
}
