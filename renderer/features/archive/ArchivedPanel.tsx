import { Alert, Collapse, Flex, Typography } from 'antd';
import type { CaseDetail } from '../../../shared/types.js';
import { useQuery } from '../../lib/use-api.js';
import { PackageFacts } from './PackageFacts.js';
import { ExportPackage } from './ExportPackage.js';
import { VerifyPackage } from './VerifyPackage.js';

/** An archived case: read-only notice, where its package is, and 校验. */
export function ArchivedPanel({ c }: { c: CaseDetail }) {
  const q = useQuery('archive.get', { caseId: c.id });
  const pkg = q.data?.archive;
  const archivedOn = c.stages.find((s) => s.stage === 'archived')?.enteredOn;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={`本案件已于 ${archivedOn ?? ''} 归档，案卷只读。`}
      description={
        pkg ? (
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'pkg',
                label: `案卷包：${pkg.files} 个文件，清单 SHA-256 ${pkg.manifestSha256.slice(0, 16)}…（展开查看位置并校验）`,
                children: (
                  <Flex vertical gap={8}>
                    <PackageFacts pkg={pkg} />
                    <VerifyPackage key={pkg.folder} pkg={pkg} />
                    <ExportPackage pkg={pkg} onDone={q.reload} />
                  </Flex>
                ),
              },
            ]}
          />
        ) : q.data ? (
          <Typography.Text type="secondary">本案件在归档须生成案卷包之前归档，没有案卷包记录。</Typography.Text>
        ) : undefined
      }
    />
  );
}
