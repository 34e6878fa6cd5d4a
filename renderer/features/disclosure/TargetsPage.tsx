// 发布目标 (admin): SFTP servers, shared folders and CMS packages; an SFTP server's host key is
// read with publish.hostKey and pinned only after the admin confirms its SHA256 fingerprint.
import { Breadcrumb, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { PublishTargetInfo } from '../../../shared/disclosure-types.js';
import { PUBLISH_TARGET_KIND_LABELS } from '../../../shared/disclosure-domain.js';
import { href } from '../../app/router.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { TargetForm } from './TargetForm.js';
import { formatDate } from '../../../shared/logic/text.js';

export function TargetsPage() {
  const list = useQuery('publish.targets.list', {});
  const del = useCommand('publish.targets.delete');
  const [editing, setEditing] = useState<PublishTargetInfo | 'new' | null>(null);
  const columns = [
    { title: '名称', dataIndex: 'name', width: 180 },
    { title: '类型', key: 'kind', width: 200, render: (_v: unknown, t: PublishTargetInfo) => PUBLISH_TARGET_KIND_LABELS[t.kind] },
    {
      title: '位置',
      key: 'where',
      render: (_v: unknown, t: PublishTargetInfo) => (t.kind === 'sftp' ? `${t.username}@${t.host}:${t.port}${t.remoteDir}` : t.folderPath),
    },
    {
      title: '主机密钥',
      key: 'hostKey',
      width: 130,
      render: (_v: unknown, t: PublishTargetInfo) => (t.kind !== 'sftp' ? '—' : t.hostKey ? <Tag color="green">已确认</Tag> : <Tag color="red">未确认</Tag>),
    },
    { title: '上次发布', key: 'last', width: 110, render: (_v: unknown, t: PublishTargetInfo) => (t.lastPublishedAt ? formatDate(t.lastPublishedAt) : '—') },
    {
      title: '操作',
      key: 'ops',
      width: 130,
      render: (_v: unknown, t: PublishTargetInfo) => (
        <Space>
          <a onClick={() => setEditing(t)}>修改</a>
          <Popconfirm
            title={`删除发布目标“${t.name}”？`}
            okText="删除"
            cancelText="取消"
            onConfirm={async () => {
              const r = await del.run({ id: t.id }, { success: '已删除' });
              if (r.ok) list.reload();
            }}
          >
            <a style={{ color: '#cf1322' }}>删除</a>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <a href={href('/disclosure')}>公示</a> }, { title: '发布目标' }]} />
      <PageTitle title="发布目标" extra={<Button type="primary" onClick={() => setEditing('new')}>新增发布目标</Button>} />
      <Card size="small">
        {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
        <Table<PublishTargetInfo>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: '尚未配置发布目标' }}
        />
      </Card>
      {editing && (
        <TargetForm
          target={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}
