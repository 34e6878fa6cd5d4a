import { KeyOutlined, LogoutOutlined, PlusOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, Typography, type InputRef } from 'antd';
import { useEffect, useState, type Ref } from 'react';
import { roleNames } from '../../shared/roles.js';
import type { Me } from '../../shared/types.js';
import { Kbd } from '../components/Kbd.js';
import { navigate, useLocation } from './router.js';

/** Bureau name, global case search (Ctrl+K), 新建案件 (Ctrl+N), and the user menu. */
export function TopBar({ me, searchRef, canSearch, onNewCase, onChangePassword, onLogout }: {
  me: Me;
  searchRef: Ref<InputRef>;
  canSearch: boolean;
  onNewCase?: () => void;
  onChangePassword: () => void;
  onLogout: () => void;
}) {
  const loc = useLocation();
  const [q, setQ] = useState('');
  // Keep the box in step with the list's query when the list is open.
  useEffect(() => {
    setQ(loc.path === '/cases' ? (loc.query.q ?? '') : '');
  }, [loc.path, loc.query.q]);

  const search = () => navigate('/cases', { q: q.trim() || undefined });

  return (
    <Flex className="sx-topbar" align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
      <Flex align="baseline" gap={12} style={{ minWidth: 0 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
          {me.bureau.name}
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', whiteSpace: 'nowrap' }}>执法三项制度工作站</Typography.Text>
      </Flex>
      <Flex align="center" gap={12}>
        {canSearch && (
          <Tooltip title={<>搜索案件编号、当事人、地点、事实 <Kbd>Ctrl+K</Kbd></>} placement="bottom">
            <Input
              ref={searchRef}
              aria-label="搜索案件"
              placeholder="搜索案件（Ctrl+K）"
              prefix={<SearchOutlined />}
              allowClear
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onPressEnter={search}
              style={{ width: 300 }}
            />
          </Tooltip>
        )}
        {onNewCase && (
          <Tooltip title={<>登记新案件 <Kbd>Ctrl+N</Kbd> 或 <Kbd>Alt+N</Kbd></>} placement="bottom">
            <Button type="primary" icon={<PlusOutlined />} onClick={onNewCase} style={{ background: '#2b78d0' }}>
              新建案件
            </Button>
          </Tooltip>
        )}
        <Flex align="center" gap={4} style={{ color: '#fff', whiteSpace: 'nowrap' }} aria-label="当前用户">
          <UserOutlined />
          <span>{me.user.displayName}</span>
          <span style={{ color: 'rgba(255,255,255,0.65)' }}>（{roleNames(me.user.roles)}）</span>
        </Flex>
        <Button type="text" size="small" icon={<KeyOutlined />} onClick={onChangePassword} style={{ color: '#fff' }}>
          修改密码
        </Button>
        <Button type="text" size="small" icon={<LogoutOutlined />} onClick={onLogout} style={{ color: '#fff' }}>
          退出登录
        </Button>
      </Flex>
    </Flex>
  );
}
