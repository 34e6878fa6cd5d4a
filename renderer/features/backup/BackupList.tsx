import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BackupInfo, RestoreCheckResult } from '../../../shared/supervision-types.js';
import { formatBytes, formatDateTime } from '../../../shared/logic/text.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RunProgress } from '../../components/RunProgress.js';
import { useProgressRun } from '../../lib/use-progress-run.js';
import { readableBackupText } from './backup-text.js';
import { RestoreModal } from './RestoreModal.js';
import type { QueryState } from '../../lib/use-api.js';

/** The backups on the target, newest first, each with its verification state, 校验 (restore.check) and 恢复 (restore.run). */
export function BackupList({ list, configured }: { list: QueryState<BackupInfo[]>; configured: boolean }) {
  const check = useProgressRun('restore.check');
  const [checking, setChecking] = useState<BackupInfo | null>(null);
  const [results, setResults] = useState<Record<string, RestoreCheckResult & { at: string }>>({});
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const start = async (b: BackupInfo) => {
    setChecking(b);
    const r = await check.start({ path: b.path });
    if (r) setResults((m) => ({ ...m, [b.id]: { ...r, at: new Date().toISOString() } }));
  };
  const close = () => {
    if (check.running) return;
    setChecking(null);
    check.reset();
  };

  if (list.error) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Table<BackupInfo>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyHint text={configured ? '备份位置中还没有备份，点击“立即备份”' : '尚未设置备份位置'} /> }}
        columns={[
          { title: '备份时间', key: 'at', width: 150, render: (_v, b) => formatDateTime(b.createdAt) },
          { title: '数据库', key: 'db', width: 100, render: (_v, b) => formatBytes(b.dbSize) },
          { title: '证据文件', key: 'vault', width: 150, render: (_v, b) => `${b.vaultObjects} 个，${formatBytes(b.vaultBytes)}` },
          { title: '案件', key: 'cases', width: 80, render: (_v, b) => `${b.counts.cases ?? 0} 件` },
          { title: '审计记录', key: 'audit', width: 100, render: (_v, b) => `${b.auditEntries} 条` },
          {
            title: '校验状态',
            key: 'state',
            render: (_v, b) => {
              const r = results[b.id];
              if (!r) return <Tag color="blue">写入时已校验</Tag>;
              return r.ok ? <Tag color="success">{`${formatDateTime(r.at)} 校验完好`}</Tag> : <Tag color="error">{`损坏 ${r.damaged.length} 处，不能用于恢复`}</Tag>;
            },
          },
          {
            title: '操作',
            key: 'op',
            width: 140,
            render: (_v, b) => (
              <Space size={6}>
                <Button size="small" onClick={() => start(b)} disabled={check.running} aria-label={`校验备份 ${b.id}`}>
                  校验
                </Button>
                <Button size="small" onClick={() => setRestoring(b)} disabled={check.running || results[b.id]?.ok === false} aria-label={`恢复备份 ${b.id}`}>
                  恢复…
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {restoring && <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />}
      <Modal
        open={!!checking}
        title={checking ? `校验备份 ${formatDateTime(checking.createdAt)}` : ''}
        onCancel={close}
        closable={!check.running}
        mask={{ closable: !check.running }}
        footer={<Button onClick={close} disabled={check.running}>关闭</Button>}
        width={640}
      >
        <Typography.Paragraph type="secondary">逐一重新计算数据库副本和每个证据文件的哈希，并校验审计链；不会改动备份。</Typography.Paragraph>
        {check.running && <RunProgress progress={check.progress} first="正在读取备份…" onCancel={check.cancel} />}
        {check.error && <Alert type={check.error.code === 'CANCELLED' ? 'warning' : 'error'} showIcon title={check.error.message} />}
        {check.result && (
          <Alert
            type={check.result.ok ? 'success' : 'error'}
            showIcon
            title={
              check.result.ok
                ? `备份完好：数据库和 ${check.result.checkedObjects} 个证据文件全部与哈希一致，审计链完整（${check.result.backup?.auditEntries ?? 0} 条），可用于恢复。`
                : readableBackupText(check.result.message)
            }
            description={
              check.result.ok ? (
                `共校验 ${check.result.checkedObjects} 个证据文件，${formatBytes(check.result.checkedBytes)}。`
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {check.result.damaged.slice(0, 20).map((d) => (
                    <li key={d.path}>
                      <Typography.Text code>{d.path}</Typography.Text>：{d.problem}
                    </li>
                  ))}
                </ul>
              )
            }
          />
        )}
      </Modal>
    </>
  );
}
