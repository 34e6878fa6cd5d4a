import { Alert, Button, Form, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import type { Me } from '../../../shared/types.js';
import { call } from '../../lib/api.js';
import { AuthFrame } from './AuthFrame.js';

interface LoginForm {
  username: string;
  password: string;
}

/**
 * 账号/密码 sign-in. Wrong passwords show the services' message (with the attempts left);
 * a locked account shows how long it stays locked. `notice` explains why the user is here
 * (e.g. signed out after being idle).
 */
export function LoginPage({ bureauName, notice, onSignedIn }: { bureauName: string | null; notice: string | null; onSignedIn: (me: Me) => void }) {
  const [form] = Form.useForm<LoginForm>();
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<InputRef>(null);
  const [error, setError] = useState<{ message: string; locked: boolean } | null>(null);

  const submit = async (v: LoginForm) => {
    setPending(true);
    setError(null);
    const r = await call('auth.login', { username: v.username.trim(), password: v.password });
    setPending(false);
    if (r.ok) onSignedIn(r.value.me);
    else {
      setError({ message: r.error.message, locked: r.error.code === 'ACCOUNT_LOCKED' });
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
    }
  };

  return (
    <AuthFrame heading={bureauName ?? '登录'} sub={bureauName ? '请登录' : undefined}>
      {notice && !error && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {error &&
        (error.locked ? (
          <Alert type="error" showIcon title="账号已锁定" description={error.message} style={{ marginBottom: 16 }} />
        ) : (
          <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />
        ))}
      <Form form={form} layout="vertical" onFinish={submit} aria-label="登录" requiredMark={false}>
        <Form.Item name="username" label="账号" rules={[{ required: true, whitespace: true, message: '请输入账号' }]}>
          <Input autoFocus autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password ref={passwordRef} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending}>
          登录
        </Button>
      </Form>
    </AuthFrame>
  );
}
