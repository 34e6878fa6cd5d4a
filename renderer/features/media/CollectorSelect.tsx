import { Select } from 'antd';
import type { Officer } from '../../../shared/types.js';

/** 采集人: the officers who recorded the footage (any officer on the roster, searchable by name or 警号). */
export function CollectorSelect({ officers, value, onChange, id }: { officers: Officer[]; value?: number[]; onChange?: (v: number[]) => void; id?: string }) {
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      placeholder="选择采集人（可多选）"
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'search' }}
      options={officers.map((o) => ({
        value: o.id,
        label: o.name,
        search: `${o.name}${o.officerNo}${o.certNo}`,
      }))}
    />
  );
}
