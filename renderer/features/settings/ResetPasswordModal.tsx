import { Alert, Form, Input, Modal } from 'antd';
import type { UserInfo } from '../../../shared/types.js';
import { useCommand } from '../../lib/use-api.js';
import { confirmRules, PASSWORD_POLICY_TEXT, passwordRules } from '../auth/password-policy.js';

/** 重置密码: sets a new initial password, unlocks the account and signs the user out. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: UserInfo; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ newPassword: string; newPassword2: string }>();
  const reset = useCommand('users.resetPassword');
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const r = await reset.run({ id: user.id, newPassword: v.newPassword }, { success: `已重置 ${user.displayName} 的密码` });
    if (r.ok) {
      onDone();
      onClose();
    }
  };
  return (
    <Modal open title={`重置密码 — ${user.displayName}（${user.username}）`} okText="重置" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ loading: reset.pending }}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="重置后账号自动解除锁定，该用户须用新密码登录并立即修改。" />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="newPassword" label="新密码" rules={passwordRules} required extra={PASSWORD_POLICY_TEXT}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="newPassword2" label="确认新密码" dependencies={['newPassword']} rules={confirmRules('newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
