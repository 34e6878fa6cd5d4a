import { Layout, Menu, Result, type InputRef } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Me } from '../../shared/types.js';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal.js';
import { NewCaseDrawer } from '../features/cases/NewCaseDrawer.js';
import { AlertNotifications } from '../features/dashboard/AlertNotifications.js';
import { call } from '../lib/api.js';
import { can, doesCaseWork } from '../lib/access.js';
import { activeNav, visibleNav } from './nav.js';
import { findRoute } from './routes.js';
import { navigate, useLocation } from './router.js';
import { SessionContext, type SessionValue } from './session-context.js';
import { TopBar } from './TopBar.js';
import { useIdleWatch } from './use-idle-watch.js';
import { useShortcuts } from './use-shortcuts.js';

/** The signed-in frame: top bar, left navigation filtered by role, and the current screen. */
export function Shell({ me, onMe, onSignedOut }: { me: Me; onMe: (me: Me) => void; onSignedOut: () => void }) {
  const loc = useLocation();
  const nav = useMemo(() => visibleNav(me), [me]);
  const searchRef = useRef<InputRef>(null);
  const [newCaseOpen, setNewCaseOpen] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);
  const canCreate = can(me, 'cases.create');
  const caseWork = doesCaseWork(me);

  const logout = useCallback(async () => {
    await call('auth.logout', {});
    onSignedOut();
  }, [onSignedOut]);

  const refreshMe = useCallback(async () => {
    const r = await call('auth.me', {});
    if (r.ok) onMe(r.value);
  }, [onMe]);

  const openNewCase = useCallback(() => setNewCaseOpen(true), []);
  const session: SessionValue = useMemo(() => ({ me, refreshMe, logout, openNewCase }), [me, refreshMe, logout, openNewCase]);

  useIdleWatch(me.idleMinutes);
  useShortcuts({
    focusSearch: () => searchRef.current?.focus({ cursor: 'all' }),
    newCase: canCreate ? openNewCase : undefined,
  });

  // A pure auditor has no 工作台: send the home path to the first entry they can use.
  const home = nav[0]?.path ?? '/';
  const path = loc.path === '/' && !nav.some((n) => n.path === '/') ? home : loc.path;
  const found = findRoute(path);
  const allowed = found && nav.some((n) => n.key === found.route.nav);
  const current = activeNav(nav, path);

  return (
    <SessionContext.Provider value={session}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header>
          <TopBar
            me={me}
            searchRef={searchRef}
            canSearch={caseWork}
            onNewCase={canCreate ? openNewCase : undefined}
            onChangePassword={() => setPwOpen(true)}
            onLogout={logout}
          />
        </Layout.Header>
        <Layout>
          <Layout.Sider width={168} theme="light" style={{ borderRight: '1px solid #e8e8e8' }}>
            <Menu
              mode="inline"
              aria-label="主导航"
              selectedKeys={current ? [current.key] : []}
              items={nav.map((n) => ({ key: n.key, icon: n.icon, label: n.label }))}
              onClick={({ key }) => {
                const item = nav.find((n) => n.key === key);
                if (item) navigate(item.path);
              }}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: 16, minWidth: 0 }}>
            {found && allowed ? (
              found.route.render(found.params, loc)
            ) : (
              <Result status="404" title="页面不存在或无权访问" subTitle="请从左侧导航选择要办理的事项。" />
            )}
          </Layout.Content>
        </Layout>
      </Layout>
      <AlertNotifications />
      {canCreate && <NewCaseDrawer open={newCaseOpen} onClose={() => setNewCaseOpen(false)} />}
      <ChangePasswordModal
        open={pwOpen || me.user.mustChangePassword}
        forced={me.user.mustChangePassword}
        onClose={() => setPwOpen(false)}
        onChanged={() => {
          setPwOpen(false);
          void refreshMe();
        }}
        onLogout={logout}
      />
    </SessionContext.Provider>
  );
}
