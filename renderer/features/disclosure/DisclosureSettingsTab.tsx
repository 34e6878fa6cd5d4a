// 公示设置 (管理员): the deadlines (publish within N working days of a decision, withdraw within N
// working days of a revocation, optional take-down after N years), how a natural-person party is
// named, and the public site's address and contacts. (Kept releases are set per publish target.)
import { Alert, Button, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Switch } from 'antd';
import { useEffect } from 'react';
import type { DisclosureSettings } from '../../../shared/disclosure-settings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand, useQuery } from '../../lib/use-api.js';

type Values = Omit<DisclosureSettings, 'takedownYears' | 'takedownYearsPersons'> & {
  takedown: boolean;
  takedownYears: number | null;
  personsOwn: boolean;
  takedownYearsPersons: number | null;
};

const toValues = (s: DisclosureSettings): Values => ({
  ...s,
  takedown: s.takedownYears != null || s.takedownYearsPersons != null,
  takedownYears: s.takedownYears,
  personsOwn: s.takedownYearsPersons != null,
  takedownYearsPersons: s.takedownYearsPersons,
});

export function DisclosureSettingsTab() {
  const q = useQuery('disclosure.settings.get', {});
  const save = useCommand('disclosure.settings.update');
  const [form] = Form.useForm<Values>();
  const takedown = Form.useWatch('takedown', form);
  const personsOwn = Form.useWatch('personsOwn', form);
  useEffect(() => {
    if (q.data) form.setFieldsValue(toValues(q.data));
  }, [q.data, form]);

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;

  const submit = async (v: Values) => {
    const { takedown: on, personsOwn: own, ...rest } = v;
    const r = await save.run(
      { ...rest, takedownYears: on ? (v.takedownYears ?? null) : null, takedownYearsPersons: on && own ? (v.takedownYearsPersons ?? null) : null },
      { success: '公示设置已保存' },
    );
    if (r.ok) q.setData(r.value);
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 880 }} requiredMark={false} initialValues={toValues(q.data)}>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>公示期限</Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="publishWorkdays" label="决定公示期限" extra="作出行政执法决定后，在此期限内公示" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} suffix="个工作日" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="withdrawWorkdays" label="撤下期限" extra="决定被撤销、确认违法或重新作出后，在此期限内撤下" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={30} precision={0} style={{ width: '100%' }} suffix="个工作日" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="warnWorkdays" label="临期提醒" extra="剩余工作日不超过此数时提示临期" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} suffix="个工作日" />
          </Form.Item>
        </Col>
      </Row>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="修改期限只影响此后作出的决定和起草的公示事项；已有事项的期限不变。" />
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="takedown" label="公示期满撤下" valuePropName="checked" extra="到期后在“公示 → 逾期”中提示撤下">
            <Switch checkedChildren="到期撤下" unCheckedChildren="长期公示" />
          </Form.Item>
        </Col>
        {takedown && (
          <Col span={8}>
            <Form.Item name="takedownYears" label="公示满几年后撤下" rules={[{ required: !personsOwn, message: '请填写年数' }]} extra={personsOwn ? '不填：当事人为法人等的长期公示' : undefined}>
              <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} suffix="年" placeholder="不限" />
            </Form.Item>
          </Col>
        )}
      </Row>
      {takedown && (
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="personsOwn" valuePropName="checked" label="当事人为自然人的">
              <Switch checkedChildren="单独设置" unCheckedChildren="同上" />
            </Form.Item>
          </Col>
          {personsOwn && (
            <Col span={8}>
              <Form.Item name="takedownYearsPersons" label="自然人公示满几年后撤下" rules={[{ required: true, message: '请填写年数' }]}>
                <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} suffix="年" />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
      <Divider titlePlacement="start" plain>当事人姓名</Divider>
      <Form.Item name="partyStyle" label="当事人为自然人时，行政处罚等结果公示中姓名显示为" extra="行政许可、行政征收的当事人姓名依法公开；其他自然人（证人等）一律显示为“张某”。">
        <Radio.Group
          options={[
            { value: 'surname-moumou', label: '张某某' },
            { value: 'surname-mou', label: '张某' },
            { value: 'keep', label: '原样公开' },
          ]}
        />
      </Form.Item>
      <Divider titlePlacement="start" plain>公示网站</Divider>
      <Form.Item name="siteBaseUrl" label="网站地址" extra="用于生成站点地图（sitemap.xml），例如 https://www.example.gov.cn/zfgs/；不填则使用相对链接。服务器上保留的发布版本数在各发布目标中设置。">
        <Input maxLength={200} placeholder="https://" />
      </Form.Item>
      <Form.Item name="publicContacts" label="依法公开的联系方式" extra="本单位的举报电话、邮箱等，公示时原样公开、不作脱敏。输入后按回车添加。单位电话和地址已自动包含。">
        <Select mode="tags" open={false} suffixIcon={null} placeholder="例如 0825-12345、zfjd@example.gov.cn" tokenSeparators={['，', ',', '、']} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.pending}>保存公示设置</Button>
    </Form>
  );
}
