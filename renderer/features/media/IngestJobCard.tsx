import { Alert, Button, Card, Flex, Progress, Statistic, Table, Tag, Typography } from 'antd';
import type { IngestJobStatus, IngestResult } from '../../../shared/media-types.js';
import { formatBytes } from '../../../shared/logic/text.js';
import { baseName, etaText, INGEST_STATE_LABELS, rateText } from './media-format.js';

const STATE_COLORS = { running: 'processing', done: 'success', cancelled: 'default', disconnected: 'warning', failed: 'error' } as const;

function summaryTitle(job: IngestJobStatus): { type: 'success' | 'warning' | 'error' | 'info'; title: string } {
  const r = job.result;
  const problems = (r?.failed.length ?? 0) + (r?.warnings.length ?? 0);
  switch (job.state) {
    case 'done':
      if (!r) return { type: 'success', title: '导入完成' };
      if (r.copied === 0 && r.duplicates === 0) return { type: problems ? 'warning' : 'info', title: '没有需要导入的新文件' };
      return { type: problems ? 'warning' : 'success', title: `导入完成：${r.copied + r.duplicates} 个文件已存入证据库（共 ${formatBytes(r.bytes)}），每个文件都已逐字节校验${problems ? `；${problems} 个文件需要注意，见下表` : ''}` };
    case 'cancelled':
      return { type: 'info', title: `已取消导入。已导入的 ${r ? r.copied + r.duplicates : 0} 个文件已保存，再次导入时从未完成的文件继续。` };
    default:
      return { type: job.state === 'disconnected' ? 'warning' : 'error', title: job.error?.message ?? INGEST_STATE_LABELS[job.state] };
  }
}

/** Files not imported (and imported with a problem), each with its reason. */
function ProblemTable({ r }: { r: IngestResult }) {
  const rows = [
    ...r.failed.map((f) => ({ key: `f:${f.path}`, path: f.path, reason: f.reason, imported: false })),
    ...r.warnings.map((f) => ({ key: `w:${f.path}`, path: f.path, reason: f.reason, imported: true })),
  ];
  if (!rows.length) return null;
  return (
    <Table
      size="small"
      pagination={false}
      style={{ marginTop: 12 }}
      dataSource={rows}
      title={() => <Typography.Text strong>需要注意的文件（{rows.length} 个）</Typography.Text>}
      columns={[
        { title: '文件', dataIndex: 'path', render: (p: string) => <span title={p}>{baseName(p)}</span>, width: '42%' },
        { title: '结果', dataIndex: 'imported', width: 110, render: (v: boolean) => (v ? <Tag color="warning">已导入</Tag> : <Tag color="error">未导入</Tag>) },
        { title: '原因', dataIndex: 'reason' },
      ]}
    />
  );
}

function ResultFigures({ r }: { r: IngestResult }) {
  const secs = r.durationMs / 1000;
  const fig = (title: string, value: string | number, alert = false) => (
    <Statistic title={title} value={value} styles={{ content: { fontSize: 20, ...(alert ? { color: '#cf1322' } : {}) } }} />
  );
  return (
    <Flex gap={40} wrap style={{ marginTop: 12 }}>
      {fig('新导入', `${r.copied} 个`)}
      {fig('内容已在证据库（只登记来源）', `${r.duplicates} 个`)}
      {fig('此前已导入（跳过）', `${r.skipped} 个`)}
      {fig('未导入', `${r.failed.length} 个`, r.failed.length > 0)}
      {fig('用时', secs < 60 ? `${secs.toFixed(1)} 秒` : etaText(secs).replace('约 ', ''))}
      {fig('平均速度', secs > 0 && r.bytes ? rateText(r.bytes / 1024 / 1024 / secs) : '—')}
    </Flex>
  );
}

/** One import: live progress with 取消 while it runs, then the summary with every problem file. */
export function IngestJobCard({ job, title, onCancel, cancelling, onDismiss, onShowFootage }: {
  job: IngestJobStatus;
  title: string;
  onCancel: () => void;
  cancelling: boolean;
  onDismiss: () => void;
  onShowFootage: () => void;
}) {
  const p = job.progress;
  const running = job.state === 'running';
  const percent = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : p.phase === 'done' ? 100 : 0;
  return (
    <Card
      size="small"
      title={<Flex gap={8} align="center">{title}<Tag color={STATE_COLORS[job.state]}>{INGEST_STATE_LABELS[job.state]}</Tag></Flex>}
      extra={running ? (
        <Button danger onClick={onCancel} loading={cancelling}>取消导入</Button>
      ) : (
        <Flex gap={8}>
          {job.result && job.result.copied + job.result.duplicates > 0 && <Button type="primary" onClick={onShowFootage}>标注导入的音像记录</Button>}
          <Button onClick={onDismiss}>关闭</Button>
        </Flex>
      )}
      style={{ marginBottom: 12 }}
      data-testid="ingest-job"
    >
      {running ? (
        <>
          <Progress percent={percent} status="active" />
          <Flex gap={24} wrap style={{ marginTop: 4 }}>
            <span>文件：{p.filesDone} / {p.filesTotal}</span>
            <span>数据：{formatBytes(p.bytesDone)} / {formatBytes(p.bytesTotal)}</span>
            <span>速度：{rateText(p.mbPerSec)}</span>
            <span>剩余时间：{p.phase === 'copying' ? etaText(p.etaSeconds) : '—'}</span>
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }} ellipsis>
            {p.phase === 'scanning' ? '正在读取设备上的文件列表…' : p.phase === 'finishing' ? '正在完成导入…' : p.currentFiles.length ? `正在复制并校验：${p.currentFiles.map(baseName).join('、')}` : '正在准备…'}
          </Typography.Text>
        </>
      ) : (
        <>
          <Alert showIcon {...summaryTitle(job)} />
          {job.result && <ResultFigures r={job.result} />}
          {job.result && <ProblemTable r={job.result} />}
        </>
      )}
    </Card>
  );
}
