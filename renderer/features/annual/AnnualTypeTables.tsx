import { Table, Typography } from 'antd';
import { MEASURES, MEASURE_LABELS } from '../../../shared/review-domain.js';
import type { AnnualTypeRow } from '../../../shared/supervision-types.js';

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const totalRow = (r: AnnualTypeRow) => (r.caseType === 'total' ? 'sx-total-row' : '');

/** 按执法类别: cases opened, decided, closed, fines, confiscations, hearings; then decisions by measure. */
export function AnnualTypeTables({ rows }: { rows: AnnualTypeRow[] }) {
  const total = rows.find((r) => r.caseType === 'total');
  const measures = MEASURES.filter((m) => (total?.measures[m] ?? 0) > 0);
  return (
    <>
      <Table<AnnualTypeRow>
        size="small"
        bordered
        rowKey="caseType"
        pagination={false}
        dataSource={rows}
        rowClassName={totalRow}
        columns={[
          { title: '执法类别', dataIndex: 'label', width: 110 },
          { title: '立案（件）', dataIndex: 'opened', align: 'right' },
          { title: '作出决定（件）', dataIndex: 'decided', align: 'right' },
          { title: '其中不予处罚', dataIndex: 'noPenalty', align: 'right' },
          { title: '结案（件）', dataIndex: 'closed', align: 'right' },
          { title: '罚款金额（元）', dataIndex: 'fines', align: 'right', render: (v: number) => yuan.format(v) },
          { title: '没收金额（元）', dataIndex: 'confiscations', align: 'right', render: (v: number) => yuan.format(v) },
          { title: '听证（件）', dataIndex: 'hearings', align: 'right' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        作出决定的处理措施（件，一件决定可含多项措施）
      </Typography.Title>
      {measures.length === 0 ? (
        <Typography.Text type="secondary">本年度没有记录处理措施的执法决定。</Typography.Text>
      ) : (
        <Table<AnnualTypeRow>
          size="small"
          bordered
          rowKey="caseType"
          pagination={false}
          dataSource={rows.filter((r) => r.caseType === 'total' || measures.some((m) => r.measures[m] > 0))}
          rowClassName={totalRow}
          style={{ width: 110 + 120 * measures.length, maxWidth: '100%' }}
          columns={[
            { title: '执法类别', dataIndex: 'label', width: 110 },
            ...measures.map((m) => ({ title: MEASURE_LABELS[m], key: m, align: 'right' as const, render: (_v: unknown, r: AnnualTypeRow) => r.measures[m] ?? 0 })),
          ]}
        />
      )}
    </>
  );
}
