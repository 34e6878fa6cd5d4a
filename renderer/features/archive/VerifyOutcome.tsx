import { Alert, Typography } from 'antd';
import type { ArchiveVerifyResult } from '../../../shared/supervision-types.js';
import { formatBytes } from '../../../shared/logic/text.js';

/** The result of 校验案卷包: complete, or each missing, changed or extra file. */
export function VerifyOutcome({ result }: { result: ArchiveVerifyResult }) {
  const where = result.kind === 'zip' ? '压缩包' : '文件夹';
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      title={`${where}：${result.ok ? `校验通过，${result.files} 个文件（${formatBytes(result.totalBytes)}）全部与清单一致，清单哈希与验证证书一致。` : `校验未通过，发现 ${result.problems.length} 处问题。`}`}
      description={
        result.ok ? undefined : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {result.problems.slice(0, 30).map((p) => (
              <li key={`${p.path}|${p.problem}`}>
                <Typography.Text code>{p.path}</Typography.Text>：{p.problem}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
