import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntry, AuditVerify } from '../../../shared/types.js';
import { formatDateTime } from '../../../shared/logic/text.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useSession } from '../../app/session-context.js';
import { can, opTitle } from '../../lib/access.js';
import { call } from '../../lib/api.js';
import { fromDay, toDay } from '../../lib/dates.js';
import { downloadCsv } from '../../lib/download.js';
import { useQuery } from '../../lib/use-api.js';
import { VaultVerifyCard } from '../media-admin/VaultVerifyCard.js';
import { OBJECT_TYPE_LABELS, OPERATION_OPTIONS, objectName, readableSummary } from './audit-labels.js';

interface Filters {
  username?: string;
  operation?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

/**
 * 审计: the append-only audit trail, with filters, chain verification and CSV export; for an auditor
 * also the evidence vault check (an admin runs it on 音视频—证据库).
 */
export function AuditPage() {
  const { message } = App.useApp();
  const { me } = useSession();
  const vaultCheckHere = can(me, 'media.verifyStart') && !can(me, 'media.retentionCandidates');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const list = useQuery('audit.list', { ...filters, ...page });
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [busy, setBusy] = useState<'verify' | 'export' | null>(null);
  const set = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  const runVerify = async () => {
    setBusy('verify');
    const r = await call('audit.verify', {});
    setBusy(null);
    if (r.ok) setVerify(r.value);
    else message.error(r.error.message);
  };
  const runExport = async () => {
    setBusy('export');
    const r = await call('audit.export', { from: filters.from, to: filters.to });
    setBusy(null);
    if (!r.ok) return void message.error(r.error.message);
    downloadCsv(r.value.csv, r.value.fileName);
    message.success(`已导出 ${r.value.rows} 条审计记录`);
  };

  return (
    <>
      <PageTitle
        title="审计"
        sub="审计记录只能追加，不能修改或删除；每条记录含上一条的哈希，任何改动都能被校验发现"
        extra={
          <>
            <Button icon={<SafetyCertificateOutlined />} loading={busy === 'verify'} onClick={runVerify}>
              校验审计链
            </Button>
            <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={runExport}>
              导出
            </Button>
          </>
        }
      />
      {verify && <VerifyResult v={verify} onClose={() => setVerify(null)} />}
      {vaultCheckHere && (
        <div style={{ marginBottom: 12 }}>
          <VaultVerifyCard version={0} />
        </div>
      )}
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search aria-label="操作人" placeholder="操作人账号" allowClear onSearch={(v) => set({ username: v.trim() || undefined })} style={{ width: 150 }} />
          <Select
            aria-label="操作"
            placeholder="操作"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.operation}
            onChange={(v) => set({ operation: v })}
            options={OPERATION_OPTIONS}
            popupMatchSelectWidth={false}
            style={{ width: 180 }}
          />
          <Select
            aria-label="对象类型"
            placeholder="对象类型"
            allowClear
            value={filters.objectType}
            onChange={(v) => set({ objectType: v })}
            options={Object.entries(OBJECT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            style={{ width: 130 }}
          />
          <Input.Search aria-label="对象编号" placeholder="对象编号" allowClear onSearch={(v) => set({ objectId: v.trim().replace(/^#/, '') || undefined })} style={{ width: 130 }} />
          <DatePicker.RangePicker
            aria-label="日期范围"
            allowEmpty={[true, true]}
            value={[toDay(filters.from), toDay(filters.to)]}
            onChange={(r) => set({ from: fromDay(r?.[0]), to: fromDay(r?.[1]) })}
          />
        </Flex>
        {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.rows ?? []}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [50, 100, 200],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
          }}
          columns={[
            { title: '序号', dataIndex: 'id', width: 70 },
            { title: '时间', width: 140, render: (_v, a) => formatDateTime(a.at) },
            { title: '操作人', dataIndex: 'username', width: 100 },
            { title: '操作', width: 140, render: (_v, a) => opTitle(a.operation) },
            {
              title: '对象',
              width: 180,
              render: (_v, a) => objectName(a.objectType, a.objectId, a.summary),
            },
            {
              title: '内容摘要',
              render: (_v, a) => (
                <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open: boolean) => (open ? '收起' : '展开') }}>
                  {readableSummary(a.summary)}
                </Typography.Paragraph>
              ),
            },
            {
              title: '哈希',
              width: 110,
              render: (_v, a) => (
                <Typography.Text code copyable={{ text: a.hash, tooltips: ['复制完整哈希', '已复制'] }} style={{ fontSize: 12 }}>
                  {a.hash.slice(0, 8)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

function VerifyResult({ v, onClose }: { v: AuditVerify; onClose: () => void }) {
  return v.ok ? (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={`审计链完整：共 ${v.entries} 条记录，未发现篡改。`}
      description={<>最新哈希：<Typography.Text code copyable>{v.headHash}</Typography.Text></>}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={`审计链校验失败：第 ${v.firstBad ?? '?'} 条记录起被改动或缺失。`}
      description={<Typography.Text type="danger">{v.problem}</Typography.Text>}
    />
  );
}
