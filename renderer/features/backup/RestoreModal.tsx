import { Alert, Button, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { BackupInfo } from '../../../shared/supervision-types.js';
import { formatBytes, formatDateTime } from '../../../shared/logic/text.js';
import { RunProgress } from '../../components/RunProgress.js';
import { isDesktop } from '../../lib/api.js';
import { useCommand } from '../../lib/use-api.js';
import { useProgressRun } from '../../lib/use-progress-run.js';
import { readableBackupText } from './backup-text.js';

/**
 * 从备份恢复: one backup restored into a new, empty folder (the data in use is not touched), every
 * file checked by hash, with progress and 取消; then 改用恢复的数据 restarts the desktop program on it.
 */
export function RestoreModal({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const restore = useProgressRun('restore.run');
  const switchData = useCommand('restore.useRestored');
  const [into, setInto] = useState('');
  const [restarting, setRestarting] = useState(false);
  const done = restore.result;

  const start = () => {
    if (into.trim()) void restore.start({ path: backup.path, into: into.trim() });
  };
  const close = () => {
    if (!restore.running) onClose();
  };
  const switchOver = async () => {
    if (!done) return;
    const r = await switchData.run({ dataDir: done.dataDir });
    if (r.ok) setRestarting(true);
  };

  return (
    <Modal
      open
      title={`从备份恢复 — ${formatDateTime(backup.createdAt)}`}
      width={680}
      onCancel={close}
      closable={!restore.running}
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={close} disabled={restore.running}>
            {done ? '关闭' : '取消'}
          </Button>
          {!done && (
            <Button type="primary" onClick={start} loading={restore.running} disabled={!into.trim()}>
              开始恢复
            </Button>
          )}
          {done && isDesktop() && (
            <Button type="primary" onClick={switchOver} loading={switchData.pending || restarting}>
              改用恢复的数据（重新启动）
            </Button>
          )}
        </Flex>
      }
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="备份时间">{formatDateTime(backup.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="案件">{`${backup.counts.cases ?? 0} 件`}</Descriptions.Item>
        <Descriptions.Item label="数据库">{formatBytes(backup.dbSize)}</Descriptions.Item>
        <Descriptions.Item label="证据文件">{`${backup.vaultObjects} 个，${formatBytes(backup.vaultBytes)}`}</Descriptions.Item>
      </Descriptions>
      {!done && (
        <>
          <Typography.Paragraph>
            备份恢复到一个<b>新的空文件夹</b>，正在使用的数据不会被改动或覆盖。恢复时逐一核对数据库和每个证据文件的哈希，并校验审计链；发现任何损坏都会停止并列出损坏的文件，目标文件夹保持为空。
          </Typography.Paragraph>
          <Form layout="vertical" onFinish={start} disabled={restore.running}>
            <Form.Item label="恢复到（空文件夹的完整路径，不存在时自动新建）" required>
              <Input value={into} onChange={(e) => setInto(e.target.value)} placeholder="例如 D:\执法数据-恢复" aria-label="恢复到的文件夹" />
            </Form.Item>
          </Form>
        </>
      )}
      {restore.running && <RunProgress progress={restore.progress} first="正在读取备份…" onCancel={restore.cancel} />}
      {restore.error && (
        <Alert type={restore.error.code === 'CANCELLED' ? 'warning' : 'error'} showIcon title={readableBackupText(restore.error.message)} />
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          title="恢复完成"
          description={
            <>
              <div>{readableBackupText(done.message)}</div>
              {restarting ? (
                <div>正在重新启动，并打开恢复的数据……</div>
              ) : isDesktop() ? (
                <div>点“改用恢复的数据”后，本程序重新启动并打开该文件夹；原来的数据文件夹保持不变。</div>
              ) : (
                <div>
                  浏览器模式：在运行本程序的窗口按 Ctrl+C 停止，再运行
                  <Typography.Text code copyable>{`npm start -- --data "${done.dataDir}"`}</Typography.Text>
                </div>
              )}
            </>
          }
        />
      )}
    </Modal>
  );
}
