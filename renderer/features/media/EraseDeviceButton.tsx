import { Alert, Button, Checkbox, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ErasePreview } from '../../../shared/media-types.js';
import { formatBytes } from '../../../shared/logic/text.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand } from '../../lib/use-api.js';
import type { AppError } from '../../../shared/result.js';

/**
 * 清除设备上已导入的文件: never automatic. Lists only files whose vault copy re-reads to the same
 * hash, and deletes them after a confirmation naming the count (each deletion is audited).
 */
export function EraseDeviceButton({ folder, serial, disabled }: { folder: string; serial?: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<ErasePreview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [checked, setChecked] = useState(false);
  const load = useCommand('media.erasePreview');
  const erase = useCommand('media.eraseDevice');
  const [outcome, setOutcome] = useState<{ erased: number; failed: { path: string; reason: string }[] } | null>(null);

  const start = async () => {
    setOpen(true);
    setPreview(null);
    setError(null);
    setChecked(false);
    setOutcome(null);
    const r = await load.run({ folder, deviceSerial: serial || undefined }, { quietError: true });
    if (r.ok) setPreview(r.value);
    else setError(r.error);
  };

  const confirm = async () => {
    if (!preview) return;
    const r = await erase.run({ folder, deviceSerial: serial || undefined, confirmCount: preview.count }, { success: (v) => `已从设备上清除 ${v.erased} 个文件` });
    if (r.ok) setOutcome(r.value);
  };

  const close = () => setOpen(false);
  const count = preview?.count ?? 0;

  return (
    <>
      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={start} disabled={disabled}>
        清除设备上已导入的文件…
      </Button>
      <Modal
        open={open}
        title="清除设备上已导入的文件"
        onCancel={close}
        width={640}
        okText={outcome ? '完成' : `清除 ${count} 个文件`}
        cancelText="取消"
        okButtonProps={outcome ? {} : { danger: true, disabled: !checked || count === 0, loading: erase.pending }}
        onOk={outcome ? close : confirm}
        cancelButtonProps={outcome ? { style: { display: 'none' } } : undefined}
      >
        {error && <ErrorAlert error={error} />}
        {load.pending && <Typography.Text type="secondary">正在逐个校验证据库中的副本…</Typography.Text>}
        {outcome && (
          <Alert
            type={outcome.failed.length ? 'warning' : 'success'}
            showIcon
            title={`已清除 ${outcome.erased} 个文件${outcome.failed.length ? `，${outcome.failed.length} 个未能清除` : ''}`}
            description={outcome.failed.map((f) => `${f.path}：${f.reason}`).join('；') || undefined}
          />
        )}
        {preview && !outcome && (count === 0 ? (
          <Alert type="info" showIcon title="设备上没有可以清除的文件" description="只有已导入证据库、且证据库中的副本重新校验一致的文件才能清除。" />
        ) : (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`将从记录仪上删除 ${count} 个文件（共 ${formatBytes(preview.bytes)}）`}
              description="这些文件都已导入证据库，且证据库中的副本已重新校验、与原文件完全一致。删除后不能从记录仪上恢复；证据库中的副本不受影响。每删除一个文件都记入审计记录。"
            />
            <List
              size="small"
              bordered
              style={{ maxHeight: 220, overflow: 'auto', marginBottom: 12 }}
              dataSource={preview.files}
              renderItem={(f) => (
                <List.Item extra={<Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>}>{f.path}</List.Item>
              )}
            />
            <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
              我确认从记录仪上删除以上 {count} 个文件
            </Checkbox>
          </>
        ))}
      </Modal>
    </>
  );
}
