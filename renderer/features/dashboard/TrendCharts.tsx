import { Card, Col, Row, Segmented } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useQuery } from '../../lib/use-api.js';
import { TrendChart } from './TrendChart.js';

const SPANS = [6, 12, 24] as const;

/** 趋势: the monthly charts of dashboard.trends, over 6, 12 or 24 months. */
export function TrendCharts() {
  const [months, setMonths] = useState<number>(12);
  const q = useQuery('dashboard.trends', { months });
  const t = q.data;
  return (
    <Card
      title="月度趋势"
      size="small"
      extra={<Segmented size="small" value={months} onChange={(v) => setMonths(Number(v))} options={SPANS.map((n) => ({ value: n, label: `近 ${n} 个月` }))} />}
    >
      {q.error && <ErrorAlert error={q.error} onRetry={q.reload} />}
      <Row gutter={[16, 16]}>
        {(t?.charts ?? []).map((c) => (
          <Col key={c.key} xs={24} xl={12}>
            <Card type="inner" size="small" title={c.title} loading={q.loading}>
              <TrendChart chart={c} months={t!.months} />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
