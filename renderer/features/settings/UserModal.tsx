import { Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/roles.js';
import type { Officer, UserInfo } from '../../../shared/types.js';
import { useCommand } from '../../lib/use-api.js';
import { confirmRules, PASSWORD_POLICY_TEXT, passwordRules } from '../auth/password-policy.js';

interface UserForm {
  username: string;
  displayName: string;
  roles: Role[];
  officerId?: number | null;
  reviewerQualified: boolean;
  password?: string;
  password2?: string;
}

/** 新建用户 / 编辑用户. A new user must change the initial password at first sign-in. */
export function UserModal({ user, officers, onClose, onDone }: { user: UserInfo | null; officers: Officer[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<UserForm>();
  const create = useCommand('users.create');
  const update = useCommand('users.update');
  const pending = create.pending || update.pending;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const common = { displayName: v.displayName.trim(), roles: v.roles, officerId: v.officerId ?? null, reviewerQualified: !!v.reviewerQualified };
    const r = user
      ? await update.run({ id: user.id, ...common }, { success: `已保存 ${common.displayName} 的账号` })
      : await create.run({ username: v.username.trim(), password: v.password!, ...common }, { success: `已创建账号 ${v.username}` });
    if (r.ok) {
      onDone();
      onClose();
    }
  };

  return (
    <Modal open width={640} title={user ? `编辑用户 — ${user.username}` : '新建用户'} okText="保存" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ loading: pending }}>
      <Form
        form={form}
        layout="vertical"
       
        initialValues={user ? { ...user } : { roles: ['officer'], reviewerQualified: false, officerId: null }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="username"
              label="账号"
              rules={[{ required: true, message: '请填写账号' }, { pattern: /^[A-Za-z0-9_.-]+$/, message: '账号只能包含字母、数字、下划线、点和减号' }]}
            >
              <Input maxLength={32} disabled={!!user} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="roles" label="角色" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
              <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="officerId" label="关联执法人员" extra="执法人员登录后，新建案件时默认由本人承办">
              <Select
                allowClear
                placeholder="不关联"
                showSearch={{ optionFilterProp: 'label' }}
                options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}）` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reviewerQualified" label=" " colon={false} valuePropName="checked" extra="取得法律职业资格或经任命的法制审核人员">
              <Checkbox>具备法制审核资格</Checkbox>
            </Form.Item>
          </Col>
          {!user && (
            <>
              <Col span={12}>
                <Form.Item name="password" label="初始密码" rules={passwordRules} required extra={`${PASSWORD_POLICY_TEXT}；首次登录须修改`}>
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="password2" label="确认初始密码" dependencies={['password']} rules={confirmRules('password')}>
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
