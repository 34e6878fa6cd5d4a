import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useQuery } from '../../lib/use-api.js';
import { BackupList } from './BackupList.js';
import { BackupRunPanel } from './BackupRunPanel.js';
import { BackupSettingsForm } from './BackupSettingsForm.js';

/** 备份与恢复 (管理员): where and when to back up, 立即备份, the backups with 校验, how to restore. */
export function BackupTab() {
  const s = useQuery('backup.settings.get', {});
  const list = useQuery('backup.list', {});
  const reload = () => {
    s.reload();
    list.reload();
  };
  if (s.error) return <ErrorAlert error={s.error} onRetry={s.reload} />;
  if (!s.data) return <Skeleton active />;
  const configured = !!s.data.settings.target;
  return (
    <Flex vertical gap={12}>
      <Card size="small" title="备份设置" type="inner">
        <BackupSettingsForm settings={s.data.settings} targetFree={s.data.targetFree} targetTotal={s.data.targetTotal} onSaved={reload} />
      </Card>
      <Card size="small" title="立即备份" type="inner">
        <BackupRunPanel state={s.data.state} configured={configured} onDone={reload} />
      </Card>
      <Card size="small" title="备份记录" type="inner" extra={configured && <Typography.Text type="secondary">{s.data.settings.target}</Typography.Text>}>
        <BackupList list={list} configured={configured} />
      </Card>
      <Alert
        type="info"
        showIcon
        title="从备份恢复"
        description="在上表中选择一份备份，点“恢复…”，把它恢复到一个新的空文件夹；正在使用的数据不会被改动。恢复完成后可改用恢复的数据（程序重新启动）。恢复前可先点“校验”确认备份完好。也可以在命令行运行：sanxiang restore 备份文件夹 --data 空的数据文件夹。"
      />
    </Flex>
  );
}
