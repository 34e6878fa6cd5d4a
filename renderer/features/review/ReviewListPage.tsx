import { Button, Card, Table, Tabs, Tag, Typography } from 'antd';
import type { ReviewQueueRow } from '../../../shared/review-types.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { DueCell, HolderText, OutcomeTag } from './review-cells.js';

type ListOp = 'review.queue' | 'review.mine' | 'review.open' | 'review.overdue';

function ReviewTable({ op }: { op: ListOp }) {
  const q = useQuery(op, { page: 1, pageSize: 100 });
  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  const rows = [...(q.data?.rows ?? [])].sort((a, b) => a.due.dueOn.localeCompare(b.due.dueOn));
  return (
    <Table<ReviewQueueRow>
      size="small"
      rowKey="submissionId"
      loading={q.loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '暂无事项' }}
      onRow={(r) => ({ onClick: () => navigate(`/review/${r.submissionId}`), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: '案件',
          render: (_v, r) => (
            <>
              <div>{r.caseNo}</div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{r.caseTitle}</Typography.Text>
              {r.stale && <Tag color="orange" style={{ marginLeft: 6 }}>送审后有变更</Tag>}
            </>
          ),
        },
        { title: '当事人', dataIndex: 'partySummary', width: 180 },
        { title: '轮次', dataIndex: 'round', width: 70, render: (v: number) => `第 ${v} 轮` },
        { title: '送审', width: 150, render: (_v, r) => <>{r.submittedBy.name}<div style={{ color: '#888', fontSize: 13 }}>{r.submittedOn}</div></> },
        { title: '审核期限', width: 250, render: (_v, r) => <DueCell row={r} /> },
        { title: '审核人', width: 190, render: (_v, r) => <HolderText row={r} /> },
        ...(op === 'review.mine' ? [{ title: '结果', width: 100, render: (_v: unknown, r: ReviewQueueRow) => <OutcomeTag outcome={r.outcome} /> }] : []),
      ]}
    />
  );
}

/** 法制审核: the reviewer's queue, the handler's submissions and the head's overdue list. */
export function ReviewListPage({ tab }: { tab?: string }) {
  const { me } = useSession();
  const all: { key: string; op: ListOp; label: string }[] = [
    { key: 'queue', op: 'review.queue', label: '待审核事项' },
    { key: 'mine', op: 'review.mine', label: '我的送审' },
    { key: 'open', op: 'review.open', label: '在审事项' },
    { key: 'overdue', op: 'review.overdue', label: '超期审核事项' },
  ];
  const tabs = all.filter((t) => can(me, t.op)).map((t) => ({ key: t.key, label: t.label, children: <ReviewTable op={t.op} /> }));
  return (
    <>
      <PageTitle title="法制审核" sub="按审核期限排序，临近到期的在前" extra={can(me, 'review.stats') && <Button onClick={() => navigate('/review/stats')}>审核统计</Button>} />
      <Card size="small">
        <Tabs
          items={tabs}
          activeKey={tabs.some((t) => t.key === tab) ? tab : tabs[0]?.key}
          onChange={(k) => navigate('/review', { tab: k === tabs[0]?.key ? undefined : k }, { replace: true })}
        />
      </Card>
    </>
  );
}
