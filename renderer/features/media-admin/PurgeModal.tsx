import { Alert, Checkbox, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { RetentionCandidate } from '../../../shared/media-types.js';
import { formatBytes, formatDateTime } from '../../../shared/logic/text.js';
import { useCommand } from '../../lib/use-api.js';

/** The confirmation of a purge: names the count and size, lists every file, needs a tick. */
export function PurgeModal({ rows, onClose, onDone }: { rows: RetentionCandidate[]; onClose: () => void; onDone: () => void }) {
  const [checked, setChecked] = useState(false);
  const purge = useCommand('media.purge');
  const bytes = rows.reduce((s, r) => s + r.size, 0);
  const submit = async () => {
    const r = await purge.run(
      { ids: rows.map((x) => x.id), confirmCount: rows.length },
      { success: (v) => `已清理 ${v.purged} 个音像记录，释放 ${formatBytes(v.bytes)}` },
    );
    if (r.ok) onDone();
  };
  return (
    <Modal
      open
      width={680}
      title="清理到期的音像记录"
      okText={`永久删除 ${rows.length} 个文件`}
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: !checked, loading: purge.pending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`将从证据库永久删除 ${rows.length} 个音像记录（共 ${formatBytes(bytes)}）`}
        description="删除后无法在本程序中恢复。登记信息保留并标为“已清理”，每个文件的清理都记入审计记录。关联到案件的和保全的音像记录不在其中。"
      />
      <List
        size="small"
        bordered
        style={{ maxHeight: 240, overflow: 'auto', marginBottom: 12 }}
        dataSource={rows}
        renderItem={(r) => (
          <List.Item extra={<Typography.Text type="secondary">{formatBytes(r.size)}</Typography.Text>}>
            <span style={{ overflowWrap: 'anywhere' }}>{r.fileName}</span>
            <Typography.Text type="secondary" style={{ marginLeft: 8, flex: 'none' }}>{r.recordedAt ? formatDateTime(r.recordedAt) : ''}</Typography.Text>
          </List.Item>
        )}
      />
      <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
        我确认永久删除以上 {rows.length} 个文件
      </Checkbox>
    </Modal>
  );
}
