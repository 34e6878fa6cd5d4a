import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import type { ReviewItemDetail } from '../../../shared/review-types.js';
import { useCommand, useQuery } from '../../lib/use-api.js';

interface Values { workdays: number; reason: string }

/** 延长审核期限: once per round, by the assigned reviewer or the head, with a reason. */
export function ExtendModal({ item, onClose, onDone }: { item: ReviewItemDetail; onClose: () => void; onDone: (d: ReviewItemDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const settings = useQuery('review.settings.get', {});
  const extend = useCommand('review.extend');
  const max = settings.data?.maxExtensionWorkdays ?? 5;

  const finish = async (v: Values) => {
    const r = await extend.run({ submissionId: item.submissionId, workdays: v.workdays, reason: v.reason }, { success: (d) => `审核期限已延长至 ${d.due.dueOn}` });
    if (r.ok) onDone(r.value);
  };

  return (
    <Modal open title="延长审核期限" okText="确定延期" cancelText="取消" confirmLoading={extend.pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`当前期限 ${item.due.dueOn}。每轮审核只能延期一次，最多 ${max} 个工作日，延期后不能撤销。`} />
      <Form form={form} layout="vertical" onFinish={finish} initialValues={{ workdays: Math.min(3, max) }}>
        <Form.Item name="workdays" label="延长工作日数" rules={[{ required: true, message: '请填写延长的工作日数' }]}>
          <InputNumber min={1} max={max} precision={0} suffix="个工作日" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder="例如：需调取外地证据、案情复杂需征求专家意见" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
