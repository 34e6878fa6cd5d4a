import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space } from 'antd';
import type { ArchiveCreateResult } from '../../../shared/supervision-types.js';
import { RunProgress } from '../../components/RunProgress.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';
import { useProgressRun } from '../../lib/use-progress-run.js';
import { VerifyOutcome } from './VerifyOutcome.js';

/** 校验: re-hashes every file of the package (folder or zip) against its manifest and certificate. */
export function VerifyPackage({ pkg }: { pkg: ArchiveCreateResult }) {
  const { me } = useSession();
  const run = useProgressRun('archive.verify');
  if (!can(me, 'archive.verify')) return null;
  return (
    <Flex vertical gap={8}>
      <Space>
        <Button icon={<SafetyCertificateOutlined />} loading={run.running} onClick={() => run.start({ path: pkg.folder })}>
          校验文件夹
        </Button>
        {pkg.zip && (
          <Button icon={<SafetyCertificateOutlined />} disabled={run.running} onClick={() => run.start({ path: pkg.zip! })}>
            校验压缩包
          </Button>
        )}
      </Space>
      {run.running && <RunProgress progress={run.progress} first="正在读取案卷包…" onCancel={run.cancel} />}
      {run.error && <Alert type={run.error.code === 'CANCELLED' ? 'warning' : 'error'} showIcon title={run.error.message} />}
      {run.result && <VerifyOutcome result={run.result} />}
    </Flex>
  );
}
