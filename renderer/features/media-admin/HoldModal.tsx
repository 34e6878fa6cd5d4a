import { Form, Input, Modal, Typography } from 'antd';
import { useCommand } from '../../lib/use-api.js';

/**
 * 保全 / 解除保全 with the reason (audited). Footage under a hold is never offered for purging,
 * whatever its age; releasing the hold makes unlinked footage subject to the retention period again.
 */
export function HoldModal({ ids, hold, what, onClose, onDone }: { ids: number[]; hold: boolean; what: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const save = useCommand('media.setHold');
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const r = await save.run({ ids, hold, reason: v.reason.trim() }, { success: hold ? `已保全 ${what}` : `已解除 ${what} 的保全` });
    if (r.ok) onDone();
  };
  return (
    <Modal
      open
      title={hold ? `保全 — ${what}` : `解除保全 — ${what}`}
      okText={hold ? '保全' : '解除保全'}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ loading: save.pending, danger: !hold }}
    >
      <Typography.Paragraph type="secondary">
        {hold
          ? '保全的音像记录不论是否关联案件、是否超过保存期限，都不会被清理。常用于信访、复议、诉讼或调查需要。'
          : '解除后，未关联案件的音像记录超过保存期限即可被清理。'}
        原因记入审计记录。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label={hold ? '保全原因' : '解除原因'} rules={[{ required: true, whitespace: true, message: hold ? '请填写保全原因' : '请填写解除保全的原因' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder={hold ? '例如：当事人申请行政复议，复议结束前保留' : '例如：复议已结束，无需继续保留'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
