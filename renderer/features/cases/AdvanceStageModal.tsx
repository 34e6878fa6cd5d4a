import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import { STAGES, STAGE_LABELS, type Stage } from '../../../shared/domain.js';
import type { CaseDetail } from '../../../shared/types.js';
import { dayjs, fromDay, isFuture, toDay, type Dayjs } from '../../lib/dates.js';
import { useCommand } from '../../lib/use-api.js';

interface AdvanceForm {
  stage: Stage;
  enteredOn: Dayjs;
  note?: string;
}

/** 推进环节: moves a case to a later stage on a date (not before the last stage, not in the future). */
export function AdvanceStageModal({ c, onClose, onDone }: { c: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const [form] = Form.useForm<AdvanceForm>();
  const advance = useCommand('cases.advanceStage');
  const from = STAGES.indexOf(c.stage);
  // 归档 is not a manual step: the 归档 button builds and verifies the case-file package first.
  const next = STAGES.slice(from + 1).filter((s) => s !== 'archived');
  const lastDate = c.stages.at(-1)?.enteredOn ?? c.openedOn;
  const minDate = toDay(lastDate);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const r = await advance.run(
      { id: c.id, stage: v.stage, enteredOn: fromDay(v.enteredOn)!, note: v.note?.trim() ?? '' },
      { success: `已进入“${STAGE_LABELS[v.stage]}”环节` },
    );
    if (r.ok) {
      onDone(r.value);
      onClose();
    }
  };

  return (
    <Modal open title={`推进环节 — ${c.caseNo}`} okText="确认推进" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ loading: advance.pending }}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`当前环节：${STAGE_LABELS[c.stage]}（${lastDate}）。环节只能向后推进，不能退回。`} />
      <Form form={form} layout="vertical" initialValues={{ stage: next[0], enteredOn: dayjs() }} requiredMark={false}>
        <Form.Item name="stage" label="进入环节" rules={[{ required: true, message: '请选择环节' }]}>
          <Select
            options={next.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item name="enteredOn" label="日期" rules={[{ required: true, message: '请选择日期' }]} extra={`不早于 ${lastDate}，不晚于今天`}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => isFuture(d) || (!!minDate && d.isBefore(minDate, 'day'))} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder="例如：已完成现场勘验和询问笔录" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
