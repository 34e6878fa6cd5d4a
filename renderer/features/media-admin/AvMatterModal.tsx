import { AutoComplete, Checkbox, Col, Form, Input, Modal, Radio, Row, Typography } from 'antd';
import { CASE_TYPES, CASE_TYPE_LABELS } from '../../../shared/domain.js';
import type { AvMatter } from '../../../shared/media-types.js';
import { REQUIREMENT_HELP, REQUIREMENT_LABELS, STAGE_SUGGESTIONS } from './av-matter-labels.js';

type MatterForm = Omit<AvMatter, 'key'>;

const EMPTY: MatterForm = {
  label: '',
  requirement: 'av',
  stage: '',
  place: '执法现场',
  device: '执法记录仪',
  trigger: '',
  content: '',
  retention: '作为证据的随案卷保存；其他不少于 6 个月',
  recorder: '承办执法人员',
  impliedByCaseTypes: [],
};

/** 添加 / 修改 one row of the 音像记录事项清单 (all columns used in practice). */
export function AvMatterModal({ matter, others, saving, onSave, onClose }: {
  matter: AvMatter | null;
  /** The other rows, to refuse a duplicate name at the field. */
  others: AvMatter[];
  saving: boolean;
  onSave: (v: MatterForm) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<MatterForm>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const trim = (s: string | undefined) => (s ?? '').trim();
    onSave({
      label: trim(v.label),
      requirement: v.requirement,
      stage: trim(v.stage),
      place: trim(v.place),
      device: trim(v.device),
      trigger: trim(v.trigger),
      content: trim(v.content),
      retention: trim(v.retention),
      recorder: trim(v.recorder),
      impliedByCaseTypes: v.impliedByCaseTypes ?? [],
    });
  };
  return (
    <Modal
      open
      width={760}
      title={matter ? `修改事项 — ${matter.label}` : '添加音像记录事项'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ loading: saving }}
    >
      <Form form={form} layout="vertical" initialValues={matter ?? EMPTY} requiredMark={false}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="label"
              label="事项名称"
              rules={[
                { required: true, whitespace: true, message: '请填写事项名称，例如现场检查' },
                { validator: (_r, v: string) => (others.some((o) => o.label === v?.trim()) ? Promise.reject(new Error('清单中已有同名事项')) : Promise.resolve()) },
              ]}
            >
              <Input maxLength={40} placeholder="例如：现场检查" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="stage" label="执法环节">
              <AutoComplete options={STAGE_SUGGESTIONS.map((s) => ({ value: s }))} maxLength={40} placeholder="例如：调查取证" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="requirement" label="记录要求">
          <Radio.Group>
            {(['full', 'av'] as const).map((r) => (
              <Radio key={r} value={r} style={{ display: 'flex', marginBottom: 4 }}>
                {REQUIREMENT_LABELS[r]}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{REQUIREMENT_HELP[r]}</Typography.Text>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="impliedByCaseTypes"
          label="以下类别的案件必然发生此事项"
          extra="选中类别的案件自动计入此事项；既没有关联音像记录、也没有无法记录说明的，案件显示“缺少音像记录”。其他案件由承办人登记。"
        >
          <Checkbox.Group options={CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Form.Item name="content" label="记录内容">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} placeholder="例如：出示证件、检查现场、询问、现场笔录签字" />
        </Form.Item>
        <Form.Item name="trigger" label="开始与结束">
          <Input maxLength={200} placeholder="例如：到达现场、表明身份时开始，执法活动结束、离开现场时停止" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="place" label="记录场所">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="device" label="记录设备">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="recorder" label="记录人">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="retention" label="保存期限" style={{ marginBottom: 0 }}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
