import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail, CaseRecord } from '../../../shared/types.js';
import { formatBytes, formatDateTime } from '../../../shared/logic/text.js';
import { useSession } from '../../app/session-context.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { can } from '../../lib/access.js';
import { call } from '../../lib/api.js';
import { downloadBase64 } from '../../lib/download.js';
import { RecordModal } from './RecordModal.js';

/** 记录与附件: every record with its versions; corrections are new versions, never edits. */
export function CaseRecordsTab({ c, readOnly, onChanged }: { c: CaseDetail; readOnly: boolean; onChanged: () => void }) {
  const { me } = useSession();
  const { message } = App.useApp();
  const [modal, setModal] = useState<{ previous?: CaseRecord } | null>(null);
  const [downloading, setDownloading] = useState<number | null>(null);
  const canAdd = !readOnly && can(me, 'cases.addRecord');

  const download = async (r: CaseRecord) => {
    setDownloading(r.id);
    const res = await call('records.content', { id: r.id });
    setDownloading(null);
    if (res.ok) downloadBase64(res.value.base64, res.value.mime, res.value.fileName);
    else message.error(res.error.message);
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">记录一经保存不能修改或删除；如需更正，请保存“新版本”，原版本保留。</Typography.Text>
        {canAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({})}>
            添加记录
          </Button>
        )}
      </Flex>
      <Table<CaseRecord>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.records}
        rowClassName={(r) => (r.superseded ? 'sx-superseded' : '')}
        expandable={{
          rowExpandable: (r) => !!r.body,
          expandedRowRender: (r) => <p className="sx-pre">{r.body}</p>,
        }}
        locale={{ emptyText: <EmptyHint text={canAdd ? '暂无记录，点击“添加记录”登记笔录或上传附件' : '暂无记录'} /> }}
        columns={[
          {
            title: '标题',
            render: (_v, r) => (
              <Space size={6}>
                <span>{r.title}</span>
                {r.version > 1 && <Tag>第 {r.version} 版</Tag>}
                {r.superseded && <Tag color="default">已有新版本</Tag>}
              </Space>
            ),
          },
          { title: '类型', width: 90, render: (_v, r) => (r.kind === 'attachment' ? '附件' : '文字记录') },
          {
            title: '文件',
            width: 240,
            render: (_v, r) =>
              r.kind === 'attachment' ? (
                <Space size={6}>
                  <span>{r.fileName}</span>
                  <Typography.Text type="secondary">{r.size != null ? formatBytes(r.size) : ''}</Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          { title: '记录人', dataIndex: 'createdBy', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '时间', width: 140, render: (_v, r) => formatDateTime(r.createdAt) },
          {
            title: '操作',
            width: 160,
            render: (_v, r) => (
              <Space size={4}>
                {r.kind === 'attachment' && (
                  <Button size="small" type="link" icon={<DownloadOutlined />} loading={downloading === r.id} onClick={() => download(r)}>
                    下载
                  </Button>
                )}
                {canAdd && !r.superseded && (
                  <Button size="small" type="link" onClick={() => setModal({ previous: r })}>
                    新版本
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {modal && <RecordModal caseId={c.id} previous={modal.previous} onClose={() => setModal(null)} onDone={onChanged} />}
    </>
  );
}
