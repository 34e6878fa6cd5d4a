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
        description={
          <>
            <div>恢复会替换全部数据，须先退出本程序，再用命令行把备份恢复到一个空的数据文件夹：</div>
            <Typography.Text code copyable>
              sanxiang restore 备份文件夹 --data 空的数据文件夹
            </Typography.Text>
            <div>例如 sanxiang restore E:\执法备份\sanxiang-backup --data D:\执法数据（恢复最新一份；也可指定其中某一份备份的文件夹）。</div>
            <div>恢复时逐一核对数据库和每个证据文件的哈希，并校验审计链；发现任何损坏都会停止并列出损坏的文件，目标文件夹保持为空。恢复完成后，启动本程序并选择该数据文件夹。恢复前可先点上表中的“校验”确认备份完好。</div>
          </>
        }
      />
    </Flex>
  );
}
