import { Button, Form, Input, Typography } from 'antd';
import { useCommand } from '../../lib/use-api.js';
import type { IngestJobStatus } from '../../../shared/media-types.js';

/**
 * 手动选择文件夹: for a recorder the app does not recognise, or footage copied to a disk
 * earlier. Same import as a detected device (and as `sanxiang ingest FOLDER`).
 */
export function ManualFolderImport({ onStarted }: { onStarted: (job: IngestJobStatus) => void }) {
  const [form] = Form.useForm<{ folder: string; serial?: string }>();
  const ingest = useCommand('media.ingest');

  const submit = async (v: { folder: string; serial?: string }) => {
    const r = await ingest.run({ folder: v.folder.trim(), deviceSerial: v.serial?.trim() || undefined }, { quietError: true });
    if (r.ok) {
      form.resetFields();
      onStarted(r.value);
    } else {
      form.setFields([{ name: 'folder', errors: [r.error.message] }]);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        记录仪没有自动显示，或要导入以前复制到电脑、移动硬盘上的录像时，请填写文件夹的完整路径。导入时只复制证据库中还没有的文件，原文件不会被改动。
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit} requiredMark={false} style={{ rowGap: 8 }}>
        <Form.Item name="folder" label="文件夹" rules={[{ required: true, whitespace: true, message: '请填写文件夹路径' }]}>
          <Input placeholder="例如 E:\ 或 D:\记录仪备份\2026-03-05" allowClear style={{ width: 440 }} />
        </Form.Item>
        <Form.Item name="serial" label="设备编号" tooltip="文件夹中没有记录仪信息文件时，可填写录像所属记录仪的编号（选填）">
          <Input placeholder="选填" style={{ width: 180 }} maxLength={64} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={ingest.pending}>导入此文件夹</Button>
        </Form.Item>
      </Form>
    </>
  );
}
