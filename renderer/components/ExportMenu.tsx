import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { AppError, Result } from '../../shared/result.js';
import { formatBytes } from '../../shared/logic/text.js';
import type { JobProgress } from '../../shared/supervision-types.js';
import { downloadBase64 } from '../lib/download.js';
import { RunProgress } from './RunProgress.js';

export type ExportFormat = 'xlsx' | 'csv';

/** What an export operation returns: the file as base64 (download) or the path it was written to. */
export interface ExportedFile {
  fileName: string;
  bytes: number;
  path: string | null;
  base64?: string;
  rows?: number;
}

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};
const FORMAT_LABELS: Record<ExportFormat, string> = { xlsx: 'Excel 文件（.xlsx）', csv: 'CSV 文件（.csv，UTF-8）' };
const LAST_FOLDER = 'sanxiang.exportFolder';

const lastFolder = (): string => {
  try {
    return localStorage.getItem(LAST_FOLDER) ?? '';
  } catch {
    return '';
  }
};

interface Props {
  formats: ExportFormat[];
  /** The file name the services will use, per format (to suggest a path). */
  fileName: (f: ExportFormat) => string;
  run: (format: ExportFormat, path?: string) => Promise<Result<ExportedFile>>;
  disabled?: boolean;
  label?: string;
  /** A long export's progress and 取消 (from useProgressRun), shown once the first progress arrives. */
  job?: { progress: JobProgress | null; cancel: () => void };
}

/**
 * 导出: download the file (the browser or the desktop shell asks where to keep it), or write it
 * straight to a folder on this PC (a full path); a locked or read-only target is explained in place.
 */
export function ExportMenu({ formats, fileName, run, disabled, label = '导出', job }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [form] = Form.useForm<{ format: ExportFormat; path: string }>();

  const done = (f: ExportedFile) => {
    const what = `${f.rows != null ? `${f.rows.toLocaleString('zh-CN')} 行，` : ''}${formatBytes(f.bytes)}`;
    message.success(f.path ? `已保存到 ${f.path}（${what}）` : `已导出“${f.fileName}”（${what}）`);
  };

  /** A quick export finishes before its first progress report, so no progress flashes up. */
  const showProgress = busy != null && job?.progress != null;
  const cancelled = (e: AppError) => e.code === 'CANCELLED';

  const download = async (format: ExportFormat) => {
    setBusy(format);
    const r = await run(format);
    setBusy(null);
    if (!r.ok) return void (cancelled(r.error) ? message.warning(r.error.message) : message.error(r.error.message));
    if (r.value.base64) downloadBase64(r.value.base64, MIME[format], r.value.fileName);
    done(r.value);
  };

  const openSave = () => {
    const folder = lastFolder();
    const sep = folder.includes('/') && !folder.includes('\\') ? '/' : '\\';
    form.setFieldsValue({ format: formats[0], path: folder ? `${folder.replace(/[\\/]+$/, '')}${sep}${fileName(formats[0])}` : '' });
    setSaveError(null);
    setSaving(true);
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    setSaveError(null);
    setBusy(v.format);
    const r = await run(v.format, v.path.trim());
    setBusy(null);
    if (!r.ok) return setSaveError(r.error);
    try {
      localStorage.setItem(LAST_FOLDER, v.path.trim().replace(/[\\/][^\\/]*$/, ''));
    } catch {
      /* not remembered */
    }
    setSaving(false);
    done(r.value);
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        disabled={disabled || busy != null}
        menu={{
          items: [
            ...formats.map((f) => ({ key: f, label: `下载 ${FORMAT_LABELS[f]}` })),
            { type: 'divider' as const },
            { key: 'save', label: '保存到本机指定位置…' },
          ],
          onClick: ({ key }) => (key === 'save' ? openSave() : void download(key as ExportFormat)),
        }}
      >
        <Button icon={<ExportOutlined />} loading={busy != null}>
          {label} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={saving}
        title="保存到本机指定位置"
        okText="保存"
        cancelText="取消"
        onOk={save}
        onCancel={() => setSaving(false)}
        okButtonProps={{ loading: busy != null }}
        // While a long export runs, its own 取消 (below) is the only way out.
        footer={showProgress ? null : undefined}
        closable={busy == null}
        maskClosable={busy == null}
        keyboard={busy == null}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark={false} disabled={busy != null}>
          {formats.length > 1 && (
            <Form.Item name="format" label="格式">
              <Radio.Group
                options={formats.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
                onChange={(e) => {
                  const p: string = form.getFieldValue('path') ?? '';
                  form.setFieldValue('path', p.replace(/\.(xlsx|csv)$/i, `.${e.target.value}`));
                }}
              />
            </Form.Item>
          )}
          <Form.Item
            name="path"
            label="保存为（完整路径）"
            rules={[{ required: true, whitespace: true, message: '请填写保存位置和文件名' }]}
            extra="例如 D:\台账\案件台账.xlsx。同名文件会被替换；文件正被 Excel 或 WPS 打开时无法保存，请先关闭。"
          >
            <Input placeholder="D:\台账\案件台账.xlsx" />
          </Form.Item>
        </Form>
        {showProgress && <RunProgress progress={job.progress} first="正在准备导出…" onCancel={job.cancel} />}
        {saveError && <Alert type={cancelled(saveError) ? 'warning' : 'error'} showIcon title={saveError.message} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          也可以直接选“下载”，由浏览器或本程序询问保存位置。
        </Typography.Paragraph>
      </Modal>
      <Modal
        open={showProgress && !saving}
        title={busy ? `正在导出“${fileName(busy)}”` : '正在导出'}
        footer={null}
        closable={false}
        maskClosable={false}
        keyboard={false}
        destroyOnHidden
      >
        {job && <RunProgress progress={job.progress} first="正在准备导出…" onCancel={job.cancel} />}
      </Modal>
    </>
  );
}
