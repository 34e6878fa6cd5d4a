// 台账: the case, review, disclosure, footage ledgers and the recorder offload log and state, with
// filters in the URL, server-side paging, export (.xlsx / CSV, with progress and 取消) and a printable view.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Tabs, Typography } from 'antd';
import { LEDGERS, LEDGER_LABELS, type LedgerCell, type LedgerName } from '../../../shared/supervision-types.js';
import { navigate, type Query } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageTitle } from '../../components/PageTitle.js';
import { PrintHeader } from '../../components/PrintHeader.js';
import { call } from '../../lib/api.js';
import { today } from '../../lib/dates.js';
import { useQuery } from '../../lib/use-api.js';
import { useProgressRun } from '../../lib/use-progress-run.js';
import { canOpen } from '../dashboard/alert-links.js';
import { cellText, columnPx } from './ledger-cells.js';
import { filterFromQuery, ledgerOf, queryFromFilter, type LedgerFilter } from './ledger-filters.js';
import { LedgerFilterBar } from './LedgerFilterBar.js';

type Row = Record<string, LedgerCell>;

export function LedgersPage({ query }: { query: Query }) {
  const { me } = useSession();
  const { message } = App.useApp();
  const ledger = ledgerOf(query);
  const filter = filterFromQuery(ledger, query);
  const page = Math.max(1, Number(query.page) || 1);
  const pageSize = [20, 50, 100, 200].includes(Number(query.pageSize)) ? Number(query.pageSize) : 20;
  const q = useQuery('ledgers.query', { ledger, filter, page, pageSize });
  const officers = useQuery('officers.list', {});
  const exporting = useProgressRun('ledgers.export');
  const data = q.data?.ledger === ledger ? q.data : undefined;
  const go = (l: LedgerName, f: LedgerFilter, extra: Record<string, string | number | undefined> = {}) =>
    navigate('/ledgers', { ledger: l === 'cases' ? undefined : l, ...queryFromFilter(f), ...extra }, { replace: true });
  const filtered = Object.keys(filter).length > 0;
  const opensCases = canOpen(me, { path: '/cases', query: {} });

  /** A row with a case number opens that case (found by its number). */
  const openCase = async (caseNo: string) => {
    const r = await call('cases.list', { q: caseNo, page: 1, pageSize: 5 });
    const hit = r.ok ? r.value.rows.find((c) => c.caseNo === caseNo) : undefined;
    if (hit) navigate(`/cases/${hit.id}`);
    else message.warning(`找不到案件 ${caseNo}`);
  };

  const columns = (data?.columns ?? []).map((c) => ({
    title: c.header,
    key: c.key,
    width: columnPx(c),
    align: c.type === 'money' || c.type === 'number' ? ('right' as const) : undefined,
    ellipsis: c.width >= 24 ? { showTitle: true } : undefined,
    render: (_v: unknown, r: Row) => cellText(c, r[c.key]),
  }));
  const width = columns.reduce((a, c) => a + c.width, 0);

  return (
    <>
      <div className="sx-no-print">
        <PageTitle
          title="台账"
          sub={data ? `${data.title}，共 ${data.total} 条` : undefined}
          extra={
            <>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data?.rows.length}>
                打印
              </Button>
              <ExportMenu
                formats={['xlsx', 'csv']}
                disabled={!data?.available}
                fileName={(f) => `${LEDGER_LABELS[ledger]}_${today()}.${f}`}
                run={(format, path) => exporting.run({ ledger, filter, format, path })}
                job={exporting}
              />
            </>
          }
        />
      </div>
      <Card size="small" className="sx-print-landscape">
        <PrintHeader title={LEDGER_LABELS[ledger]} lines={[data ? `共 ${data.total} 条${data.total > data.rows.length ? `，本页为第 ${(page - 1) * pageSize + 1}–${(page - 1) * pageSize + data.rows.length} 条` : ''}` : '']} />
        <Tabs
          className="sx-no-print"
          activeKey={ledger}
          onChange={(k) => go(k as LedgerName, {})}
          items={LEDGERS.map((l) => ({ key: l, label: LEDGER_LABELS[l] }))}
        />
        <LedgerFilterBar ledger={ledger} value={filter} officers={officers.data ?? []} onChange={(f) => go(ledger, f, { pageSize: pageSize !== 20 ? pageSize : undefined })} />
        {q.error && <ErrorAlert error={q.error} onRetry={q.reload} />}
        {data && !data.available ? (
          <Alert type="info" showIcon title={data.unavailableReason ?? '暂无数据'} />
        ) : (
          <Table<Row>
            className="sx-ledger-table"
            size="small"
            bordered
            rowKey={(r) => JSON.stringify(r)}
            loading={q.loading}
            dataSource={data?.rows ?? []}
            columns={columns}
            scroll={{ x: width }}
            rowClassName={() => (opensCases && data?.columns.some((c) => c.key === 'caseNo') ? 'sx-row-link' : '')}
            onRow={(r) => ({ onClick: () => opensCases && typeof r.caseNo === 'string' && r.caseNo && void openCase(r.caseNo) })}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p, ps) => go(ledger, filter, { page: p > 1 && ps === pageSize ? p : undefined, pageSize: ps !== 20 ? ps : undefined }),
            }}
            locale={{
              emptyText: filtered ? (
                <EmptyHint text="没有符合条件的记录，请调整筛选条件" action={<a onClick={() => go(ledger, {})}>清除条件</a>} />
              ) : (
                <EmptyHint text="暂无记录" />
              ),
            }}
          />
        )}
        <Typography.Paragraph type="secondary" className="sx-no-print" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          导出的 Excel 文件含全部符合条件的记录（不限于本页），首行冻结，并附“说明”页记录导出人、时间和筛选条件；CSV 为 UTF-8 编码，Excel 可直接打开。
        </Typography.Paragraph>
      </Card>
    </>
  );
}
