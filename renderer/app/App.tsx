import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Me } from '../../shared/types.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { SetupPage } from '../features/auth/SetupPage.js';
import { call, hasStoredSession, onSessionLost } from '../lib/api.js';
import { Shell } from './Shell.js';
import { theme } from './theme.js';
import { useReducedMotion } from './use-reduced-motion.js';

type Phase =
  | { kind: 'boot' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup' }
  | { kind: 'login'; bureauName: string | null; notice: string | null; lost?: boolean }
  | { kind: 'shell'; me: Me };

/** Decides between first run, sign-in and the signed-in shell; returns to sign-in when the session is lost. */
function Root() {
  const [phase, setPhase] = useState<Phase>({ kind: 'boot' });

  const boot = useCallback(async (notice: string | null = null) => {
    setPhase({ kind: 'boot' });
    const status = await call('setup.status', {});
    if (!status.ok) return setPhase({ kind: 'unreachable', message: status.error.message });
    if (!status.value.initialized) return setPhase({ kind: 'setup' });
    if (!notice && hasStoredSession()) {
      const me = await call('auth.me', {});
      if (me.ok) return setPhase({ kind: 'shell', me: me.value });
    }
    setPhase({ kind: 'login', bureauName: status.value.bureauName, notice });
  }, []);

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(
    () =>
      onSessionLost((error) => {
        setPhase((p) => {
          if (p.kind === 'shell') return { kind: 'login', bureauName: p.me.bureau.name, notice: error.message, lost: true };
          // Calls in flight when the session expired: the first answer says SESSION_EXPIRED, the
          // others (the session is gone by then) NOT_SIGNED_IN. Keep the more helpful reason.
          if (p.kind === 'login' && p.lost && error.code === 'SESSION_EXPIRED') return { ...p, notice: error.message };
          return p;
        });
      }),
    [],
  );

  switch (phase.kind) {
    case 'boot':
      return <Spin size="large" fullscreen description="正在连接工作站…" />;
    case 'unreachable':
      return <Result status="warning" title="无法打开工作站" subTitle={phase.message} extra={<Button type="primary" onClick={() => boot()}>重试</Button>} />;
    case 'setup':
      return <SetupPage onDone={(name) => setPhase({ kind: 'login', bureauName: name, notice: '初始化完成，请使用刚才创建的管理员账号登录。' })} />;
    case 'login':
      return <LoginPage bureauName={phase.bureauName} notice={phase.notice} onSignedIn={(me) => setPhase({ kind: 'shell', me })} />;
    case 'shell':
      return (
        <Shell
          me={phase.me}
          onMe={(me) => setPhase({ kind: 'shell', me })}
          onSignedOut={() => setPhase({ kind: 'login', bureauName: phase.me.bureau.name, notice: null })}
        />
      );
  }
}

export function AppRoot() {
  // Dialogs, drawers and menus open without animation when the system asks for less motion.
  const reducedMotion = useReducedMotion();
  const appTheme = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  return (
    <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}
