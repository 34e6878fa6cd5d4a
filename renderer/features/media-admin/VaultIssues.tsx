import { Alert, Table, Tag, Typography } from 'antd';
import type { VaultIssue, VaultVerifyReport } from '../../../shared/media-types.js';
import { navigate } from '../../app/router.js';
import { useSession } from '../../app/session-context.js';
import { can } from '../../lib/access.js';

type Row = VaultIssue & { problem: 'mismatched' | 'missing' };

/** What uses the damaged object: the clip (opens it) and the cases it is evidence in, or the case record. */
function Owners({ issue }: { issue: VaultIssue }) {
  const { me } = useSession();
  const openClip = can(me, 'media.get');
  const openCase = can(me, 'cases.get');
  if (!issue.owners.length) return <Typography.Text type="secondary">未被任何记录使用</Typography.Text>;
  return (
    <>
      {issue.owners.map((o, i) => (
        <div key={i}>
          {o.mediaId !== null && openClip ? (
            <a onClick={() => navigate(`/media/${o.mediaId}`)} style={{ overflowWrap: 'anywhere' }}>{o.label}</a>
          ) : o.caseId !== null && openCase ? (
            <a onClick={() => navigate(`/cases/${o.caseId}`)}>{o.label}</a>
          ) : (
            o.label
          )}
          {o.mediaId !== null && o.cases.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>案件证据：{o.cases.join('、')}</Typography.Text>
          )}
        </div>
      ))}
    </>
  );
}

/** The files a check found changed or missing, each with what it is and where it lies, and what to do. */
export function VaultIssues({ report }: { report: VaultVerifyReport }) {
  const rows: Row[] = [
    ...report.mismatched.map((m) => ({ ...m, problem: 'mismatched' as const })),
    ...report.missing.map((m) => ({ ...m, problem: 'missing' as const })),
  ];
  return (
    <>
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.problem}:${r.sha256}`}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        style={{ marginTop: 12 }}
        columns={[
          {
            title: '问题',
            key: 'problem',
            width: 110,
            render: (_v, r) => (r.problem === 'missing' ? <Tag color="error">文件缺失</Tag> : r.actual?.startsWith('无法读取') ? <Tag color="error">无法读取</Tag> : <Tag color="error">内容被改动</Tag>),
          },
          { title: '文件', key: 'owners', render: (_v, r) => <Owners issue={r} /> },
          { title: '类别', key: 'kinds', width: 110, render: (_v, r) => r.kinds.join('、') },
          {
            title: '证据库中的位置',
            key: 'path',
            width: 300,
            render: (_v, r) => (
              <Typography.Text style={{ fontFamily: 'Consolas, monospace', fontSize: 12, wordBreak: 'break-all' }} copyable={{ text: r.path, tooltips: ['复制路径', '已复制'] }}>
                {r.path}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Alert
        type="warning"
        showIcon
        style={{ marginTop: 12 }}
        title="处理办法"
        description={
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>不要删除或改动这些文件，也不要清理相关音像记录；在改动查明前，列出的文件不能作为未经改动的证据使用。</li>
            <li>用最近一次备份恢复：备份中的副本按相同的校验值保存，恢复后在本页再次校验，确认一致。</li>
            <li>没有备份的，如原记录仪上仍保留该文件，可将其另行封存，并在相关案件中说明情况。</li>
            <li>多个文件同时出错通常是磁盘故障，请尽快检查或更换存放数据的硬盘；查询审计记录可核实期间的操作。</li>
          </ol>
        }
      />
    </>
  );
}
