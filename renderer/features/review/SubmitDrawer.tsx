import { Alert, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiInput } from '../../../shared/contract/index.js';
import type { AppError } from '../../../shared/result.js';
import {
  DECISION_TYPES, DECISION_TYPE_LABELS, DISCRETION_LABELS, DISCRETION_LEVELS, MATERIAL_KINDS, MATERIAL_LABELS, MEASURES, MEASURE_LABELS, REVIEW_FLAGS, REVIEW_FLAG_LABELS, type MaterialKind,
} from '../../../shared/review-domain.js';
import type { ReviewRound } from '../../../shared/review-types.js';
import type { CaseDetail } from '../../../shared/types.js';
import { call } from '../../lib/api.js';
import { useCommand } from '../../lib/use-api.js';
import { ProblemAlert } from './ProblemAlert.js';

type Proposal = ApiInput<'review.submit'>['proposal'];
interface Values extends Omit<Proposal, 'amounts'> {
  fines: Record<string, number | null>;
  materials: Record<MaterialKind, number[]>;
  statementWaived: boolean;
  hearingRequested: boolean;
  handlerStatement: string;
}
type Evaluation = { major: boolean; requiresDiscussion: boolean; matched: { ruleId: string; title: string; reason: string }[]; missing: string[] };

/** 提交法制审核: the proposed decision, the materials checklist and the handler's statement. */
export function SubmitDrawer({ c, previous, onClose, onDone }: { c: CaseDetail; previous?: ReviewRound; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<AppError | null>(null);
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const submit = useCommand('review.submit');
  const records = c.records.filter((r) => !r.superseded).map((r) => ({ value: r.id, label: r.title }));
  const p = previous?.proposal;
  const initial: Partial<Values> = {
    decisionType: p?.decisionType ?? 'penalty', measures: p?.measures ?? ['fine'], legalBasis: p?.legalBasis, discretion: p?.discretion ?? 'ordinary',
    discretionNote: p?.discretionNote, summary: p?.summary, flags: p?.flags ?? [], handlerStatement: previous?.handlerStatement,
    fines: Object.fromEntries((p?.amounts ?? []).map((a) => [String(a.partyId), a.fine])), statementWaived: false, hearingRequested: false,
  };

  const toInput = (v: Values) => ({
    proposal: {
      decisionType: v.decisionType, measures: v.measures ?? [], legalBasis: v.legalBasis ?? '', discretion: v.discretion, discretionNote: v.discretionNote ?? '',
      summary: v.summary ?? '', flags: v.flags ?? [],
      amounts: c.parties.map((x) => ({ partyId: x.id, fine: v.fines?.[String(x.id)] ?? 0, confiscation: 0 })).filter((a) => a.fine > 0),
    },
    materials: { ...Object.fromEntries(MATERIAL_KINDS.map((k) => [k, v.materials?.[k] ?? []])), statementWaived: !!v.statementWaived, hearingRequested: !!v.hearingRequested } as ApiInput<'review.submit'>['materials'],
  });

  const evaluate = async () => {
    const i = toInput(form.getFieldsValue(true));
    const r = await call('review.evaluate', { caseId: c.id, proposal: i.proposal, materials: i.materials });
    if (r.ok) setEvaluation(r.value);
    else setError(r.error);
  };

  const finish = async (v: Values) => {
    setError(null);
    const r = await submit.run({ caseId: c.id, ...toInput(v), handlerStatement: v.handlerStatement }, { success: '已提交法制审核', quietError: true });
    if (r.ok) return onDone();
    setError(r.error);
    // The list of what is missing sits at the top of the drawer; bring it into view.
    document.querySelector('.ant-drawer-body')?.scrollTo({ top: 0, behavior: 'smooth' });
  };

  return (
    <Drawer open width={760} title={previous ? '补充后重新送审' : '提交法制审核'} onClose={onClose}
      extra={<Space><Button onClick={evaluate}>判断是否属于重大执法决定</Button><Button type="primary" loading={submit.pending} onClick={() => form.submit()}>提交送审</Button></Space>}>
      <ProblemAlert error={error} />
      {evaluation && (
        <Alert type={evaluation.major ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }}
          title={evaluation.major ? '属于重大执法决定，须经法制审核' : '未匹配法制审核目录，不属于重大执法决定'}
          description={<>{evaluation.matched.map((m) => <div key={m.ruleId}><Tag color="blue">{m.title}</Tag>{m.reason}</div>)}
            {evaluation.requiresDiscussion && <div>审核通过后还须经负责人集体讨论。</div>}
            {evaluation.missing.length > 0 && <div>尚缺：{evaluation.missing.join('；')}</div>}</>} />
      )}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={finish}>
        <Typography.Title level={5}>拟处理意见</Typography.Title>
        <Space size="large" wrap>
          <Form.Item name="decisionType" label="决定类型" rules={[{ required: true, message: '请选择决定类型' }]}>
            <Select style={{ width: 200 }} options={DECISION_TYPES.map((d) => ({ value: d, label: DECISION_TYPE_LABELS[d] }))} />
          </Form.Item>
          <Form.Item name="discretion" label="裁量档次" rules={[{ required: true, message: '请选择裁量档次' }]}>
            <Select style={{ width: 160 }} options={DISCRETION_LEVELS.map((d) => ({ value: d, label: DISCRETION_LABELS[d] }))} />
          </Form.Item>
          <Form.Item name="discretionNote" label="裁量基准条款"><Input style={{ width: 240 }} /></Form.Item>
        </Space>
        <Form.Item name="measures" label="处罚种类"><Select mode="multiple" options={MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))} /></Form.Item>
        {c.parties.map((x) => (
          <Form.Item key={x.id} name={['fines', String(x.id)]} label={`罚款金额（${x.name}，元）`}><InputNumber min={0} precision={2} style={{ width: 200 }} /></Form.Item>
        ))}
        <Form.Item name="legalBasis" label="法律依据" rules={[{ required: true, message: '请填写法律依据' }]}><Input /></Form.Item>
        <Form.Item name="summary" label="拟处理意见" rules={[{ required: true, message: '请填写拟处理意见' }]}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="flags" label="案件情形"><Checkbox.Group options={REVIEW_FLAGS.map((f) => ({ value: f, label: REVIEW_FLAG_LABELS[f] }))} /></Form.Item>
        <Typography.Title level={5}>送审材料</Typography.Title>
        {MATERIAL_KINDS.map((k) => (
          <Form.Item key={k} name={['materials', k]} label={MATERIAL_LABELS[k]}>
            <Select mode="multiple" placeholder="从案件记录中选择" options={records} optionFilterProp="label" />
          </Form.Item>
        ))}
        <Space size="large">
          <Form.Item name="statementWaived" valuePropName="checked"><Checkbox>当事人放弃陈述申辩</Checkbox></Form.Item>
          <Form.Item name="hearingRequested" valuePropName="checked"><Checkbox>当事人申请听证</Checkbox></Form.Item>
        </Space>
        <Form.Item name="handlerStatement" label="承办人意见" rules={[{ required: true, message: '请填写承办人意见' }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Drawer>
  );
}
