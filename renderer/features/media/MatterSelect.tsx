import { Select } from 'antd';
import type { AvMatter } from '../../../shared/media-types.js';

/** 音像记录事项 (现场检查, 查封扣押…) from the bureau's list; 全程 marks full-process recording. */
export function MatterSelect({ matters, value, onChange, id }: { matters: AvMatter[]; value?: string; onChange?: (v: string) => void; id?: string }) {
  return (
    <Select<string>
      id={id}
      allowClear
      placeholder="选择事项，例如现场检查"
      value={value || undefined}
      onChange={(v) => onChange?.(v ?? '')}
      options={matters.map((m) => ({ value: m.key, label: m.requirement === 'full' ? `${m.label}（全程音像记录）` : m.label }))}
    />
  );
}
