import { Alert, Form, Modal } from 'antd';
import type { CaseDetail } from '../../../shared/types.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { HandlerSelect } from './HandlerSelect.js';

/** 变更承办人: replaces the handlers (the first one chosen is the lead). */
export function HandlersModal({ c, onClose, onDone }: { c: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const [form] = Form.useForm<{ handlerIds: number[] }>();
  const officers = useQuery('officers.list', { status: 'active' });
  const set = useCommand('cases.setHandlers');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const r = await set.run({ id: c.id, handlerIds: v.handlerIds }, { success: '承办人已变更' });
    if (r.ok) {
      onDone(r.value);
      onClose();
    }
  };

  return (
    <Modal open title="变更承办人" okText="保存" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ loading: set.pending }}>
      {c.procedure === 'ordinary' && <Alert type="info" showIcon title="普通程序案件应由两名以上执法人员承办。" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ handlerIds: c.handlers.map((h) => h.officerId) }}>
        <Form.Item
          name="handlerIds"
          label="承办人（第一位为主办）"
          rules={[
            { required: true, type: 'array', min: c.procedure === 'ordinary' ? 2 : 1, message: c.procedure === 'ordinary' ? '普通程序请至少选择两名承办人' : '请至少选择一名承办人' },
          ]}
        >
          <HandlerSelect officers={officers.data ?? []} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
