import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles.js';
import type { UserInfo } from '../../../shared/types.js';
import { compareZh, formatDateTime } from '../../../shared/logic/text.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';
import { UserModal } from './UserModal.js';

/** 用户与角色: accounts, their roles, officer link, reviewer qualification, disable, lock state. */
export function UsersTab() {
  const users = useQuery('users.list', {});
  const officers = useQuery('officers.list', {});
  const update = useCommand('users.update');
  const [editing, setEditing] = useState<UserInfo | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserInfo | null>(null);
  const officerName = new Map((officers.data ?? []).map((o) => [o.id, o.name]));
  const rows = [...(users.data ?? [])].sort((a, b) => compareZh(a.displayName, b.displayName));
  const now = new Date().toISOString();

  const toggle = async (u: UserInfo) => {
    const r = await update.run({ id: u.id, disabled: !u.disabled }, { success: u.disabled ? `已启用 ${u.displayName}` : `已停用 ${u.displayName}` });
    if (r.ok) users.reload();
  };

  return (
    <>
      {users.error && <ErrorAlert error={users.error} onRetry={users.reload} />}
      <Flex justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">修改角色或停用账号后，该用户需要重新登录。</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新建用户
        </Button>
      </Flex>
      <Table<UserInfo>
        size="small"
        rowKey="id"
        loading={users.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '账号', dataIndex: 'username', width: 120 },
          { title: '姓名', dataIndex: 'displayName', width: 100 },
          {
            title: '角色',
            render: (_v, u) => (
              <Space size={[4, 4]} wrap>
                {u.roles.map((r) => (
                  <Tag key={r} color={r === 'admin' ? 'red' : r === 'auditor' ? 'purple' : 'blue'}>
                    {ROLE_LABELS[r]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: '关联执法人员', width: 110, render: (_v, u) => (u.officerId ? (officerName.get(u.officerId) ?? '—') : '—') },
          { title: '法制审核资格', width: 110, render: (_v, u) => (u.reviewerQualified ? <Tag color="green">具备</Tag> : '—') },
          {
            title: '状态',
            width: 200,
            render: (_v, u) =>
              u.disabled ? (
                <Tag>已停用</Tag>
              ) : u.lockedUntil && u.lockedUntil > now ? (
                <Tag color="warning">锁定至 {formatDateTime(u.lockedUntil)}</Tag>
              ) : u.mustChangePassword ? (
                <Tag color="gold">待修改初始密码</Tag>
              ) : (
                <Tag color="success">正常</Tag>
              ),
          },
          {
            title: '操作',
            width: 210,
            render: (_v, u) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(u)}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(u)}>
                  重置密码
                </Button>
                <Popconfirm
                  title={u.disabled ? `启用 ${u.displayName} 的账号？` : `停用 ${u.displayName} 的账号？停用后不能登录。`}
                  okText={u.disabled ? '启用' : '停用'}
                  cancelText="取消"
                  onConfirm={() => toggle(u)}
                >
                  <Button type="link" size="small" danger={!u.disabled} disabled={update.pending}>
                    {u.disabled ? '启用' : '停用'}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserModal user={editing === 'new' ? null : editing} officers={officers.data ?? []} onClose={() => setEditing(null)} onDone={users.reload} />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onDone={users.reload} />}
    </>
  );
}
