import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { DetectedDevice, IngestJobStatus } from '../../../shared/media-types.js';
import { navigate } from '../../app/router.js';
import { EmptyHint } from '../../components/EmptyHint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand } from '../../lib/use-api.js';
import { usePoll } from '../../lib/use-poll.js';
import { DeviceCard } from './DeviceCard.js';
import { IngestJobCard } from './IngestJobCard.js';
import { ManualFolderImport } from './ManualFolderImport.js';

/** How a job is named: the recorder it came from (when still plugged in or remembered), else the folder. */
function jobTitle(job: IngestJobStatus, devices: DetectedDevice[], seen: Map<string, string>): string {
  const d = devices.find((x) => x.volume === job.folder);
  if (d) return deviceName(d);
  return seen.get(job.folder) ?? job.folder;
}

const deviceName = (d: DetectedDevice) => [d.model || '执法记录仪', d.serial, d.officer?.name].filter(Boolean).join(' · ');

/**
 * 设备与导入: recorders plugged in right now (re-read every 1.5 s), imports of this session with live
 * progress and their summaries, and importing a folder by hand.
 */
export function DevicesPanel() {
  const devices = usePoll('media.devices', {}, 1500);
  const jobs = usePoll('media.ingestStatus', {}, 1000);
  const ingest = useCommand('media.ingest');
  const cancel = useCommand('media.cancelIngest');
  const [starting, setStarting] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  // Names of recorders seen in this screen, so a finished job still says which device it was after unplugging.
  const [seen] = useState(() => new Map<string, string>());
  const list = devices.data ?? [];
  for (const d of list) seen.set(d.volume, deviceName(d));
  const allJobs = (jobs.data ?? []).filter((j) => !dismissed.has(j.jobId));
  const running = new Set(allJobs.filter((j) => j.state === 'running').map((j) => j.folder));

  const startImport = async (d: DetectedDevice) => {
    setStarting(d.volume);
    const r = await ingest.run({ folder: d.volume, deviceSerial: d.serial || undefined, profileId: d.profileId });
    setStarting(null);
    if (r.ok) {
      jobs.refresh();
      devices.refresh();
    }
  };

  const cancelJob = async (jobId: string) => {
    setCancelling(jobId);
    await cancel.run({ jobId });
    jobs.refresh();
    setCancelling(null);
  };

  return (
    <>
      <Card size="small" title="已连接的执法记录仪" extra={<Typography.Text type="secondary">插入记录仪后约 2 秒内自动显示</Typography.Text>} style={{ marginBottom: 12 }}>
        {devices.error && <ErrorAlert error={devices.error} onRetry={devices.refresh} />}
        {!devices.data && !devices.error && <Typography.Text type="secondary">正在查找已连接的记录仪…</Typography.Text>}
        {devices.data && list.length === 0 && (
          <EmptyHint text="未检测到执法记录仪。请用数据线连接记录仪，并在记录仪上选择“U 盘模式”或“传输模式”；也可以在下方手动选择文件夹导入。" />
        )}
        <Flex gap={12} wrap>
          {list.map((d) => (
            <DeviceCard key={d.volume} d={d} importing={running.has(d.volume)} starting={starting === d.volume} onImport={() => startImport(d)} />
          ))}
        </Flex>
      </Card>
      {allJobs.map((j) => (
        <IngestJobCard
          key={j.jobId}
          job={j}
          title={jobTitle(j, list, seen)}
          cancelling={cancelling === j.jobId}
          onCancel={() => cancelJob(j.jobId)}
          onDismiss={() => setDismissed(new Set([...dismissed, j.jobId]))}
          onShowFootage={() => navigate('/media', { tab: 'library', annotated: 'no' })}
        />
      ))}
      <Card size="small" title="手动选择文件夹导入">
        <ManualFolderImport onStarted={() => jobs.refresh()} />
      </Card>
    </>
  );
}
