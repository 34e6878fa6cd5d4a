import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ArchiveCreateResult } from '../../../shared/supervision-types.js';
import { useSession } from '../../app/session-context.js';
import { RunProgress } from '../../components/RunProgress.js';
import { can } from '../../lib/access.js';
import { useProgressRun } from '../../lib/use-progress-run.js';
import { PackageFacts } from './PackageFacts.js';

/**
 * 重新导出案卷包: writes the package again from the evidence vault (after a restore, or when the
 * archive room's copy is lost), identical to the original, and verifies it.
 */
export function ExportPackage({ pkg, onDone }: { pkg: ArchiveCreateResult; onDone: () => void }) {
  const { me } = useSession();
  const [dest, setDest] = useState('');
  const run = useProgressRun('archive.export');
  if (!pkg.composition || !can(me, 'archive.export')) return null;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">
        案卷包丢失或损坏（例如从备份恢复数据后）时，可由证据库重新导出一份与原案卷包逐字节相同的案卷包，导出后自动校验。
      </Typography.Text>
      <Flex gap={8}>
        <Input
          aria-label="导出位置"
          value={dest}
          disabled={run.running}
          onChange={(e) => setDest(e.target.value)}
          placeholder="导出位置（不填则导出到原位置；原位置已有同名案卷包时请另选位置）"
        />
        <Button
          icon={<ExportOutlined />}
          loading={run.running}
          onClick={async () => {
            const r = await run.start({ caseId: pkg.caseId, dest: dest.trim() || undefined });
            if (r) onDone();
          }}
        >
          重新导出案卷包
        </Button>
      </Flex>
      {run.running && <RunProgress progress={run.progress} first="正在准备导出…" onCancel={run.cancel} />}
      {run.error && <Alert type={run.error.code === 'CANCELLED' ? 'warning' : 'error'} showIcon title={run.error.message} />}
      {run.result && (
        <>
          <Alert type="success" showIcon title="已重新导出并校验通过：清单哈希与验证证书一致。" />
          <PackageFacts pkg={run.result} />
        </>
      )}
    </Flex>
  );
}
