import { Alert, Button, Col, Divider, Form, Input, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { CASE_TYPES, CASE_TYPE_LABELS } from '../../../shared/domain.js';
import { validatePattern } from '../../../shared/logic/case-number.js';
import type { Settings } from '../../../shared/settings.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { caseNumberExample } from '../cases/case-number-example.js';

/** 办案设置: case number pattern (live preview), type abbreviations, time limits, sign-in rules. */
export function CaseSettingsTab() {
  const { me } = useSession();
  const q = useQuery('settings.get', {});
  const save = useCommand('settings.update');
  const [form] = Form.useForm<Settings>();
  const watched = Form.useWatch([], form) as Settings | undefined;
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;

  const draft: Settings = { ...q.data, ...watched, typeAbbreviations: { ...q.data.typeAbbreviations, ...watched?.typeAbbreviations } };
  const problem = validatePattern(draft.caseNumberPattern ?? '');
  const year = new Date().getFullYear();
  const previews = problem ? [] : (['penalty', 'permit', 'inspection'] as const).map((t) => caseNumberExample(draft, me.bureau.unitAbbr, t, year, t === 'penalty' ? 12 : 3));

  const submit = async (v: Settings) => {
    const r = await save.run(v, { success: '办案设置已保存' });
    if (r.ok) q.setData(r.value);
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 880 }} requiredMark={false}>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        案件编号
      </Divider>
      <Form.Item
        name="caseNumberPattern"
        label="案件编号格式"
        validateStatus={problem ? 'error' : undefined}
        help={problem ?? '占位符：{unit} 单位简称，{type} 类别简称，{year} 年份，{seq} 序号，{seq:3} 补零到 3 位'}
      >
        <Input maxLength={60} style={{ maxWidth: 420 }} />
      </Form.Item>
      {!problem && (
        <Alert
          type="info"
          style={{ marginBottom: 16, maxWidth: 880 }}
          title={<>编号示例：{previews.map((p) => <Typography.Text key={p} code>{p}</Typography.Text>)}</>}
          description="修改格式只影响以后新编的编号；已有编号不变，序号按类型和年份连续编排，作废的编号不再使用。"
        />
      )}
      <Row gutter={12}>
        {CASE_TYPES.map((t) => (
          <Col span={3} key={t}>
            <Form.Item
              name={['typeAbbreviations', t]}
              label={CASE_TYPE_LABELS[t]}
              rules={[{ required: true, whitespace: true, message: '必填' }, { pattern: /^[^\d\s]+$/, message: '不能含数字' }]}
            >
              <Input maxLength={4} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Divider titlePlacement="start" plain>
        期限与提醒
      </Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="caseHandlingWorkdays" label="办案期限（工作日）" extra="自立案次日起计算，超过即标为超期">
            <InputNumber min={1} max={720} style={{ width: '100%' }} suffix="个工作日" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="certificateWarningDays" label="执法证到期提醒（天）" extra="到期前多少天在工作台提醒">
            <InputNumber min={1} max={365} style={{ width: '100%' }} suffix="天" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        登录安全
      </Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="sessionIdleMinutes" label="会话超时（分钟）" extra="无操作超过此时间自动退出登录">
            <InputNumber min={1} max={1440} style={{ width: '100%' }} suffix="分钟" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="failedLoginLimit" label="密码连续输错锁定（次）">
            <InputNumber min={3} max={20} style={{ width: '100%' }} suffix="次" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="lockoutMinutes" label="锁定时长（分钟）">
            <InputNumber min={1} max={1440} style={{ width: '100%' }} suffix="分钟" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={save.pending} disabled={!!problem}>
        保存办案设置
      </Button>
    </Form>
  );
}
