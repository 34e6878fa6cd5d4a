import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { DISCUSSION_CONCLUSIONS, DISCUSSION_CONCLUSION_LABELS, type DiscussionConclusion } from '../../../shared/review-domain.js';
import type { AppError } from '../../../shared/result.js';
import type { ReviewRound } from '../../../shared/review-types.js';
import type { CaseDetail } from '../../../shared/types.js';
import { useSession } from '../../app/session-context.js';
import { dayjs, fromDay, isFuture, type Dayjs } from '../../lib/dates.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { ProblemAlert } from './ProblemAlert.js';
import { OutcomeTag } from './review-cells.js';

interface Values { heldOn: Dayjs; participants: string[]; minutes: string; conclusion: DiscussionConclusion; note?: string }

/**
 * 记录集体讨论 (the head): participants picked from the officers register or typed in, the date,
 * the minutes and the conclusion. The minutes are filed in the case as a record.
 */
export function DiscussionModal({ c, round, onClose, onDone }: { c: CaseDetail; round: ReviewRound; onClose: () => void; onDone: () => void }) {
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<AppError | null>(null);
  const officers = useQuery('officers.list', { status: 'active' });
  const rec = useCommand('review.discussion.record');
  const names = [...new Set([me.user.displayName, ...(officers.data ?? []).map((o) => o.name)])];
  const earliest = round.outcome?.recordedOn ?? round.submittedOn;

  const finish = async (v: Values) => {
    setError(null);
    const r = await rec.run(
      { caseId: c.id, heldOn: fromDay(v.heldOn) ?? '', participants: v.participants, minutes: v.minutes, conclusion: v.conclusion, note: v.note ?? '' },
      { success: '集体讨论已记录，讨论记录已归入案卷', quietError: true },
    );
    if (r.ok) onDone();
    else setError(r.error);
  };

  return (
    <Modal open title="记录集体讨论" width={680} okText="保存讨论记录" cancelText="取消" confirmLoading={rec.pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={<>第 {round.round} 轮审核意见：<OutcomeTag outcome={round.outcome?.outcome ?? null} />{round.outcome && `（${round.outcome.reviewer.name}，${round.outcome.recordedOn}）`}</>}
        description={round.outcome?.opinion}
      />
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={finish} initialValues={{ heldOn: dayjs(), participants: [me.user.displayName] }}>
        <Form.Item name="heldOn" label="讨论日期" rules={[{ required: true, message: '请选择讨论日期' }]} extra={`不早于审核意见日期 ${earliest}，不晚于今天`}>
          <DatePicker format="YYYY-MM-DD" disabledDate={(d) => isFuture(d) || d.format('YYYY-MM-DD') < earliest} />
        </Form.Item>
        <Form.Item
          name="participants"
          label="参加人员"
          rules={[{ required: true, type: 'array', min: 2, message: '集体讨论应有两名以上人员参加' }]}
          extra="从执法人员名单中选择，名单外的人员可直接输入姓名后按回车"
        >
          <Select mode="tags" placeholder="选择或输入参加人员姓名" options={names.map((n) => ({ value: n, label: n }))} tokenSeparators={['、', '，', ',']} />
        </Form.Item>
        <Form.Item name="minutes" label="讨论记录" rules={[{ required: true, whitespace: true, message: '请填写讨论记录（各参加人员的发言要点）' }]}>
          <Input.TextArea rows={6} maxLength={20000} placeholder="记录各参加人员的意见和讨论经过" />
        </Form.Item>
        <Form.Item name="conclusion" label="讨论结论" rules={[{ required: true, message: '请选择讨论结论' }]}>
          <Radio.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 6 }} options={DISCUSSION_CONCLUSIONS.map((k) => ({ value: k, label: DISCUSSION_CONCLUSION_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="note" label="结论说明">
          <Input.TextArea rows={2} maxLength={2000} placeholder="如按讨论修改后的意见作出决定，写明修改的内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
