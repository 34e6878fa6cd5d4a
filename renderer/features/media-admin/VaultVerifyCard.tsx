import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { VaultVerifyJob, VaultVerifyLast, VaultVerifySchedule } from '../../../shared/media-types.js';
import { formatBytes, formatDate, formatDateTime } from '../../../shared/logic/text.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { today } from '../../lib/dates.js';
import { useCommand } from '../../lib/use-api.js';
import { usePoll } from '../../lib/use-poll.js';
import { etaText, rateText } from '../media/media-format.js';
import { VaultIssues } from './VaultIssues.js';

/**
 * When a check is overdue: a week past the automatic check (as the 工作台 alert), or a month when
 * checks are not automatic.
 */
const remindAfterDays = (schedule: VaultVerifySchedule) => (schedule.everyDays > 0 ? schedule.everyDays + 7 : 30);

const daysSince = (iso: string) => Math.floor((Date.now() - Date.parse(iso)) / 86_400_000);

function LastCheck({ last, remindAfter }: { last: VaultVerifyLast | null; remindAfter: number }) {
  if (!last) {
    return <Alert type="warning" showIcon title="证据库尚未校验过" description="建议现在校验一次。" />;
  }
  const when = `${formatDateTime(last.at)}（${last.by}）`;
  const stale = daysSince(last.at) > remindAfter;
  if (!last.ok) {
    return (
      <Alert
        type="error"
        showIcon
        title={`上次校验 ${when} 发现问题：${last.mismatched} 个文件内容被改动，${last.missing} 个文件缺失`}
        description="请重新校验查看具体文件，并按提示处理。"
      />
    );
  }
  return (
    <Alert
      type={stale ? 'warning' : 'success'}
      showIcon
      title={`上次校验 ${when}：${last.checked} 个文件（${formatBytes(last.bytes)}）全部与导入时一致`}
      description={stale ? `距上次校验已超过 ${remindAfter} 天，建议现在校验。` : undefined}
    />
  );
}

/** 下次自动校验 (设置—音视频), under the last check. */
function NextCheck({ schedule }: { schedule: VaultVerifySchedule }) {
  const text =
    schedule.everyDays === 0
      ? '未开启自动校验（可在“设置—音视频—保存期限、播放与校验”中开启）。'
      : schedule.nextAt
        ? `下次自动校验：${formatDate(schedule.nextAt) === today() ? '今天' : `约 ${formatDate(schedule.nextAt)}`}（每 ${schedule.everyDays} 天一次，在本程序运行时进行）。`
        : `自动校验：每 ${schedule.everyDays} 天一次（证据库中有文件后开始）。`;
  return (
    <Typography.Text type="secondary" data-testid="verify-next">
      {text}
    </Typography.Text>
  );
}

function Running({ job }: { job: VaultVerifyJob }) {
  const percent = job.bytesTotal > 0 ? Math.floor((job.bytesDone / job.bytesTotal) * 100) : 0;
  return (
    <div data-testid="verify-progress">
      <Typography.Text strong>正在校验…</Typography.Text>
      <Progress percent={percent} status="active" />
      <Flex gap={24} wrap>
        <span>文件：{job.filesDone} / {job.filesTotal}</span>
        <span>数据：{formatBytes(job.bytesDone)} / {formatBytes(job.bytesTotal)}</span>
        <span>速度：{rateText(job.mbPerSec)}</span>
        <span>剩余时间：{etaText(job.etaSeconds)}</span>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        校验只读取文件，不影响导入和播放；可以离开本页，校验在后台继续。
      </Typography.Text>
    </div>
  );
}

const when = (job: VaultVerifyJob) =>
  `${formatDateTime(job.finishedAt ?? job.startedAt)} 由${job.startedBy}校验` +
  (job.report?.resumedFrom ? `（接续 ${formatDateTime(job.report.resumedFrom)} 开始、中途中断的定时校验）` : '');

function Outcome({ job }: { job: VaultVerifyJob }) {
  if (job.state === 'cancelled') {
    return (
      <Alert
        type="info"
        showIcon
        title={`校验已取消（已校验 ${job.filesDone} / ${job.filesTotal} 个文件），不计为一次完整校验。`}
        description={job.scheduled ? '下次定时校验从中断处接着校验。' : undefined}
      />
    );
  }
  if (job.state === 'failed') return <Alert type="error" showIcon title={job.error ?? '校验失败'} description="请检查存放数据的磁盘是否可以访问，然后重试。" />;
  const r = job.report;
  if (!r) return null;
  const extra = r.unregistered.length ? (
    <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
      另有 {r.unregistered.length} 个未登记的文件（导入中断时留下），下次导入时自动登记，无需处理。
    </Typography.Text>
  ) : null;
  if (r.ok) {
    return (
      <>
        <Alert
          type="success"
          showIcon
          title={`校验完成：${r.checked} 个文件（${formatBytes(r.bytes)}）全部与导入时一致，没有被改动或缺失。`}
          description={when(job)}
        />
        {extra}
      </>
    );
  }
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={`校验发现问题：${r.mismatched.length} 个文件内容被改动或无法读取，${r.missing.length} 个文件缺失（共校验 ${r.checked} 个）`}
        description={when(job)}
      />
      <VaultIssues report={r} />
      {extra}
    </>
  );
}

/**
 * 完整性校验: re-reads every file of the vault and compares it with the SHA-256 taken at import,
 * with progress and 取消; shows the last completed check (also those run by `sanxiang verify`).
 */
export function VaultVerifyCard({ version }: { version: number }) {
  const [fast, setFast] = useState(false);
  const status = usePoll('media.verifyStatus', {}, fast ? 800 : 10_000);
  const start = useCommand('media.verifyStart');
  const cancel = useCommand('media.verifyCancel');
  const s = status.data;
  const job = s?.job ?? null;
  const running = job?.state === 'running';
  useEffect(() => {
    if (version) status.refresh();
  }, [version, status.refresh]);
  // Poll often only while a check runs (started here, by another admin, or still going from before).
  useEffect(() => setFast(running), [running]);

  const run = async () => {
    const r = await start.run({});
    if (r.ok) {
      setFast(true);
      status.refresh();
    }
  };

  const action = running && job ? (
    <Button danger onClick={() => cancel.run({ jobId: job.jobId }).then(status.refresh)} loading={cancel.pending}>取消校验</Button>
  ) : (
    <Button type="primary" onClick={run} loading={start.pending} disabled={!s || s.objects === 0}>
      {s?.last ? '重新校验' : '开始校验'}
    </Button>
  );

  return (
    <Card size="small" title="证据库完整性校验" extra={action} style={{ marginBottom: 12 }}>
      {status.error && <ErrorAlert error={status.error} onRetry={status.refresh} />}
      {s && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            证据库共 {s.objects} 个文件（{formatBytes(s.bytes)}），包括原始音视频、缩略图、播放副本和案件附件。校验逐个重新计算校验值（SHA-256），与导入时记录的比对，证明文件未被改动。
          </Typography.Text>
          {running && job && <Running job={job} />}
          {/* A check finished in this session is the last check: its full result replaces the summary. */}
          {!running && job?.state !== 'done' && <LastCheck last={s.last} remindAfter={remindAfterDays(s.schedule)} />}
          {job && !running && <Outcome job={job} />}
          {!running && <NextCheck schedule={s.schedule} />}
        </Flex>
      )}
    </Card>
  );
}
