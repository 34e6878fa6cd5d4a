// 发布记录: every publish run with its figures.
import { Breadcrumb, Card, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { PublishLogEntry } from '../../../shared/disclosure-types.js';
import { href } from '../../app/router.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useQuery } from '../../lib/use-api.js';
import { formatBytes } from './PublishDialog.js';
import { formatDateTime } from '../../../shared/logic/text.js';

const STATES: Record<string, { label: string; color: string }> = {
  done: { label: '成功', color: 'green' },
  failed: { label: '失败', color: 'red' },
  cancelled: { label: '已取消', color: 'orange' },
  running: { label: '进行中', color: 'blue' },
};
const time = (s: string | null) => (s ? formatDateTime(s) || '—' : '—');

export function PublishLogPage() {
  const [page, setPage] = useState(1);
  const log = useQuery('publish.log', { page, pageSize: 20 });
  const columns = [
    { title: '开始时间', key: 'at', width: 150, render: (_v: unknown, r: PublishLogEntry) => time(r.startedAt) },
    { title: '发布目标', dataIndex: 'targetName', width: 160 },
    { title: '操作人', dataIndex: 'operator', width: 110 },
    {
      title: '结果',
      key: 'state',
      width: 90,
      render: (_v: unknown, r: PublishLogEntry) => {
        const s = STATES[r.state] ?? { label: r.state, color: 'default' };
        const tag = <Tag color={s.color}>{s.label}</Tag>;
        return r.errorMessage ? <Tooltip title={r.errorMessage}>{tag}</Tooltip> : tag;
      },
    },
    { title: '版本', dataIndex: 'release', width: 170, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '事项', dataIndex: 'items', width: 70 },
    { title: '上传', dataIndex: 'uploaded', width: 70 },
    { title: '删除', dataIndex: 'deleted', width: 70 },
    { title: '数据量', key: 'bytes', width: 100, render: (_v: unknown, r: PublishLogEntry) => formatBytes(r.bytes) },
    { title: '说明', dataIndex: 'errorMessage', ellipsis: true, render: (v: string | null) => v ?? '' },
  ];
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <a href={href('/disclosure')}>公示</a> }, { title: '发布记录' }]} />
      <PageTitle title="发布记录" sub={log.data ? `共 ${log.data.total} 次` : undefined} />
      <Card size="small">
        {log.error && <ErrorAlert error={log.error} onRetry={log.reload} />}
        <Table<PublishLogEntry>
          size="small"
          rowKey="id"
          loading={log.loading}
          dataSource={log.data?.rows ?? []}
          columns={columns}
          pagination={{ current: page, pageSize: 20, total: log.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 次` }}
          locale={{ emptyText: '尚未发布过公示网站' }}
        />
      </Card>
    </>
  );
}
