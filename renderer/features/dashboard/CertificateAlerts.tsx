import { Table, Tag, Typography } from 'antd';
import type { Officer } from '../../../shared/types.js';

/** Officers whose certificates run out soon (with days left) or already have. */
export function CertificateAlerts({ expiring, expired }: { expiring: Officer[]; expired: Officer[] }) {
  const rows = [...expired, ...expiring];
  if (rows.length === 0) return <Typography.Text type="secondary">所有在岗执法人员的执法证均在有效期内。</Typography.Text>;
  return (
    <Table<Officer>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 90 },
        { title: '执法证号', dataIndex: 'certNo' },
        { title: '有效期至', dataIndex: 'certValidUntil', width: 110 },
        {
          title: '状态',
          width: 130,
          render: (_v, o) =>
            o.certificateState === 'expired' ? (
              <Tag color="error">已过期 {-o.certificateDaysLeft} 天</Tag>
            ) : (
              <Tag color="warning">剩余 {o.certificateDaysLeft} 天</Tag>
            ),
        },
      ]}
    />
  );
}
