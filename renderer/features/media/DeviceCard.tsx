import { UsbOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { DetectedDevice } from '../../../shared/media-types.js';
import { formatBytes } from '../../../shared/logic/text.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { EraseDeviceButton } from './EraseDeviceButton.js';

function officerText(d: DetectedDevice): string {
  if (d.officer) return d.officerNo ? `${d.officer.name}（警号 ${d.officerNo}）` : d.officer.name;
  if (d.officerNo) return `警号 ${d.officerNo}（未登记为执法人员）`;
  return '未登记';
}

/** One recorder plugged in: who it belongs to, what is new on it, and the 导入 button. */
export function DeviceCard({ d, importing, starting, onImport }: {
  d: DetectedDevice;
  importing: boolean;
  starting: boolean;
  onImport: () => void;
}) {
  const { me } = useSession();
  const fresh = d.newFiles ?? 0;
  return (
    <Card
      size="small"
      style={{ width: 380 }}
      title={<Flex align="center" gap={8}><UsbOutlined />{d.model || '执法记录仪'}</Flex>}
      extra={importing ? <Tag color="processing">正在导入</Tag> : fresh > 0 ? <Tag color="blue">有新文件</Tag> : <Tag>已全部导入</Tag>}
      data-testid="device-card"
    >
      <Descriptions size="small" column={1} styles={{ label: { width: 72 } }}>
        <Descriptions.Item label="设备编号">{d.serial || '未能识别（可在导入时填写）'}</Descriptions.Item>
        <Descriptions.Item label="使用人">{officerText(d)}</Descriptions.Item>
        <Descriptions.Item label="新文件">
          {fresh > 0 ? `${fresh} 个，共 ${formatBytes(d.newBytes ?? 0)}` : '没有（设备上的文件均已导入）'}
        </Descriptions.Item>
        <Descriptions.Item label="型号配置">{d.profileName}</Descriptions.Item>
        <Descriptions.Item label="位置">
          <Typography.Text type="secondary" ellipsis={{ tooltip: d.volume }} style={{ maxWidth: 270 }}>{d.volume}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        {can(me, 'media.eraseDevice') ? <EraseDeviceButton folder={d.volume} serial={d.serial} disabled={importing} /> : <span />}
        <Button type="primary" onClick={onImport} loading={starting} disabled={importing || fresh === 0}>
          导入
        </Button>
      </Flex>
    </Card>
  );
}
