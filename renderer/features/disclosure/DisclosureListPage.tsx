// 公示: items by state in tabs (草稿 / 待审核 / 已审核待发布 / 已发布 / 逾期 / 已撤下), deadline tags
// in working days, and the entries to publishing, its log and (admin) the publish targets.
import { Button, Card, Input, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import type { ApiInput } from '../../../shared/contract/index.js';
import type { DisclosureSummary } from '../../../shared/disclosure-types.js';
import { navigate, type Query } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { DeadlineTag, deadlineMap } from './deadline.js';
import { NewNoticeModal } from './notice/NewNoticeModal.js';
import { PublishButton } from './PublishDialog.js';

const TABS = [
  { key: 'draft', label: '草稿' },
  { key: 'pending', label: '待审核' },
  { key: 'approved', label: '已审核待发布' },
  { key: 'published', label: '已发布' },
  { key: 'overdue', label: '逾期' },
  { key: 'withdrawn', label: '已撤下' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

function toInput(tab: TabKey, q: string, page: number, overdue = false): ApiInput<'disclosure.list'> {
  const base = { q: q || undefined, page, pageSize: 20, overdue: overdue || undefined };
  return tab === 'overdue' ? { ...base, overdue: true } : { ...base, state: tab };
}

const STATE_COLORS: Record<string, string> = { draft: 'default', pending: 'processing', approved: 'cyan', published: 'green', withdrawn: 'red', superseded: 'default' };

export function DisclosureListPage({ query }: { query: Query }) {
  const { me } = useSession();
  const tab: TabKey = (TABS.find((t) => t.key === query.tab)?.key ?? 'draft') as TabKey;
  const page = Math.max(1, Number(query.page) || 1);
  // ?overdue=1 (from a 工作台 alert) narrows any tab to the items past their deadline.
  const overdueOnly = query.overdue === '1' && tab !== 'overdue';
  const list = useQuery('disclosure.list', toInput(tab, query.q ?? '', page, overdueOnly));
  const deadlines = useQuery('disclosure.deadlines', {});
  const dmap = deadlineMap(deadlines.data);
  const [creating, setCreating] = useState(false);
  const go = (q: Record<string, string | number | undefined>) => navigate('/disclosure', { tab, q: query.q, overdue: query.overdue, ...q }, { replace: true });

  const columns = [
    {
      title: '标题',
      key: 'title',
      render: (_v: unknown, r: DisclosureSummary) => (
        <>
          <a>{r.title || '（未填写标题）'}</a>
          {r.version > 1 && <Tag style={{ marginLeft: 6 }}>{`第 ${r.version} 版`}</Tag>}
          {r.correctionNote && <Tag color="purple" style={{ marginLeft: 6 }}>更正</Tag>}
        </>
      ),
    },
    { title: '类别', dataIndex: 'kindLabel', width: 110 },
    { title: '文号 / 案件', key: 'no', width: 220, ellipsis: true, render: (_v: unknown, r: DisclosureSummary) => r.decisionNo || r.caseNo || '—' },
    { title: '状态', key: 'state', width: 120, render: (_v: unknown, r: DisclosureSummary) => <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag> },
    { title: '起草人', dataIndex: 'author', width: 100 },
    { title: '日期', dataIndex: 'itemDate', width: 104 },
    { title: '期限', key: 'due', width: 170, render: (_v: unknown, r: DisclosureSummary) => <DeadlineTag row={r} info={dmap.get(r.id)} /> },
  ];

  return (
    <>
      <PageTitle
        title="公示"
        sub={deadlines.data ? `今天 ${deadlines.data.today}` : undefined}
        extra={
          <>
            {can(me, 'disclosure.createNotice') && <Button onClick={() => setCreating(true)}>新建公示</Button>}
            {can(me, 'publish.log') && <Button onClick={() => navigate('/disclosure/log')}>发布记录</Button>}
            {can(me, 'publish.targets.save') && <Button onClick={() => navigate('/disclosure/targets')}>发布目标</Button>}
            {can(me, 'publish.run') && <PublishButton />}
          </>
        }
      />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate('/disclosure', { tab: k, q: query.q }, { replace: true })}
          items={TABS.map((t) => ({ key: t.key, label: t.label }))}
          tabBarExtraContent={
            <>
            {overdueOnly && (
              <Tag closable color="error" onClose={() => go({ overdue: undefined, page: undefined })} style={{ marginRight: 8 }}>
                仅超期未办
              </Tag>
            )}
            <Input.Search
              allowClear
              placeholder="搜索标题、文号、当事人"
              defaultValue={query.q}
              style={{ width: 260 }}
              onSearch={(v) => go({ q: v || undefined, page: undefined })}
            />
            </>
          }
        />
        {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
        <Table<DisclosureSummary>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.rows ?? []}
          columns={columns}
          rowClassName={() => 'sx-row-link'}
          onRow={(r) => ({ onClick: () => navigate(`/disclosure/${r.id}`) })}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (t) => `共 ${t} 项`,
            onChange: (p) => go({ page: p > 1 ? p : undefined }),
          }}
          locale={{ emptyText: <EmptyHint text={`“${TABS.find((t) => t.key === tab)!.label}”中暂无公示事项`} /> }}
        />
      </Card>
      {creating && <NewNoticeModal onClose={() => setCreating(false)} />}
    </>
  );
}
