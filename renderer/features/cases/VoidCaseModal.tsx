import { Alert, Form, Input, Modal } from 'antd';
import type { CaseDetail } from '../../../shared/types.js';
import { useCommand } from '../../lib/use-api.js';

/** 作废编号: voids a case number (opened in error, duplicate…). The number stays, marked 已作废. */
export function VoidCaseModal({ c, onClose, onDone }: { c: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const voidCase = useCommand('cases.void');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const r = await voidCase.run({ id: c.id, reason: v.reason.trim() }, { success: `案件编号 ${c.caseNo} 已作废` });
    if (r.ok) {
      onDone(r.value);
      onClose();
    }
  };

  return (
    <Modal
      open
      title={`作废案件编号 — ${c.caseNo}`}
      okText="确认作废"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: voidCase.pending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="作废后不能恢复"
        description={`编号“${c.caseNo}”不会被删除，也不会再分配给其他案件；它仍显示在案件列表中，标为“已作废”，案件内容变为只读。作废操作记入审计记录。`}
      />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, whitespace: true, message: '请填写作废原因' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} placeholder="例如：重复立案，与××号为同一案件" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
