import { Button, Col, Form, Input, Row, Skeleton } from 'antd';
import { useEffect } from 'react';
import type { Bureau } from '../../../shared/types.js';
import { checkCreditCode, checkPhone } from '../../../shared/logic/check-digits.js';
import { useSession } from '../../app/session-context.js';
import { CHECKED_ITEM_PROPS, checkRules, creditComplete, phoneComplete } from '../../components/check-rules.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { applyFieldErrors } from '../../lib/field-errors.js';
import { useCommand, useQuery } from '../../lib/use-api.js';

/** 单位信息: the bureau's name, abbreviation (used in case numbers), credit code, website, contacts. */
export function BureauTab() {
  const { refreshMe } = useSession();
  const q = useQuery('bureau.get', {});
  const save = useCommand('bureau.update');
  const [form] = Form.useForm<Bureau>();
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;

  const submit = async (v: Bureau) => {
    const r = await save.run(
      { name: v.name, unitAbbr: v.unitAbbr, creditCode: v.creditCode ?? '', websiteName: v.websiteName, address: v.address ?? '', phone: v.phone ?? '' },
      { success: '单位信息已保存' },
    );
    if (r.ok) {
      q.setData(r.value);
      void refreshMe();
    } else applyFieldErrors(form, r.error);
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 820 }}>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="unitAbbr"
            label="单位简称（用于案件编号）"
            rules={[{ required: true, whitespace: true, message: '请填写单位简称' }, { pattern: /^[^\d\s]+$/, message: '简称不能包含数字或空格' }]}
            extra="修改后只影响以后新编的案件编号，已有编号不变"
          >
            <Input maxLength={8} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="creditCode" label="统一社会信用代码" rules={checkRules(checkCreditCode, creditComplete)} {...CHECKED_ITEM_PROPS}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="websiteName" label="网站名称" rules={[{ required: true, whitespace: true, message: '请填写网站名称' }]}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="address" label="地址">
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="phone" label="联系电话" rules={checkRules(checkPhone, phoneComplete)} {...CHECKED_ITEM_PROPS}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={save.pending}>
        保存单位信息
      </Button>
    </Form>
  );
}
