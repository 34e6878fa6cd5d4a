import { Alert, Button, Col, Divider, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { checkCreditCode, checkPhone } from '../../../shared/logic/check-digits.js';
import { call } from '../../lib/api.js';
import { CHECKED_ITEM_PROPS, checkRules, creditComplete, phoneComplete } from '../../components/check-rules.js';
import { AuthFrame } from './AuthFrame.js';
import { confirmRules, PASSWORD_POLICY_TEXT, passwordRules } from './password-policy.js';
import { applyFieldErrors } from '../../lib/field-errors.js';

interface SetupForm {
  name: string;
  unitAbbr: string;
  creditCode?: string;
  websiteName: string;
  address?: string;
  phone?: string;
  username: string;
  displayName: string;
  password: string;
  password2: string;
}

/** First run: creates the bureau and its first administrator. */
export function SetupPage({ onDone }: { onDone: (bureauName: string) => void }) {
  const [form] = Form.useForm<SetupForm>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: SetupForm) => {
    setPending(true);
    setError(null);
    const r = await call('setup.initialize', {
      bureau: {
        name: v.name,
        unitAbbr: v.unitAbbr,
        creditCode: v.creditCode ?? '',
        websiteName: v.websiteName,
        address: v.address ?? '',
        phone: v.phone ?? '',
      },
      admin: { username: v.username, displayName: v.displayName, password: v.password },
    });
    setPending(false);
    if (r.ok) onDone(v.name);
    else {
      setError(r.error.message);
      applyFieldErrors(form, r.error, (f) => f.replace(/^bureau\./, '').replace(/^admin\.(.*)$/, '$1'));
    }
  };

  return (
    <AuthFrame heading="首次使用：登记本单位" sub="填写本单位信息并创建管理员账号。以后可在“设置”中修改单位信息。" width={720}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} aria-label="初始化单位">
        <Divider titlePlacement="start" plain>
          单位信息
        </Divider>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
              <Input placeholder="例如：遂宁市林业局" maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="unitAbbr"
              label="单位简称（用于案件编号）"
              rules={[
                { required: true, whitespace: true, message: '请填写单位简称' },
                { pattern: /^[^\d\s]+$/, message: '简称不能包含数字或空格' },
              ]}
              extra="案件编号形如 遂林罚〔2026〕12号"
            >
              <Input placeholder="例如：遂林" maxLength={8} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="creditCode" label="统一社会信用代码" rules={checkRules(checkCreditCode, creditComplete)} {...CHECKED_ITEM_PROPS}>
              <Input placeholder="18 位，可稍后在设置中补填" maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="websiteName" label="网站名称" rules={[{ required: true, whitespace: true, message: '请填写网站名称' }]} extra="公示信息发布的网站或政府门户栏目">
              <Input placeholder="例如：遂宁市林业局门户网站" maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="address" label="地址">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="phone" label="联系电话" rules={checkRules(checkPhone, phoneComplete)} {...CHECKED_ITEM_PROPS}>
              <Input placeholder="例如：0825-2345678" maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          管理员账号
        </Divider>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              name="username"
              label="账号"
              rules={[
                { required: true, message: '请填写账号' },
                { pattern: /^[A-Za-z0-9_.-]+$/, message: '账号只能包含字母、数字、下划线、点和减号' },
              ]}
            >
              <Input placeholder="例如：admin" maxLength={32} autoComplete="username" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="password" label="密码" rules={passwordRules} required extra={PASSWORD_POLICY_TEXT}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="password2" label="确认密码" dependencies={['password']} rules={confirmRules('password')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" block loading={pending}>
          完成初始化
        </Button>
      </Form>
    </AuthFrame>
  );
}
