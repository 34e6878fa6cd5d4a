import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { AppError } from '../../../shared/result.js';
import { DECISION_TYPES, DECISION_TYPE_LABELS, MEASURES, MEASURE_LABELS, type DecisionType, type Measure } from '../../../shared/review-domain.js';
import type { GateResult, ProposedDecision } from '../../../shared/review-types.js';
import type { CaseDetail } from '../../../shared/types.js';
import { dayjs, fromDay, type Dayjs } from '../../lib/dates.js';
import { useCommand } from '../../lib/use-api.js';
import { ProblemAlert } from './ProblemAlert.js';

interface Values { decidedOn: Dayjs; decisionType: DecisionType; measures: Measure[]; fines: Record<string, number | null>; legalBasis: string; content: string }

/** 记录决定: the head (or handler) records the decision; the gate's reason is shown when it is refused. */
export function DecisionModal({ c, gate, proposal, onClose, onDone }: { c: CaseDetail; gate: GateResult; proposal?: ProposedDecision; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<AppError | null>(null);
  const rec = useCommand('decisions.record');
  const finish = async (v: Values) => {
    setError(null);
    const r = await rec.run(
      {
        caseId: c.id, decidedOn: fromDay(v.decidedOn) ?? '', decisionType: v.decisionType, measures: v.measures ?? [], legalBasis: v.legalBasis, content: v.content,
        amounts: c.parties.map((x) => ({ partyId: x.id, fine: v.fines?.[String(x.id)] ?? 0, confiscation: 0 })).filter((a) => a.fine > 0),
      },
      { success: (d) => `决定已记录，文号 ${d.decisionNo}`, quietError: true },
    );
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <Modal open title="记录行政决定" width={640} okText="保存决定" cancelText="取消" confirmLoading={rec.pending} onOk={() => form.submit()} onCancel={onClose}>
      {!gate.allowed && !error && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="目前不能作出决定" description={gate.missing.join('；')} />}
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={finish}
        initialValues={{ decidedOn: dayjs(), decisionType: proposal?.decisionType ?? 'penalty', measures: proposal?.measures ?? [], legalBasis: proposal?.legalBasis, content: proposal?.summary,
          fines: Object.fromEntries((proposal?.amounts ?? []).map((a) => [String(a.partyId), a.fine])) }}>
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择决定日期' }]}><DatePicker format="YYYY-MM-DD" /></Form.Item>
        <Form.Item name="decisionType" label="决定类型"><Select options={DECISION_TYPES.map((d) => ({ value: d, label: DECISION_TYPE_LABELS[d] }))} /></Form.Item>
        <Form.Item name="measures" label="处罚种类"><Select mode="multiple" options={MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))} /></Form.Item>
        {c.parties.map((x) => (
          <Form.Item key={x.id} name={['fines', String(x.id)]} label={`罚款金额（${x.name}，元）`}><InputNumber min={0} precision={2} style={{ width: 200 }} /></Form.Item>
        ))}
        <Form.Item name="legalBasis" label="法律依据" rules={[{ required: true, message: '请填写法律依据' }]}><Input /></Form.Item>
        <Form.Item name="content" label="决定内容" rules={[{ required: true, message: '请填写决定内容' }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
