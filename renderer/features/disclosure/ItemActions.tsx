// The buttons of one item, by state and role: 修改 / 提交审核 / 审核通过 / 退回 / 撤下 / 更正 / 预览.
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import type { DisclosureDetail } from '../../../shared/disclosure-types.js';
import { WITHDRAW_EVENTS, WITHDRAW_EVENT_LABELS } from '../../../shared/disclosure-domain.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { fromDay, isFuture, dayjs } from '../../lib/dates.js';
import { useCommand } from '../../lib/use-api.js';
import { EditModal } from './EditModal.js';
import { PreviewModal } from './PreviewModal.js';

type Dialog = null | 'edit' | 'correct' | 'reject' | 'withdraw' | 'preview';

export function ItemActions({ item, onChange }: { item: DisclosureDetail; onChange: (d: DisclosureDetail) => void }) {
  const { me } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = useCommand('disclosure.submit');
  const approve = useCommand('disclosure.approve');
  const reject = useCommand('disclosure.reject');
  const withdraw = useCommand('disclosure.withdraw');
  const [form] = Form.useForm();
  const s = item.state;
  const close = () => setDialog(null);

  const onApprove = async () => {
    setRefusal(null);
    const r = await approve.run({ id: item.id, note: '' }, { success: '已审核通过，等待发布', quietError: true });
    if (r.ok) onChange(r.value);
    else setRefusal(r.error.message);
  };

  return (
    <>
      <Space wrap>
        <Button onClick={() => setDialog('preview')}>网站预览</Button>
        {s === 'draft' && can(me, 'disclosure.update') && <Button onClick={() => setDialog('edit')}>修改内容</Button>}
        {s === 'draft' && can(me, 'disclosure.submit') && (
          <Button
            type="primary"
            loading={submit.pending}
            onClick={async () => {
              const r = await submit.run({ id: item.id }, { success: '已提交审核' });
              if (r.ok) onChange(r.value);
            }}
          >
            提交审核
          </Button>
        )}
        {s === 'pending' && can(me, 'disclosure.approve') && item.writtenBy.includes(me.user.id) && (
          <Alert type="info" showIcon title="您编写或修改过此版本，须由其他有发布审核权限的人员审核通过。" />
        )}
        {s === 'pending' && can(me, 'disclosure.approve') && !item.writtenBy.includes(me.user.id) && (
          <>
            <Button type="primary" loading={approve.pending} onClick={onApprove}>审核通过</Button>
            <Button danger onClick={() => setDialog('reject')}>退回修改</Button>
          </>
        )}
        {s === 'published' && can(me, 'disclosure.correct') && <Button onClick={() => setDialog('correct')}>更正</Button>}
        {(s === 'published' || s === 'approved') && can(me, 'disclosure.withdraw') && (
          <Button danger onClick={() => setDialog('withdraw')}>撤下</Button>
        )}
      </Space>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginTop: 12 }} closable={{ onClose: () => setRefusal(null) }} />}

      <PreviewModal id={item.id} open={dialog === 'preview'} onClose={close} />
      {(dialog === 'edit' || dialog === 'correct') && (
        <EditModal
          item={item}
          mode={dialog === 'edit' ? 'update' : 'correct'}
          open
          onClose={close}
          onSaved={(d) => (d.id === item.id ? onChange(d) : navigate(`/disclosure/${d.id}`))}
        />
      )}
      <Modal
        title="退回修改"
        open={dialog === 'reject'}
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: reject.pending }}
        destroyOnHidden
        onCancel={close}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (!v) return; // the fields show what is missing
          const r = await reject.run({ id: item.id, reason: v.reason }, { success: '已退回起草人修改' });
          if (r.ok) {
            onChange(r.value);
            close();
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label="退回原因" rules={[{ required: true, whitespace: true, message: '请填写退回原因' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="撤下公示事项"
        open={dialog === 'withdraw'}
        okText="撤下"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: withdraw.pending }}
        destroyOnHidden
        onCancel={close}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (!v) return; // the fields show what is missing
          const r = await withdraw.run(
            { id: item.id, event: v.event, eventOn: fromDay(v.eventOn)!, reason: v.reason },
            { success: '已撤下；下次发布网站时将从网站删除' },
          );
          if (r.ok) {
            onChange(r.value);
            close();
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ eventOn: dayjs() }}>
          <Form.Item name="event" label="撤下事由" rules={[{ required: true, message: '请选择撤下事由' }]}>
            <Select options={WITHDRAW_EVENTS.map((e) => ({ value: e, label: WITHDRAW_EVENT_LABELS[e] }))} />
          </Form.Item>
          <Form.Item name="eventOn" label="事件日期" rules={[{ required: true, message: '请选择事件日期' }]}>
            <DatePicker format="YYYY-MM-DD" disabledDate={isFuture} />
          </Form.Item>
          <Form.Item name="reason" label="撤下原因" rules={[{ required: true, whitespace: true, message: '请填写撤下原因' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
