import { Descriptions, Typography } from 'antd';
import type { ArchiveCreateResult } from '../../../shared/supervision-types.js';
import { formatBytes } from '../../../shared/logic/text.js';

/** Where an archive package is and what identifies it: folder, zip, file count, size, manifest hash, audit head. */
export function PackageFacts({ pkg }: { pkg: ArchiveCreateResult }) {
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 130 } }}>
      <Descriptions.Item label="案卷包文件夹">
        <Typography.Text copyable>{pkg.folder}</Typography.Text>
      </Descriptions.Item>
      {pkg.zip && (
        <Descriptions.Item label="压缩包">
          <Typography.Text copyable>{pkg.zip}</Typography.Text>
        </Descriptions.Item>
      )}
      <Descriptions.Item label="文件">{`${pkg.files} 个，共 ${formatBytes(pkg.totalBytes)}`}</Descriptions.Item>
      <Descriptions.Item label="清单 SHA-256">
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {pkg.manifestSha256}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="审计链链头">
        <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }}>
          {pkg.auditHead}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}
