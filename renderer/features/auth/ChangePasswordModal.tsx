import { Alert, Form, Input, Modal } from 'antd';
import { useCommand } from '../../lib/use-api.js';
import { confirmRules, PASSWORD_POLICY_TEXT, passwordRules } from './password-policy.js';

interface PwForm {
  oldPassword: string;
  newPassword: string;
  newPassword2: string;
}

/** 修改密码. `forced`: first sign-in with a password set by the admin; cannot be dismissed. */
export function ChangePasswordModal({ open, forced, onClose, onChanged, onLogout }: {
  open: boolean;
  forced?: boolean;
  onClose: () => void;
  onChanged: () => void;
  onLogout?: () => void;
}) {
  const [form] = Form.useForm<PwForm>();
  const change = useCommand('auth.changePassword');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const r = await change.run({ oldPassword: v.oldPassword, newPassword: v.newPassword }, { success: '密码已修改' });
    if (r.ok) {
      form.resetFields();
      onChanged();
    }
  };

  return (
    <Modal
      open={open}
      title="修改密码"
      okText="确认修改"
      cancelText={forced ? '退出登录' : '取消'}
      onOk={submit}
      onCancel={forced ? onLogout : onClose}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      okButtonProps={{ loading: change.pending }}
      destroyOnHidden
    >
      {forced && <Alert type="info" showIcon title="您的密码由管理员设置，请先修改为只有您知道的密码。" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="oldPassword" label={forced ? '当前密码（管理员告知的密码）' : '原密码'} rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
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
