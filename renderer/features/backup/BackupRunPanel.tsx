import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Typography } from 'antd';
import type { BackupState } from '../../../shared/supervision-types.js';
import { formatBytes, formatDateTime } from '../../../shared/logic/text.js';
import { RunProgress } from '../../components/RunProgress.js';
import { useProgressRun } from '../../lib/use-progress-run.js';
import { readableBackupText } from './backup-text.js';

/** 立即备份: the last run, the button, its progress (with 取消) and the result. */
export function BackupRunPanel({ state, configured, onDone }: { state: BackupState; configured: boolean; onDone: () => void }) {
  const run = useProgressRun('backup.run');
  const start = async () => {
    await run.start({});
    onDone();
  };
  const r = run.result;
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={2} bordered styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="上次成功备份">{state.lastSuccessAt ? formatDateTime(state.lastSuccessAt) : '尚未备份'}</Descriptions.Item>
        <Descriptions.Item label="上次运行">
          {state.lastRunAt ? `${formatDateTime(state.lastRunAt)}（${state.lastOk ? '成功' : '失败'}）` : '—'}
        </Descriptions.Item>
        {state.message && (
          <Descriptions.Item label="结果" span={2}>
            <Typography.Text type={state.lastOk === false ? 'danger' : undefined}>{readableBackupText(state.message)}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <div>
        <Button type="primary" icon={<CloudUploadOutlined />} onClick={start} loading={run.running} disabled={!configured}>
          立即备份
        </Button>
        {!configured && <Typography.Text type="secondary" style={{ marginLeft: 12 }}>请先设置并保存备份位置。</Typography.Text>}
      </div>
      {run.running && <RunProgress progress={run.progress} first="正在准备备份…" onCancel={run.cancel} />}
      {/* A failure the services recorded already shows as 结果 above. */}
      {run.error && run.error.message !== state.message && (
        <Alert type={run.error.code === 'CANCELLED' ? 'warning' : 'error'} showIcon title={run.error.message} closable onClose={run.reset} />
      )}
      {r && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={run.reset}
          title={
            r.unchanged
              ? `数据没有变化，${formatDateTime(r.createdAt)} 的备份仍然有效。`
              : `备份已完成并校验（${formatDateTime(r.createdAt)}，用时 ${(r.ms / 1000).toFixed(1)} 秒）。`
          }
          description={
            r.unchanged
              ? undefined
              : `数据库 ${formatBytes(r.dbSize)}；证据文件共 ${r.vaultObjects} 个（${formatBytes(r.vaultBytes)}），本次新复制 ${r.newObjects} 个（${formatBytes(r.newBytes)}）${r.removed.length ? `；按保留份数删除了 ${r.removed.length} 份旧备份` : ''}。`
          }
        />
      )}
    </Flex>
  );
}
