import { Alert, Button, Descriptions, Empty, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { STAGES } from '../../../shared/domain.js';
import { DECISION_BASIS_LABELS } from '../../../shared/review-domain.js';
import type { CaseDetail } from '../../../shared/types.js';
import type { ReviewHistory, ReviewRound } from '../../../shared/review-types.js';
import { canOpen } from '../../app/nav.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { CaseDisclosureLink } from '../disclosure/CaseDisclosureLink.js';
import { DecisionModal } from './DecisionModal.js';
import { DiscussionList } from './DiscussionList.js';
import { DiscussionModal } from './DiscussionModal.js';
import { OutcomeTag, yuan } from './review-cells.js';
import { SubmitDrawer } from './SubmitDrawer.js';

/** Whether the latest round calls for a collective discussion: a disagreement, or a rule that requires one. */
function discussionCalledFor(h: ReviewHistory, last: ReviewRound | undefined): boolean {
  if (!last || last.status !== 'done' || h.decision) return false;
  if (h.discussions.some((d) => d.submissionId === last.submissionId)) return false;
  const outcome = last.outcome?.outcome;
  return outcome === 'change' || outcome === 'correct' || outcome === 'transfer' || (outcome === 'agree' && last.matched.some((m) => m.requiresDiscussion));
}

/** 法制审核 tab of a case: every round, collective discussions, the decision gate, and the actions the user may take. */
export function CaseReviewTab({ c, readOnly }: { c: CaseDetail; readOnly: boolean }) {
  const { me } = useSession();
  const q = useQuery('review.history', { caseId: c.id });
  const [dialog, setDialog] = useState<null | 'submit' | 'decide' | 'discuss'>(null);
  const h = q.data;
  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!h) return null;

  const last = h.rounds[h.rounds.length - 1];
  const pending = last?.status === 'pending';
  const canSubmit = !readOnly && !h.decision && !pending && can(me, 'review.submit') && (!last || last.outcome?.outcome === 'return');
  const canDecide = !readOnly && !h.decision && can(me, 'decisions.record');
  const canDiscuss = !readOnly && !h.decision && last?.status === 'done' && can(me, 'review.discussion.record');
  const discussionDue = discussionCalledFor(h, last);
  const openRound = canOpen(me, 'review');
  // A decision recorded here, or one made before the case came into the app (stage moved on by hand):
  // its disclosure items are linked; a new one is drafted from a recorded decision (which fills in the 文号).
  const decided = !!h.decision || STAGES.indexOf(c.stage) >= STAGES.indexOf('decision');
  const roundOf = (submissionId: number | null) => h.rounds.find((r) => r.submissionId === submissionId)?.round;
  const done = () => {
    setDialog(null);
    q.reload();
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">重大执法决定须经法制审核后方可作出决定；对审核意见有异议或目录要求的，由负责人集体讨论决定。</Typography.Text>
        <Space>
          {decided && <CaseDisclosureLink caseId={c.id} canCreate={!!h.decision && c.status !== 'voided'} />}
          {canSubmit && <Button type="primary" onClick={() => setDialog('submit')}>{last ? '补充后重新送审' : '提交法制审核'}</Button>}
          {canDiscuss && <Button type={discussionDue ? 'primary' : 'default'} onClick={() => setDialog('discuss')}>记录集体讨论</Button>}
          {canDecide && <Button type={h.gate.allowed ? 'primary' : 'default'} onClick={() => setDialog('decide')}>记录决定</Button>}
        </Space>
      </Flex>
      {h.decision ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`已作出决定：${h.decision.decisionNo}（${h.decision.decidedOn}，${h.decision.basisLabel}）`}
          description={`${h.decision.content} 罚款合计 ${yuan(h.decision.totalFine)}。应于 ${h.decision.disclosureDueOn} 前公示。`} />
      ) : h.gate.allowed ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`已满足作出决定的条件（${DECISION_BASIS_LABELS[h.gate.basis ?? 'review']}）`} />
      ) : (
        <Alert type={discussionDue ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} title={discussionDue ? '须经负责人集体讨论' : '暂不能作出决定'} description={h.gate.missing.join('；')} />
      )}
      {h.rounds.length === 0 ? (
        <Empty description="本案件尚未提交法制审核" />
      ) : (
        <Table<ReviewRound>
          size="small"
          rowKey="submissionId"
          pagination={false}
          dataSource={h.rounds}
          onRow={(r) => (openRound ? { onClick: () => navigate(`/review/${r.submissionId}`), style: { cursor: 'pointer' } } : {})}
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
      {h.discussions.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <DiscussionList items={h.discussions} roundOf={roundOf} />
        </div>
      )}
      {dialog === 'submit' && <SubmitDrawer c={c} previous={last} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'decide' && <DecisionModal c={c} gate={h.gate} proposal={last?.proposal} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'discuss' && last && <DiscussionModal c={c} round={last} onClose={() => setDialog(null)} onDone={done} />}
    </>
  );
}
