import { Alert, Button, Descriptions, Empty, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/types.js';
import type { ReviewRound } from '../../../shared/review-types.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { DecisionModal } from './DecisionModal.js';
import { OutcomeTag, yuan } from './review-cells.js';
import { SubmitDrawer } from './SubmitDrawer.js';

/** 法制审核 tab of a case: every round, the decision gate, and the actions the user may take. */
export function CaseReviewTab({ c, readOnly }: { c: CaseDetail; readOnly: boolean }) {
  const { me } = useSession();
  const q = useQuery('review.history', { caseId: c.id });
  const [drawer, setDrawer] = useState(false);
  const [decide, setDecide] = useState(false);
  const h = q.data;
  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!h) return null;

  const last = h.rounds[h.rounds.length - 1];
  const pending = last?.status === 'pending';
  const canSubmit = !readOnly && !h.decision && !pending && can(me, 'review.submit') && (!last || last.outcome?.outcome === 'return');
  const canDecide = !readOnly && !h.decision && can(me, 'decisions.record');

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">重大执法决定须经法制审核后方可作出决定。</Typography.Text>
        <Space>
          {canSubmit && <Button type="primary" onClick={() => setDrawer(true)}>{last ? '补充后重新送审' : '提交法制审核'}</Button>}
          {canDecide && <Button type={h.gate.allowed ? 'primary' : 'default'} onClick={() => setDecide(true)}>记录决定</Button>}
        </Space>
      </Flex>
      {h.decision ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`已作出决定：${h.decision.decisionNo}（${h.decision.decidedOn}，${h.decision.basisLabel}）`}
          description={`${h.decision.content} 罚款合计 ${yuan(h.decision.totalFine)}。`} />
      ) : h.gate.allowed ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title="已满足作出决定的条件" />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="暂不能作出决定" description={h.gate.missing.join('；')} />
      )}
      {h.rounds.length === 0 ? (
        <Empty description="本案件尚未提交法制审核" />
      ) : (
        <Table<ReviewRound>
          size="small"
          rowKey="submissionId"
          pagination={false}
          dataSource={h.rounds}
          onRow={(r) => ({ onClick: () => navigate(`/review/${r.submissionId}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '轮次', dataIndex: 'round', width: 80, render: (v: number) => `第 ${v} 轮` },
            { title: '送审', width: 170, render: (_v, r) => `${r.submittedBy.name}（${r.submittedOn}）` },
            { title: '期限', dataIndex: 'dueOn', width: 110 },
            { title: '结论', width: 110, render: (_v, r) => <OutcomeTag outcome={r.outcome?.outcome ?? null} /> },
            { title: '审核意见', render: (_v, r) => r.outcome ? `${r.outcome.opinion}（${r.outcome.reviewer.name}，${r.outcome.recordedOn}）` : '审核中' },
          ]}
          expandable={{
            rowExpandable: (r) => r.changesFromPreviousRound.length > 0,
            expandedRowRender: (r) => (
              <Descriptions size="small" column={1} title="与上一轮相比的变化">
                {r.changesFromPreviousRound.map((x) => <Descriptions.Item key={x.field} label={x.label}>{x.before} → {x.after}</Descriptions.Item>)}
              </Descriptions>
            ),
          }}
        />
      )}
      {drawer && <SubmitDrawer c={c} previous={last} onClose={() => setDrawer(false)} onDone={() => { setDrawer(false); q.reload(); }} />}
      {decide && <DecisionModal c={c} gate={h.gate} proposal={last?.proposal} onClose={() => setDecide(false)} onDone={() => { setDecide(false); q.reload(); }} />}
    </>
  );
}
