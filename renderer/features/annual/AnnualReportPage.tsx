// 年度行政执法数据: the year's totals per enforcement type, reviews, disclosures, the hand-entered
// reconsideration and litigation figures; export for the superior office and a website draft.
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS } from '../../../shared/review-domain.js';
import { navigate, type Query } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageTitle } from '../../components/PageTitle.js';
import { PrintHeader } from '../../components/PrintHeader.js';
import { call } from '../../lib/api.js';
import { can } from '../../lib/access.js';
import { today } from '../../lib/dates.js';
import { useQuery } from '../../lib/use-api.js';
import { AnnualTypeTables } from './AnnualTypeTables.js';
import { DeadlineBanner } from './DeadlineBanner.js';
import { ManualFiguresForm } from './ManualFiguresForm.js';
import { PublishAnnualButton } from './PublishAnnualButton.js';

const NOT_INSTALLED = '相关功能尚未启用，暂无数据';

export function AnnualReportPage({ query }: { query: Query }) {
  const { me } = useSession();
  const thisYear = Number(today().slice(0, 4));
  const year = Number(query.year) >= 2000 && Number(query.year) <= thisYear ? Number(query.year) : thisYear - 1;
  const q = useQuery('report.annual', { year });
  const r = q.data?.year === year ? q.data : undefined;
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);

  return (
    <>
      <div className="sx-no-print">
        <PageTitle
          title="年度行政执法数据"
          sub={
            <Select
              aria-label="统计年度"
              value={year}
              onChange={(y) => navigate('/annual', { year: y }, { replace: true })}
              options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
              style={{ width: 120 }}
            />
          }
          extra={
            <>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!r}>
                打印
              </Button>
              {can(me, 'report.publishAnnual') && <PublishAnnualButton year={year} />}
              {can(me, 'report.annualExport') && (
                <ExportMenu
                  label="导出 Excel"
                  formats={['xlsx']}
                  disabled={!r}
                  fileName={() => `${me.bureau.name}${year}年度行政执法数据.xlsx`}
                  run={async (_f, path) => {
                    const res = await call('report.annualExport', { year, path });
                    if (res.ok) q.reload();
                    return res;
                  }}
                />
              )}
            </>
          }
        />
      </div>
      {q.error && <ErrorAlert error={q.error} onRetry={q.reload} />}
      {!r ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          <PrintHeader title={`${year}年度行政执法数据`} />
          <div className="sx-no-print">
            <DeadlineBanner r={r} />
          </div>
          <Card size="small" title="按执法类别">
            <AnnualTypeTables rows={r.byType} />
          </Card>
          <Row gutter={[12, 12]} className="sx-print-stack">
            <Col span={9}>
              <Card size="small" title="重大执法决定法制审核" style={{ height: '100%' }}>
                {r.reviews.available ? (
                  <Descriptions size="small" column={2}>
                    <Descriptions.Item label="送审">{`${r.reviews.submitted} 件（${r.reviews.rounds} 轮次）`}</Descriptions.Item>
                    <Descriptions.Item label="超期审核">{`${r.reviews.late} 件`}</Descriptions.Item>
                    {REVIEW_OUTCOMES.map((o) => (
                      <Descriptions.Item key={o} label={REVIEW_OUTCOME_LABELS[o]}>{`${r.reviews.outcomes[o] ?? 0} 件`}</Descriptions.Item>
                    ))}
                    <Descriptions.Item label="集体讨论">{`${r.reviews.discussions} 次`}</Descriptions.Item>
                  </Descriptions>
                ) : (
                  <Typography.Text type="secondary">{NOT_INSTALLED}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col span={9}>
              <Card size="small" title="行政执法结果公示" style={{ height: '100%' }}>
                {r.disclosures.available ? (
                  <Descriptions size="small" column={2}>
                    <Descriptions.Item label="应公示">{`${r.disclosures.due} 件`}</Descriptions.Item>
                    <Descriptions.Item label="按期公示">{`${r.disclosures.onTime} 件`}</Descriptions.Item>
                    <Descriptions.Item label="未按期公示">{`${r.disclosures.late} 件`}</Descriptions.Item>
                    <Descriptions.Item label="期限未到">{`${r.disclosures.notYet} 件`}</Descriptions.Item>
                    <Descriptions.Item label="撤回公示">{`${r.disclosures.takedowns} 件`}</Descriptions.Item>
                    <Descriptions.Item label="按期率">{r.disclosures.due ? `${((r.disclosures.onTime / r.disclosures.due) * 100).toFixed(1)}%` : '—'}</Descriptions.Item>
                  </Descriptions>
                ) : (
                  <Typography.Text type="secondary">{NOT_INSTALLED}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small" title="执法人员（年末）" style={{ height: '100%' }}>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label="在岗执法人员">{`${r.officers.active} 人`}</Descriptions.Item>
                  <Descriptions.Item label="持有效执法证">{`${r.officers.validCertificates} 人`}</Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
          </Row>
          <Card size="small" title="行政复议和行政诉讼（手工填报）">
            <ManualFiguresForm year={year} manual={r.manual} editable={can(me, 'report.annualManual.save')} onSaved={q.reload} />
          </Card>
        </Flex>
      )}
    </>
  );
}
