import { Card, Col, Row, Typography } from 'antd';
import { CASE_TYPES, CASE_TYPE_LABELS, STAGES, STAGE_LABELS } from '../../../shared/domain.js';
import { navigate } from '../../app/router.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useQuery } from '../../lib/use-api.js';
import { CountBars } from './StageBars.js';

/** 统计: case counts by type (cases in progress) and by stage (all cases not voided). */
export function StatsPage() {
  const q = useQuery('dashboard.summary', {});
  const s = q.data;
  const byStageTotal = s ? STAGES.reduce((a, st) => a + (s.casesByStage[st] ?? 0), 0) : 0;
  return (
    <>
      <PageTitle title="统计" sub="当前案件概况，点击条目可查看对应案件" />
      {q.error && <ErrorAlert error={q.error} onRetry={q.reload} />}
      <Row gutter={12}>
        <Col span={12}>
          <Card title="在办案件（按执法类型）" size="small" loading={q.loading && !s} extra={<Typography.Text type="secondary">合计 {s?.openCases ?? 0} 件</Typography.Text>}>
            <CountBars
              rows={CASE_TYPES.map((t) => ({ key: t, label: CASE_TYPE_LABELS[t], count: s?.casesByType[t] ?? 0 }))}
              onClick={(caseType) => navigate('/cases', { caseType, status: 'active' })}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="全部案件（按办案环节，不含已作废）" size="small" loading={q.loading && !s} extra={<Typography.Text type="secondary">合计 {byStageTotal} 件</Typography.Text>}>
            <CountBars
              rows={STAGES.map((st) => ({ key: st, label: STAGE_LABELS[st], count: s?.casesByStage[st] ?? 0 }))}
              onClick={(stage) => navigate('/cases', { stage, status: 'active' })}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
