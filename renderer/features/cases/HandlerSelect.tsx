import { Select, Space, Tag } from 'antd';
import type { Officer } from '../../../shared/types.js';

/**
 * Multi-select of officers in post. Officers whose certificate has expired cannot handle cases:
 * they are listed, disabled, with the reason; certificates about to expire carry a warning tag.
 */
export function HandlerSelect({ officers, value, onChange, id }: {
  officers: Officer[];
  value?: number[];
  onChange?: (v: number[]) => void;
  id?: string;
}) {
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      placeholder="选择承办人（可多选）"
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'search' }}
      options={officers.map((o) => ({
        value: o.id,
        label: o.name,
        search: `${o.name}${o.certNo}`,
        disabled: o.certificateState === 'expired',
        officer: o,
      }))}
      optionRender={(opt) => {
        const o = (opt.data as { officer: Officer }).officer;
        return (
          <Space size={6}>
            <span>{o.name}</span>
            <span style={{ color: '#8c8c8c' }}>执法证 {o.certNo}</span>
            {o.certificateState === 'expired' && <Tag color="error">执法证已于 {o.certValidUntil} 过期，不能承办</Tag>}
            {o.certificateState === 'expiring' && <Tag color="warning">执法证 {o.certificateDaysLeft} 天后到期</Tag>}
          </Space>
        );
      }}
    />
  );
}
