import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { DEFAULT_PROFILES } from '../../../shared/media-defaults.js';
import type { DeviceProfile } from '../../../shared/media-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { DeviceProfileModal } from './DeviceProfileModal.js';

/** A new model's id: never shown, only unique and stable. */
const newProfileId = () => `p-${Date.now().toString(36)}`;

/** The shipped models back as shipped; models the bureau added stay. */
function withDefaults(current: DeviceProfile[]): DeviceProfile[] {
  const shipped = new Set(DEFAULT_PROFILES.map((p) => p.id));
  return [...DEFAULT_PROFILES, ...current.filter((p) => !shipped.has(p.id))];
}

type Editing = { profile: DeviceProfile | null; copyOf?: DeviceProfile } | null;

/**
 * 记录仪型号: how each model of recorder lays out its card — the folders and file types to import
 * and the file-name formats that give device, officer, time and the important mark. Recorders are
 * recognised by trying the models in this order.
 */
export function DeviceProfilesSection() {
  const { modal } = App.useApp();
  const q = useQuery('media.profiles.get', {});
  const save = useCommand('media.profiles.update');
  const [editing, setEditing] = useState<Editing>(null);
  const rows = q.data ?? [];

  const store = async (profiles: DeviceProfile[], success: string): Promise<boolean> => {
    const r = await save.run({ profiles }, { success });
    if (r.ok) q.setData(r.value);
    return r.ok;
  };

  const onSave = async (v: Omit<DeviceProfile, 'id'>) => {
    const current = editing?.profile;
    const next = current ? rows.map((p) => (p.id === current.id ? { ...p, ...v } : p)) : [...rows, { id: newProfileId(), ...v }];
    if (await store(next, current ? `已保存型号“${v.name}”` : `已添加型号“${v.name}”`)) setEditing(null);
  };

  const restore = () =>
    modal.confirm({
      title: '恢复系统自带的型号？',
      content: `系统自带的 ${DEFAULT_PROFILES.length} 个型号恢复为默认设置，已删除的重新加入；本单位自行添加的型号保留不变。`,
      okText: '恢复',
      cancelText: '取消',
      onOk: () => store(withDefaults(rows), '已恢复系统自带的型号'),
    });

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  const modalProfile = editing?.profile ?? (editing?.copyOf ? { ...editing.copyOf, name: `${editing.copyOf.name}（副本）` } : null);

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">插入记录仪时按以下顺序识别型号：先看设备信息文件，再看文件夹中的文件名。</Typography.Text>
        <Flex gap={8} style={{ flex: 'none' }}>
          <Button onClick={restore} disabled={!q.data}>恢复系统自带的型号</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ profile: null })} disabled={!q.data}>添加型号</Button>
        </Flex>
      </Flex>
      <Table<DeviceProfile>
        size="small"
        rowKey="id"
        loading={q.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '型号', dataIndex: 'name', width: 180, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          {
            title: '文件夹 / 设备信息文件',
            key: 'where',
            width: 200,
            render: (_v, p) => (
              <Flex vertical>
                <span>{p.folders.join('、') || '整个记录仪'}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.identityFiles.join('、') || '无设备信息文件'}</Typography.Text>
              </Flex>
            ),
          },
          {
            title: '文件类型',
            dataIndex: 'extensions',
            width: 130,
            render: (v: string[]) => (v.length > 4 ? <span title={v.join('、')}>{v.slice(0, 4).join('、')} 等 {v.length} 种</span> : v.join('、')),
          },
          {
            title: '文件名格式',
            dataIndex: 'templates',
            render: (v: string[]) =>
              v.length ? (
                <Flex vertical gap={2}>
                  {v.map((t) => <Typography.Text key={t} code style={{ overflowWrap: 'anywhere', alignSelf: 'flex-start' }}>{t}</Typography.Text>)}
                </Flex>
              ) : (
                <Typography.Text type="secondary">未设置，时间取视频信息</Typography.Text>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_v, p) => (
              <Flex gap={0}>
                <Button type="link" size="small" onClick={() => setEditing({ profile: p })}>修改</Button>
                <Button type="link" size="small" onClick={() => setEditing({ profile: null, copyOf: p })}>复制</Button>
                <Popconfirm
                  title={`删除型号“${p.name}”？`}
                  description="已导入的音像记录不受影响；这种记录仪以后按文件修改时间导入。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  disabled={rows.length <= 1}
                  onConfirm={() => store(rows.filter((x) => x.id !== p.id), `已删除型号“${p.name}”`)}
                >
                  <Button type="link" size="small" danger disabled={rows.length <= 1} title={rows.length <= 1 ? '至少保留一个型号' : undefined}>删除</Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      {editing && (
        <DeviceProfileModal
          profile={modalProfile}
          isNew={!editing.profile}
          others={rows.filter((p) => p.id !== editing.profile?.id)}
          saving={save.pending}
          onSave={onSave}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
