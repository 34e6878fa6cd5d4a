import { Button, Card, Table, Typography } from 'antd';
import { CASE_TYPE_LABELS, PROCEDURE_LABELS, type CaseStatus, type CaseType, type Stage } from '../../../shared/domain.js';
import type { CaseSummary } from '../../../shared/types.js';
import type { ApiInput } from '../../../shared/contract/index.js';
import { navigate, type Query } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Highlight } from '../../components/Highlight.js';
import { PageTitle } from '../../components/PageTitle.js';
import { can } from '../../lib/access.js';
import { useQuery } from '../../lib/use-api.js';
import { CaseNoCell, DueCell, StageCell } from './case-cells.js';
import { CaseFilters, type CaseFilterValues } from './CaseFilters.js';

const FILTER_KEYS = ['q', 'caseType', 'stage', 'status', 'handlerId', 'openedFrom', 'openedTo', 'overdue', 'open'] as const;

/** URL query → cases.list input. */
function toListInput(query: Query, page: number, pageSize: number): ApiInput<'cases.list'> {
  return {
    q: query.q || undefined,
    caseType: (query.caseType as CaseType) || undefined,
    stage: (query.stage as Stage) || undefined,
    status: (query.status as CaseStatus) || undefined,
    handlerId: query.handlerId ? Number(query.handlerId) : undefined,
    openedFrom: query.openedFrom || undefined,
    openedTo: query.openedTo || undefined,
    overdue: query.overdue === '1' ? true : undefined,
    open: query.open === '1' ? true : undefined,
    page,
    pageSize,
  };
}

/** 案件: filters, full-text search with highlighted hits, server-side pagination. */
export function CaseListPage({ query }: { query: Query }) {
  const { me, openNewCase } = useSession();
  const page = Math.max(1, Number(query.page) || 1);
  const pageSize = Number(query.pageSize) || 20;
  const list = useQuery('cases.list', toListInput(query, page, pageSize));
  const officers = useQuery('officers.list', {});
  const filters: CaseFilterValues = Object.fromEntries(FILTER_KEYS.filter((k) => query[k]).map((k) => [k, query[k]]));
  const filtered = Object.keys(filters).length > 0;
  const canCreate = can(me, 'cases.create');

  const columns = [
    {
      title: '案件编号',
      key: 'caseNo',
      width: 220,
      render: (_v: unknown, c: CaseSummary) => <CaseNoCell c={c} />,
    },
    {
      title: '案由',
      key: 'title',
      render: (_v: unknown, c: CaseSummary) => (
        <>
          <div>{c.title}</div>
          {c.snippet && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Highlight text={c.snippet} />
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '类型', key: 'type', width: 90, render: (_v: unknown, c: CaseSummary) => CASE_TYPE_LABELS[c.caseType] },
    { title: '程序', key: 'procedure', width: 84, render: (_v: unknown, c: CaseSummary) => PROCEDURE_LABELS[c.procedure] },
    { title: '当事人', dataIndex: 'partySummary', width: 170, ellipsis: true },
    { title: '承办人', dataIndex: 'handlerSummary', width: 130, ellipsis: true },
    {
      title: '环节',
      key: 'stage',
      width: 100,
      render: (_v: unknown, c: CaseSummary) => <StageCell c={c} />,
    },
    { title: '立案日期', dataIndex: 'openedOn', width: 104 },
    { title: '办理期限', key: 'due', width: 150, render: (_v: unknown, c: CaseSummary) => <DueCell c={c} /> },
  ];

  return (
    <>
      <PageTitle
        title="案件"
        sub={list.data ? `共 ${list.data.total} 件` : undefined}
      />
      <Card size="small">
        <CaseFilters value={filters} officers={officers.data ?? []} onChange={(f) => navigate('/cases', { ...f }, { replace: true })} />
        {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
        <Table<CaseSummary>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.rows ?? []}
          columns={columns}
          rowClassName={() => 'sx-row-link'}
          onRow={(c) => ({ onClick: () => navigate(`/cases/${c.id}`) })}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 件`,
            onChange: (p, ps) => navigate('/cases', { ...filters, page: p > 1 ? p : undefined, pageSize: ps !== 20 ? ps : undefined }),
          }}
          locale={{
            emptyText: filtered ? (
              <EmptyHint text="没有符合条件的案件，请调整筛选条件或搜索词" action={<a onClick={() => navigate('/cases')}>清除条件</a>} />
            ) : (
              <EmptyHint
                text={canCreate ? '暂无案件，点击“新建案件”开始登记' : '暂无案件'}
                action={canCreate ? <Button onClick={openNewCase}>新建案件</Button> : undefined}
              />
            ),
          }}
        />
      </Card>
    </>
  );
}
