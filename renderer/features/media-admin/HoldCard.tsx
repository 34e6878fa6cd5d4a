import { LockOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { MediaDetail } from '../../../shared/media-types.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { HoldModal } from './HoldModal.js';

/** 保全 on the clip page: whether the clip is kept beyond its retention period, and (admin, head) the toggle. */
export function HoldCard({ d, onChanged }: { d: MediaDetail; onChanged: () => void }) {
  const { me } = useSession();
  const settings = useQuery('media.settings.get', {});
  const [open, setOpen] = useState(false);
  const mayHold = can(me, 'media.setHold') && !d.purged;
  if (!mayHold && !d.hold) return null;
  const months = settings.data?.retentionMonths;
  const status = d.purged
    ? '已按保存期限清理。'
    : d.hold
      ? `已保全：${d.holdReason || '未填写原因'}。超过保存期限也不会被清理。`
      : d.cases.length
        ? '已作为证据关联到案件，随案卷保存。'
        : `未关联案件，超过保存期限${months ? `（${months} 个月）` : ''}后可被清理。需要保留的请设置保全。`;
  return (
    <Card size="small" title={<Flex gap={6}>{d.hold && <LockOutlined />}保全</Flex>} style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="center" gap={12}>
        <Typography.Text type={d.hold ? undefined : 'secondary'}>{status}</Typography.Text>
        {mayHold && (
          <Button style={{ flex: 'none' }} danger={d.hold} onClick={() => setOpen(true)}>
            {d.hold ? '解除保全' : '设置保全'}
          </Button>
        )}
      </Flex>
      {open && (
        <HoldModal
          ids={[d.id]}
          hold={!d.hold}
          what={d.fileName}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
