import { Flex, Segmented, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail, TimelineEvent } from '../../../shared/types.js';
import { formatDateTime } from '../../../shared/logic/text.js';

const KIND: Record<TimelineEvent['kind'], { label: string; color: string }> = {
  stage: { label: '环节', color: 'blue' },
  record: { label: '记录', color: 'green' },
  audit: { label: '操作', color: 'gray' },
};

/** 时间线: stages, records and audited changes of the case, oldest or newest first. */
export function CaseTimelineTab({ c }: { c: CaseDetail }) {
  const [order, setOrder] = useState<'new' | 'old'>('new');
  const events = order === 'new' ? [...c.timeline].reverse() : c.timeline;
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">共 {c.timeline.length} 条</Typography.Text>
        <Segmented
          value={order}
          onChange={(v) => setOrder(v as 'new' | 'old')}
          options={[
            { value: 'new', label: '最新在前' },
            { value: 'old', label: '最早在前' },
          ]}
        />
      </Flex>
      <Timeline
        items={events.map((e, i) => ({
          key: i,
          color: KIND[e.kind].color,
          content: (
            <Flex vertical gap={2}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatDateTime(e.at)}
                </Typography.Text>
                <Tag color={KIND[e.kind].color === 'gray' ? 'default' : KIND[e.kind].color}>{KIND[e.kind].label}</Tag>
                <Typography.Text strong>{e.title}</Typography.Text>
                {e.by && <Typography.Text type="secondary">— {e.by}</Typography.Text>}
              </Flex>
              {e.detail && <Typography.Text type="secondary" style={{ paddingLeft: 2 }}>{e.detail}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
    </>
  );
}
