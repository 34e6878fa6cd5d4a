// 法制审核统计: for a period of months — outcomes by kind, the on-time rate, each reviewer's work,
// and the month-by-month figures (the same figures the supervision dashboard counts).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS, type ReviewOutcome } from '../../../shared/review-domain.js';
import type { ReviewerStatsRow, ReviewStatsRow } from '../../../shared/review-types.js';
import { navigate, type Query } from '../../app/router.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { dayjs, today } from '../../lib/dates.js';
import { useQuery } from '../../lib/use-api.js';
import { OutcomeTag } from './review-cells.js';

const MONTH = /^\d{4}-\d{2}$/;
const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const rate = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—');
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

function OutcomeBars({ byOutcome, finished }: { byOutcome: Record<ReviewOutcome, number>; finished: number }) {
  return (
    <Flex vertical gap={8}>
      {REVIEW_OUTCOMES.map((o) => (
        <Flex key={o} align="center" gap={12}>
          <span style={{ width: 90 }}><OutcomeTag outcome={o} /></span>
          <Progress percent={percent(byOutcome[o], finished)} showInfo={false} style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 110, textAlign: 'right' }}>{byOutcome[o]} 件（{rate(byOutcome[o], finished)}）</span>
        </Flex>
      ))}
    </Flex>
  );
}

export function ReviewStatsPage({ query }: { query: Query }) {
  const thisMonth = today().slice(0, 7);
  const to = MONTH.test(query.to ?? '') ? query.to! : thisMonth;
  const from = MONTH.test(query.from ?? '') && query.from! <= to ? query.from! : dayjs(`${to}-01`).subtract(11, 'month').format('YYYY-MM');
  const q = useQuery('review.stats', { from, to });
  const s = q.data;
  const setPeriod = (f: string, t: string) => navigate('/review/stats', { from: f, to: t }, { replace: true });
  const year = Number(thisMonth.slice(0, 4));

  const sum = (k: keyof Omit<ReviewStatsRow, 'month'>) => (s?.rows ?? []).reduce((n, r) => n + r[k], 0);
  const cases = sum('cases');

  return (
    <>
      <PageTitle
        title={<Space><Button type="text" size="small" icon={<ArrowLeftOutlined />} aria-label="返回法制审核" onClick={() => navigate('/review')} />法制审核统计</Space>}
        sub={`${monthLabel(from)} 至 ${monthLabel(to)}`}
        extra={
          <>
            <Button size="small" onClick={() => setPeriod(dayjs(`${thisMonth}-01`).subtract(11, 'month').format('YYYY-MM'), thisMonth)}>近 12 个月</Button>
            <Button size="small" onClick={() => setPeriod(`${year}-01`, thisMonth)}>本年</Button>
            <Button size="small" onClick={() => setPeriod(`${year - 1}-01`, `${year - 1}-12`)}>上一年</Button>
            <DatePicker.RangePicker
              picker="month"
              size="small"
              allowClear={false}
              aria-label="统计期间"
              value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
              disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
              onChange={(v) => v?.[0] && v[1] && setPeriod(v[0].format('YYYY-MM'), v[1].format('YYYY-MM'))}
            />
          </>
        }
      />
      {q.error && <ErrorAlert error={q.error} onRetry={q.reload} />}
      <Row gutter={12} style={{ marginBottom: 12 }}>
        {[
          { title: '送审（轮次）', value: sum('submitted') },
          { title: '审核办结', value: s?.totals.finished ?? 0 },
          { title: '按期办结率', value: rate(s?.totals.onTime ?? 0, s?.totals.finished ?? 0) },
          { title: '一次审核通过率', value: rate(sum('passedFirstTime'), cases) },
          { title: '当前在审', value: s?.pendingNow ?? 0 },
          { title: '当前超期', value: s?.overdueNow ?? 0, danger: (s?.overdueNow ?? 0) > 0 },
        ].map((x) => (
          <Col span={4} key={x.title}>
            <Card size="small" loading={q.loading && !s}>
              <Statistic title={x.title} value={x.value} styles={x.danger ? { content: { color: '#cf1322' } } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={10}>
          <Card size="small" title="按审核结论" style={{ height: '100%' }}>
            {s && s.totals.finished > 0 ? <OutcomeBars byOutcome={s.totals.byOutcome} finished={s.totals.finished} /> : <EmptyHint text="本期间没有办结的审核事项" />}
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title="按审核人员" style={{ height: '100%' }}>
            <Table<ReviewerStatsRow>
              size="small"
              rowKey={(r) => r.reviewer.id}
              pagination={false}
              dataSource={s?.byReviewer ?? []}
              locale={{ emptyText: <EmptyHint text="本期间没有审核人员办结或在审的事项" /> }}
              columns={[
                { title: '审核人员', render: (_v, r) => r.reviewer.name },
                { title: '办结', dataIndex: 'finished', width: 60, align: 'right' },
                { title: '同意', width: 60, align: 'right', render: (_v, r) => r.byOutcome.agree },
                { title: '变更 / 纠正', width: 90, align: 'right', render: (_v, r) => r.byOutcome.change + r.byOutcome.correct },
                { title: '退回', width: 60, align: 'right', render: (_v, r) => r.byOutcome.return },
                { title: '移送', width: 60, align: 'right', render: (_v, r) => r.byOutcome.transfer },
                { title: '按期率', width: 80, align: 'right', render: (_v, r) => rate(r.onTime, r.finished) },
                { title: '当前在审', dataIndex: 'pendingNow', width: 80, align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="按月统计">
        <Table<ReviewStatsRow>
          size="small"
          rowKey="month"
          pagination={false}
          loading={q.loading}
          dataSource={[...(s?.rows ?? [])].reverse()}
          columns={[
            { title: '月份', dataIndex: 'month', render: monthLabel },
            { title: '送审轮次', dataIndex: 'submitted', align: 'right' },
            { title: '首次送审案件', dataIndex: 'cases', align: 'right' },
            { title: '一次通过', dataIndex: 'passedFirstTime', align: 'right' },
            { title: '退回补充', dataIndex: 'returned', align: 'right' },
            { title: '变更 / 纠正', dataIndex: 'changed', align: 'right' },
            { title: '办结', dataIndex: 'finished', align: 'right' },
            { title: '按期办结', dataIndex: 'onTime', align: 'right' },
            { title: '超期', dataIndex: 'overdue', align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
          ]}
        />
      </Card>
    </>
  );
}
