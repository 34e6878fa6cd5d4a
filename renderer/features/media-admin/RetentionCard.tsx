import { Button, Card, Flex, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RetentionCandidate } from '../../../shared/media-types.js';
import { formatBytes, formatDate, formatDateTime } from '../../../shared/logic/text.js';
import { navigate } from '../../app/router.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useQuery } from '../../lib/use-api.js';
import { HoldModal } from './HoldModal.js';
import { PurgeModal } from './PurgeModal.js';

/**
 * 到期清理: footage past the retention period that is neither evidence in a case nor under a hold —
 * the only footage that may ever be removed. All are ticked; untick (or 保全) what should stay.
 */
export function RetentionCard({ onPurged }: { onPurged: () => void }) {
  const q = useQuery('media.retentionCandidates', {});
  const [selected, setSelected] = useState<number[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [holding, setHolding] = useState<RetentionCandidate | null>(null);
  const rows = q.data?.rows ?? [];
  useEffect(() => setSelected((q.data?.rows ?? []).map((r) => r.id)), [q.data]);
  const chosen = rows.filter((r) => selected.includes(r.id));
  const bytes = chosen.reduce((s, r) => s + r.size, 0);

  return (
    <Card size="small" title="到期清理">
      {q.error && <ErrorAlert error={q.error} onRetry={q.reload} />}
      {q.data && (
        <Typography.Paragraph type="secondary">
          {`保存期限为 ${q.data.retentionMonths} 个月（可在“设置—音视频”中修改）。下列音像记录拍摄于 ${formatDate(q.data.cutoff)} 之前，未关联案件、未被保全，可以清理。`}
          {'关联到案件作为证据的随案卷保存，保全的不论多久都保留，均不会列出。'}
        </Typography.Paragraph>
      )}
      <Table<RetentionCandidate>
        size="small"
        rowKey="id"
        loading={q.loading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showTotal: (t) => `共 ${t} 个` } : false}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]) }}
        locale={{ emptyText: <EmptyHint text="没有到期可以清理的音像记录" /> }}
        columns={[
          { title: '文件', dataIndex: 'fileName', render: (v: string, r) => <a onClick={() => navigate(`/media/${r.id}`)} style={{ overflowWrap: 'anywhere' }}>{v}</a> },
          { title: '拍摄时间', dataIndex: 'recordedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: '执法人员', dataIndex: 'officerName', width: 100, render: (v: string | null) => v ?? '—' },
          { title: '设备编号', dataIndex: 'deviceSerial', width: 130, render: (v: string) => v || '—' },
          { title: '大小', dataIndex: 'size', width: 90, render: (v: number) => formatBytes(v) },
          { title: '操作', key: 'hold', width: 70, render: (_v, r) => <Button type="link" size="small" onClick={() => setHolding(r)}>保全</Button> },
        ]}
      />
      {rows.length > 0 && (
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">已选 {chosen.length} / {rows.length} 个，共 {formatBytes(bytes)}</Typography.Text>
          <Button danger type="primary" disabled={!chosen.length} onClick={() => setConfirming(true)}>
            清理选中的 {chosen.length} 个音像记录…
          </Button>
        </Flex>
      )}
      {confirming && (
        <PurgeModal
          rows={chosen}
          onClose={() => setConfirming(false)}
          onDone={() => {
            setConfirming(false);
            q.reload();
            onPurged();
          }}
        />
      )}
      {holding && (
        <HoldModal
          ids={[holding.id]}
          hold
          what={holding.fileName}
          onClose={() => setHolding(null)}
          onDone={() => {
            setHolding(null);
            q.reload();
          }}
        />
      )}
    </Card>
  );
}
