import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { OFFICER_STATUSES, OFFICER_STATUS_LABELS, type OfficerStatus } from '../../../shared/domain.js';
import type { CertificateState, Officer } from '../../../shared/types.js';
import { CertificateTag } from '../../components/CertificateTag.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { call } from '../../lib/api.js';
import { downloadCsv } from '../../lib/download.js';
import { useQuery } from '../../lib/use-api.js';
import { OfficerModal } from './OfficerModal.js';
import { App } from 'antd';

/** 执法人员: the roster with certificate states, editing, and the public roster export (公示名单). */
const CERTIFICATE_FILTERS: { value: CertificateState; label: string }[] = [
  { value: 'valid', label: '证件有效' },
  { value: 'expiring', label: '即将到期' },
  { value: 'expired', label: '已过期' },
];

export function OfficersTab({ certificate }: { certificate?: string } = {}) {
  const { message } = App.useApp();
  // From a 工作台 certificate alert (?certificate=expired|expiring): officers in post with that state.
  const fromAlert = CERTIFICATE_FILTERS.some((c) => c.value === certificate) ? (certificate as CertificateState) : undefined;
  const [status, setStatus] = useState<OfficerStatus | undefined>(fromAlert ? 'active' : undefined);
  const [cert, setCert] = useState<CertificateState | undefined>(fromAlert);
  const [q, setQ] = useState('');
  const list = useQuery('officers.list', { status, q: q.trim() || undefined });
  const [editing, setEditing] = useState<Officer | 'new' | null>(null);
  const [exporting, setExporting] = useState(false);

  const exportRoster = async () => {
    setExporting(true);
    const r = await call('officers.publicRoster', {});
    setExporting(false);
    if (!r.ok) return void message.error(r.error.message);
    downloadCsv(r.value.csv, '执法人员公示名单.csv');
    message.success(`已导出公示名单，共 ${r.value.rows.length} 人（仅在岗且执法证有效的人员）`);
  };

  return (
    <>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Flex justify="space-between" gap={8} style={{ marginBottom: 8 }}>
        <Flex gap={8}>
          <Input.Search aria-label="查找执法人员" placeholder="姓名、执法证号、工号" allowClear onSearch={setQ} style={{ width: 220 }} />
          <Select
            aria-label="在岗状态"
            placeholder="在岗状态"
            allowClear
            value={status}
            onChange={setStatus}
            options={OFFICER_STATUSES.map((s) => ({ value: s, label: OFFICER_STATUS_LABELS[s] }))}
            style={{ width: 120 }}
          />
          <Select
            aria-label="证件状态"
            placeholder="证件状态"
            allowClear
            value={cert}
            onChange={setCert}
            options={CERTIFICATE_FILTERS}
            style={{ width: 120 }}
          />
        </Flex>
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportRoster}>
            导出公示名单
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增执法人员
          </Button>
        </Flex>
      </Flex>
      <Table<Officer>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={(list.data ?? []).filter((o) => !cert || o.certificateState === cert)}
        pagination={false}
        locale={{ emptyText: <EmptyHint text={cert || status || q ? '没有符合条件的执法人员' : '暂无执法人员，点击“新增执法人员”登记持证人员'} /> }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '所在单位', dataIndex: 'unit', ellipsis: true },
          { title: '职务', dataIndex: 'position', width: 100, render: (v: string) => v || '—' },
          { title: '执法证号', dataIndex: 'certNo', width: 150 },
          { title: '有效期至', dataIndex: 'certValidUntil', width: 104 },
          { title: '证件状态', width: 140, render: (_v, o) => <CertificateTag state={o.certificateState} daysLeft={o.certificateDaysLeft} /> },
          { title: '执法类别', dataIndex: 'category', width: 110, ellipsis: true },
          { title: '执法区域', dataIndex: 'region', width: 110, ellipsis: true },
          {
            title: '在岗状态',
            width: 90,
            render: (_v, o) => <Tag color={o.status === 'active' ? 'blue' : 'default'}>{OFFICER_STATUS_LABELS[o.status]}</Tag>,
          },
          {
            title: '操作',
            width: 70,
            render: (_v, o) => (
              <Button type="link" size="small" onClick={() => setEditing(o)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      {editing && <OfficerModal officer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={list.reload} />}
    </>
  );
}
