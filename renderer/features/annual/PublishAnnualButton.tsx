import { GlobalOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { navigate } from '../../app/router.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand, useQuery } from '../../lib/use-api.js';

/** 生成网站公示稿: previews the annual-statistics disclosure item, then drafts it in 公示 (reviewed and approved there). */
export function PublishAnnualButton({ year }: { year: number }) {
  const [open, setOpen] = useState(false);
  const notice = useQuery('report.annualNotice', { year }, { skip: !open });
  const publish = useCommand('report.publishAnnual');
  const [created, setCreated] = useState<number | null>(null);
  const close = () => {
    setOpen(false);
    setCreated(null);
  };
  const n = notice.data;
  return (
    <>
      <Button icon={<GlobalOutlined />} onClick={() => setOpen(true)}>
        生成网站公示稿
      </Button>
      <Modal
        open={open}
        width={760}
        title={`${year} 年度行政执法数据 — 网站公示稿`}
        onCancel={close}
        footer={
          created ? (
            <>
              <Button onClick={close}>关闭</Button>
              <Button type="primary" onClick={() => navigate(`/disclosure/${created}`)}>
                打开公示稿
              </Button>
            </>
          ) : (
            <>
              <Button onClick={close}>取消</Button>
              <Button
                type="primary"
                loading={publish.pending}
                disabled={!n}
                onClick={async () => {
                  const r = await publish.run({ year }, { success: '已生成公示稿，请在“公示”中提交审核后发布' });
                  if (r.ok) setCreated(r.value.disclosureId);
                }}
              >
                生成公示稿
              </Button>
            </>
          )
        }
      >
        {notice.error && <ErrorAlert error={notice.error} onRetry={notice.reload} />}
        {created && <Alert type="success" showIcon style={{ marginBottom: 12 }} title="公示稿已生成（草稿）。须经“公示”中的审核后才会发布到网站。" />}
        {n && (
          <>
            <Typography.Title level={5} style={{ textAlign: 'center' }}>
              {n.title}
            </Typography.Title>
            {n.notice.sections.map((s) => (
              <div key={s.heading}>
                <Typography.Text strong>{s.heading}</Typography.Text>
                <Typography.Paragraph>{s.text}</Typography.Paragraph>
              </div>
            ))}
            <Table
              size="small"
              bordered
              pagination={false}
              title={() => n.notice.table.caption}
              rowKey={(r) => r[0]}
              dataSource={n.notice.table.rows}
              columns={n.notice.table.columns.map((c, i) => ({ title: c, key: c, align: i === 0 ? undefined : ('right' as const), render: (_v: unknown, r: string[]) => r[i] }))}
            />
          </>
        )}
      </Modal>
    </>
  );
}
