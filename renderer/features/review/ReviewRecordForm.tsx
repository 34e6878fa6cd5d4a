import { Button, Card, Form, Input, Radio, Table } from 'antd';
import { useState } from 'react';
import { CHECKLIST_ITEMS, CHECKLIST_LABELS, REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS, checkResultLabel, type CheckResult, type ChecklistItem, type ReviewOutcome } from '../../../shared/review-domain.js';
import { useCommand } from '../../lib/use-api.js';

interface Row { item: ChecklistItem; result: CheckResult; note: string }

/** The reviewer's record: nine checklist items (符合 / 存在问题 with a note), the outcome and the opinion. */
export function ReviewRecordForm({ submissionId, onDone }: { submissionId: number; onDone: () => void }) {
  const [rows, setRows] = useState<Row[]>(CHECKLIST_ITEMS.map((item) => ({ item, result: 'pass', note: '' })));
  const [outcome, setOutcome] = useState<ReviewOutcome | undefined>();
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rec = useCommand('review.record');
  const patch = (i: number, p: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));

  const submit = async () => {
    if (!outcome) return setError('请选择审核结论');
    if (!opinion.trim()) return setError('请填写审核意见');
    setError(null);
    const r = await rec.run({ submissionId, checklist: rows, outcome, opinion }, { success: '审核意见已记录，审核意见书已生成' });
    if (r.ok) onDone();
  };

  return (
    <Card size="small" title="记录审核意见" style={{ marginTop: 12 }}>
      <Table<Row>
        size="small"
        rowKey="item"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '审核事项', width: 280, render: (_v, r) => CHECKLIST_LABELS[r.item] },
          {
            title: '审核结果',
            width: 300,
            render: (_v, r, i) => (
              <Radio.Group value={r.result} onChange={(e) => patch(i, { result: e.target.value as CheckResult })}
                options={(['pass', 'problem'] as const).map((v) => ({ value: v, label: checkResultLabel(r.item, v) }))} />
            ),
          },
          { title: '说明', render: (_v, r, i) => <Input aria-label={`${CHECKLIST_LABELS[r.item]}说明`} value={r.note} placeholder={r.result === 'problem' ? '请写明存在的问题' : '（可不填）'} onChange={(e) => patch(i, { note: e.target.value })} /> },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label="审核结论" required validateStatus={error && !outcome ? 'error' : undefined}>
          <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as ReviewOutcome)}
            options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: REVIEW_OUTCOME_LABELS[o] }))} />
        </Form.Item>
        <Form.Item label="审核意见" required validateStatus={error && outcome && !opinion.trim() ? 'error' : undefined} help={error ?? undefined}>
          <Input.TextArea aria-label="审核意见" rows={4} value={opinion} onChange={(e) => setOpinion(e.target.value)} />
        </Form.Item>
        <Button type="primary" loading={rec.pending} onClick={submit}>提交审核意见</Button>
      </Form>
    </Card>
  );
}
