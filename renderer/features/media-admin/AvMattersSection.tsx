import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CASE_TYPE_LABELS } from '../../../shared/domain.js';
import { DEFAULT_AV_MATTERS } from '../../../shared/media-defaults.js';
import type { AvMatter } from '../../../shared/media-types.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { AvMatterModal } from './AvMatterModal.js';
import { newMatterKey, REQUIREMENT_LABELS } from './av-matter-labels.js';

/** The shipped rows back as shipped (deleted ones re-added); rows the bureau added stay. */
function withDefaults(current: AvMatter[]): AvMatter[] {
  const defaults = new Map(DEFAULT_AV_MATTERS.map((m) => [m.key, m]));
  const kept = current.filter((m) => !defaults.has(m.key));
  return [...DEFAULT_AV_MATTERS, ...kept];
}

function MatterDetails({ m }: { m: AvMatter }) {
  return (
    <Descriptions size="small" column={2} styles={{ label: { width: 90 } }}>
      <Descriptions.Item label="开始与结束" span={2}>{m.trigger || '—'}</Descriptions.Item>
      <Descriptions.Item label="记录场所">{m.place || '—'}</Descriptions.Item>
      <Descriptions.Item label="记录设备">{m.device || '—'}</Descriptions.Item>
      <Descriptions.Item label="记录人">{m.recorder || '—'}</Descriptions.Item>
      <Descriptions.Item label="保存期限">{m.retention || '—'}</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 音像记录事项清单: which enforcement matters must be recorded, and whether from start to end. Each
 * change is saved at once and audited; a matter already used by footage or cases cannot be deleted.
 */
export function AvMattersSection() {
  const { modal } = App.useApp();
  const q = useQuery('media.avMatters.get', {});
  const save = useCommand('media.avMatters.update');
  const [editing, setEditing] = useState<AvMatter | 'new' | null>(null);
  const rows = q.data ?? [];

  const store = async (matters: AvMatter[], success: string): Promise<boolean> => {
    const r = await save.run({ matters }, { success });
    if (r.ok) q.setData(r.value);
    return r.ok;
  };

  const onSave = async (v: Omit<AvMatter, 'key'>) => {
    const next = editing === 'new' ? [...rows, { key: newMatterKey(), ...v }] : rows.map((m) => (editing && m.key === editing.key ? { ...m, ...v } : m));
    if (await store(next, editing === 'new' ? `已添加事项“${v.label}”` : `已保存事项“${v.label}”`)) setEditing(null);
  };

  const restore = () =>
    modal.confirm({
      title: '恢复系统自带的事项？',
      content: `系统自带的 ${DEFAULT_AV_MATTERS.length} 个事项恢复为默认内容，已删除的重新加入；本单位自行添加的事项保留不变。`,
      okText: '恢复',
      cancelText: '取消',
      onOk: () => store(withDefaults(rows), '已恢复系统自带的事项'),
    });

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          按规定须音像记录的执法事项。标注音像记录时选择事项；案件中须记录的事项没有音像记录的，显示“缺少音像记录”。
        </Typography.Text>
        <Flex gap={8} style={{ flex: 'none' }}>
          <Button onClick={restore} disabled={!q.data}>恢复系统自带的事项</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!q.data}>添加事项</Button>
        </Flex>
      </Flex>
      <Table<AvMatter>
        size="small"
        rowKey="key"
        loading={q.loading}
        dataSource={rows}
        pagination={false}
        expandable={{ expandedRowRender: (m) => <MatterDetails m={m} />, columnTitle: '' }}
        locale={{ emptyText: <EmptyHint text="清单为空：案件不会提示缺少音像记录。点击“添加事项”或“恢复系统自带的事项”。" /> }}
        columns={[
          { title: '事项', dataIndex: 'label', width: 120, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: '执法环节', dataIndex: 'stage', width: 100, render: (v: string) => v || '—' },
          {
            title: '记录要求',
            dataIndex: 'requirement',
            width: 130,
            render: (v: AvMatter['requirement']) => <Tag color={v === 'full' ? 'volcano' : 'blue'}>{REQUIREMENT_LABELS[v]}</Tag>,
          },
          {
            title: '自动计入的案件类别',
            dataIndex: 'impliedByCaseTypes',
            width: 170,
            render: (v: AvMatter['impliedByCaseTypes']) => (v.length ? v.map((t) => CASE_TYPE_LABELS[t]).join('、') : <Typography.Text type="secondary">由承办人登记</Typography.Text>),
          },
          { title: '记录内容', dataIndex: 'content', render: (v: string) => v || '—' },
          {
            title: '操作',
            key: 'actions',
            width: 110,
            render: (_v, m) => (
              <Flex gap={4}>
                <Button type="link" size="small" onClick={() => setEditing(m)}>修改</Button>
                <Popconfirm
                  title={`删除事项“${m.label}”？`}
                  description="已被音像记录或案件使用的事项不能删除。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => store(rows.filter((x) => x.key !== m.key), `已删除事项“${m.label}”`)}
                >
                  <Button type="link" size="small" danger>删除</Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      {editing && (
        <AvMatterModal
          matter={editing === 'new' ? null : editing}
          others={rows.filter((m) => editing === 'new' || m.key !== editing.key)}
          saving={save.pending}
          onSave={onSave}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
