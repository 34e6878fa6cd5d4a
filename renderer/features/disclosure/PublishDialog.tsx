// 发布公示网站: pick a target, run the publish job, follow its progress (publish.status), cancel,
// and show the result figures.
import { Alert, Button, Descriptions, Form, Modal, Progress, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PublishJobStatus } from '../../../shared/disclosure-types.js';
import { PUBLISH_TARGET_KIND_LABELS } from '../../../shared/disclosure-domain.js';
import { call } from '../../lib/api.js';
import { useCommand, useQuery } from '../../lib/use-api.js';
import { formatDate } from '../../../shared/logic/text.js';

const PHASES: Record<string, string> = {
  building: '生成网站文件',
  checking: '发布前检查',
  connecting: '连接服务器',
  uploading: '上传文件',
  switching: '切换版本',
  cleaning: '清理旧版本',
  done: '完成',
};

export const formatBytes = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

function JobView({ job }: { job: PublishJobStatus }) {
  const p = job.progress;
  const pct = p.filesTotal > 0 ? Math.round((p.filesDone / p.filesTotal) * 100) : job.state === 'done' ? 100 : 0;
  return (
    <>
      <Typography.Paragraph>
        {`目标：${job.targetName}　阶段：${PHASES[p.phase] ?? p.phase}`}
        {p.filesTotal > 0 && `　文件 ${p.filesDone}/${p.filesTotal}`}
      </Typography.Paragraph>
      <Progress percent={pct} status={job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active'} />
      {job.state === 'cancelled' && <Alert type="warning" showIcon title="发布已取消，网站仍为上一版本。" />}
      {job.error && <Alert type="error" showIcon title={job.error.message} />}
      {job.result && (
        <Descriptions size="small" column={2} bordered style={{ marginTop: 12 }}>
          <Descriptions.Item label="版本">{job.result.release}</Descriptions.Item>
          <Descriptions.Item label="是否切换">{job.result.switched ? '已切换到新版本' : '内容无变化，未切换'}</Descriptions.Item>
          <Descriptions.Item label="公示事项">{job.result.items} 项</Descriptions.Item>
          <Descriptions.Item label="文件总数">{job.result.files} 个</Descriptions.Item>
          <Descriptions.Item label="上传">{job.result.uploaded} 个</Descriptions.Item>
          <Descriptions.Item label="删除">{job.result.deleted} 个</Descriptions.Item>
          <Descriptions.Item label="上传数据量">{formatBytes(job.result.bytes)}</Descriptions.Item>
          <Descriptions.Item label="续传">{job.result.resumed} 个</Descriptions.Item>
          {job.result.output && <Descriptions.Item label="导入包位置" span={2}>{job.result.output}</Descriptions.Item>}
        </Descriptions>
      )}
    </>
  );
}

export function PublishDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const targets = useQuery('publish.targets.list', {}, { skip: !open });
  const run = useCommand('publish.run');
  const cancel = useCommand('publish.cancel');
  const [targetId, setTargetId] = useState<number>();
  const [job, setJob] = useState<PublishJobStatus | null>(null);
  const running = job?.state === 'running';

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(async () => {
      const r = await call('publish.status', { jobId: job.jobId });
      if (r.ok && r.value[0]) setJob(r.value[0]);
    }, 700);
    return () => clearTimeout(timer);
  }, [job]);

  useEffect(() => {
    if (open) setJob(null);
  }, [open]);

  const list = targets.data ?? [];
  const chosen = targetId ?? list[0]?.id;
  return (
    <Modal
      title="发布公示网站"
      open={open}
      onCancel={running ? undefined : onClose}
      closable={!running}
      mask={{ closable: !running }}
      width={640}
      footer={[
        running ? (
          <Button key="cancel" danger loading={cancel.pending} onClick={() => job && cancel.run({ jobId: job.jobId }).then((r) => r.ok && setJob(r.value))}>
            取消发布
          </Button>
        ) : (
          <Button key="close" onClick={onClose}>关闭</Button>
        ),
        <Button
          key="run"
          type="primary"
          disabled={!chosen || running}
          loading={run.pending}
          onClick={async () => {
            if (!chosen) return;
            const r = await run.run({ targetId: chosen, wait: false });
            if (r.ok) setJob(r.value);
          }}
        >
          {job && !running ? '再次发布' : '开始发布'}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        将所有“已审核待发布”和“已发布”的公示事项生成网站并上传；已撤下的事项会从网站删除。
      </Typography.Paragraph>
      {targets.error && <Alert type="error" showIcon title={targets.error.message} />}
      {targets.data && list.length === 0 && <Alert type="warning" showIcon title="尚未配置发布目标，请联系系统管理员在“公示 → 发布目标”中添加。" />}
      <Form layout="vertical">
        <Form.Item label="发布目标">
          <Select
            value={chosen}
            disabled={running}
            onChange={setTargetId}
            options={list.map((t) => ({
              value: t.id,
              label: `${t.name}（${PUBLISH_TARGET_KIND_LABELS[t.kind]}${t.lastPublishedAt ? `，上次发布 ${formatDate(t.lastPublishedAt)}` : ''}）`,
            }))}
          />
        </Form.Item>
      </Form>
      {job && <JobView job={job} />}
    </Modal>
  );
}

export function PublishButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>发布网站</Button>
      <PublishDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
