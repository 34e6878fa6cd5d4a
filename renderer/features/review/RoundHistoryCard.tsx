import { Card, Table, Tag } from 'antd';
import type { ReviewRound } from '../../../shared/review-types.js';
import { navigate } from '../../app/router.js';
import { useQuery } from '../../lib/use-api.js';
import { DiscussionList } from './DiscussionList.js';
import { OutcomeTag } from './review-cells.js';

/** In the workspace: every round of the case (the one open here marked) and its collective discussions. */
export function RoundHistoryCard({ caseId, current }: { caseId: number; current: number }) {
  const q = useQuery('review.history', { caseId });
  const h = q.data;
  if (!h || (h.rounds.length <= 1 && h.discussions.length === 0)) return null;
  const roundOf = (submissionId: number | null) => h.rounds.find((r) => r.submissionId === submissionId)?.round;
  return (
    <Card size="small" title="本案审核与讨论记录" style={{ marginBottom: 12 }}>
      <Table<ReviewRound>
        size="small"
        rowKey="submissionId"
        pagination={false}
        dataSource={h.rounds}
        style={{ marginBottom: h.discussions.length ? 16 : 0 }}
        onRow={(r) => (r.submissionId === current ? {} : { onClick: () => navigate(`/review/${r.submissionId}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '轮次', width: 120, render: (_v, r) => <>第 {r.round} 轮{r.submissionId === current && <Tag color="blue" style={{ marginLeft: 6 }}>本轮</Tag>}</> },
          { title: '送审', width: 180, render: (_v, r) => `${r.submittedBy.name}（${r.submittedOn}）` },
          { title: '结论', width: 110, render: (_v, r) => <OutcomeTag outcome={r.outcome?.outcome ?? null} /> },
          { title: '审核意见', render: (_v, r) => (r.outcome ? `${r.outcome.opinion}（${r.outcome.reviewer.name}，${r.outcome.recordedOn}）` : '审核中') },
        ]}
      />
      <DiscussionList items={h.discussions} roundOf={roundOf} />
    </Card>
  );
}
