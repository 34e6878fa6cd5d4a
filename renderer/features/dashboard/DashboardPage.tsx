import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { STAGES, STAGE_LABELS } from '../../../shared/domain.js';
import type { CaseSummary } from '../../../shared/types.js';
import { formatDateTime } from '../../../shared/logic/text.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useQuery } from '../../lib/use-api.js';
import { can } from '../../lib/access.js';
import { CaseNoCell, DueCell, StageCell } from '../cases/case-cells.js';
import { AlertCards } from './AlertCards.js';
import { CertificateAlerts } from './CertificateAlerts.js';
import { CountBars } from './StageBars.js';
import { TodoList } from './TodoList.js';
import { TrendCharts } from './TrendCharts.js';
import { today } from '../../lib/dates.js';

/** 工作台: the day's figures, the alerts that need action (负责人、管理员), my to-do list, monthly trends, recent cases. */
export function DashboardPage() {
  const { me, openNewCase } = useSession();
  const seesAlerts = can(me, 'dashboard.alerts');
  const q = useQuery('dashboard.summary', {});
  const alerts = useQuery('dashboard.alerts', {}, { skip: !seesAlerts });
  const s = q.data;
  const monthStart = `${today().slice(0, 7)}-01`;
  const card = (title: string, value: number | undefined, onClick?: () => void, danger = false) => (
    <Card hoverable={!!onClick} onClick={onClick} loading={q.loading && !s} aria-label={title}>
      <Statistic title={title} value={value ?? 0} styles={{ content: { color: danger && value ? '#cf1322' : undefined } }} suffix="件" />
    </Card>
  );
  const refresh = () => {
    q.reload();
    alerts.reload();
  };

  return (
    <>
      <PageTitle
        title="工作台"
        sub={`今天是 ${today()}`}
        extra={
          <Button icon={<ReloadOutlined />} onClick={refresh} loading={q.loading || alerts.loading}>
            刷新
          </Button>
        }
      />
      {q.error && <ErrorAlert error={q.error} onRetry={q.reload} />}
      <Row gutter={[12, 12]}>
        <Col span={6}>{card('在办案件', s?.openCases, () => navigate('/cases', { open: 1 }))}</Col>
        <Col span={6}>{card('超期案件', s?.overdueCases, () => navigate('/cases', { overdue: 1 }), true)}</Col>
        <Col span={6}>{card('本月立案', s?.openedThisMonth, () => navigate('/cases', { openedFrom: monthStart }))}</Col>
        <Col span={6}>{card('本月结案', s?.closedThisMonth)}</Col>
        {seesAlerts && (
          <Col span={24}>
            <Card
              title="预警"
              size="small"
              loading={alerts.loading && !alerts.data}
              extra={alerts.data && <Typography.Text type="secondary">{`更新于 ${formatDateTime(alerts.data.generatedAt)}，点击卡片处理`}</Typography.Text>}
            >
              {alerts.error && <ErrorAlert error={alerts.error} onRetry={alerts.reload} />}
              {alerts.data && <AlertCards alerts={alerts.data.alerts} />}
            </Card>
          </Col>
        )}
        <Col xs={24} xl={10}>
          <TodoList />
        </Col>
        <Col xs={24} xl={14}>
          <Card title="各环节案件数" size="small" loading={q.loading && !s} style={{ height: '100%' }}>
            <CountBars
              rows={STAGES.map((st) => ({ key: st, label: STAGE_LABELS[st], count: s?.casesByStage[st] ?? 0 }))}
              onClick={(stage) => navigate('/cases', { stage, status: 'active' })}
            />
          </Card>
        </Col>
        {!seesAlerts && (
          <Col span={24}>
            <Card title="执法证到期提醒" size="small" loading={q.loading && !s}>
              {s && <CertificateAlerts expiring={s.certificatesExpiring} expired={s.certificatesExpired} />}
            </Card>
          </Col>
        )}
        {can(me, 'dashboard.trends') && (
          <Col span={24}>
            <TrendCharts />
          </Col>
        )}
        <Col span={24}>
          <Card title="最近案件" size="small" extra={<a onClick={() => navigate('/cases')}>全部案件</a>}>
            <Table<CaseSummary>
              size="small"
              rowKey="id"
              loading={q.loading}
              pagination={false}
              dataSource={s?.recentCases ?? []}
              rowClassName={() => 'sx-row-link'}
              onRow={(c) => ({ onClick: () => navigate(`/cases/${c.id}`) })}
              locale={{
                emptyText: (
                  <EmptyHint
                    text={can(me, 'cases.create') ? '暂无案件，点击“新建案件”开始登记' : '暂无案件'}
                    action={can(me, 'cases.create') ? <a onClick={openNewCase}>新建案件</a> : undefined}
                  />
                ),
              }}
              columns={[
                { title: '案件编号', width: 230, render: (_v, c) => <CaseNoCell c={c} /> },
                { title: '案由', dataIndex: 'title', ellipsis: true },
                { title: '当事人', dataIndex: 'partySummary', width: 180, ellipsis: true },
                { title: '承办人', dataIndex: 'handlerSummary', width: 150, ellipsis: true },
                { title: '环节', width: 90, render: (_v, c) => <StageCell c={c} /> },
                { title: '立案日期', dataIndex: 'openedOn', width: 110 },
                { title: '办理期限', width: 150, render: (_v, c) => <DueCell c={c} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
