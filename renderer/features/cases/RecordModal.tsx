import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Segmented, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_TYPES } from '../../../shared/domain.js';
import type { CaseRecord } from '../../../shared/types.js';
import { formatBytes } from '../../../shared/logic/text.js';
import { fileToBase64 } from '../../lib/download.js';
import { useCommand } from '../../lib/use-api.js';

const ACCEPT = Object.keys(ATTACHMENT_TYPES).join(',');
const MAX_BYTES = 50 * 1024 * 1024;

interface RecordForm {
  title: string;
  body?: string;
}

/**
 * Adds a text record or an attachment (PDF, JPG/PNG, Word…) to a case. With `previous`, the new
 * record is a new version of it: the old one stays, marked 已有新版本.
 */
export function RecordModal({ caseId, previous, onClose, onDone }: { caseId: number; previous?: CaseRecord; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<RecordForm>();
  const [kind, setKind] = useState<'text' | 'attachment'>(previous?.kind ?? 'text');
  const [file, setFile] = useState<UploadFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const add = useCommand('cases.addRecord');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    let upload: { name: string; base64: string } | undefined;
    if (kind === 'attachment') {
      if (!file?.originFileObj) return setFileError('请选择要上传的文件');
      if (fileError) return;
      upload = { name: file.name, base64: await fileToBase64(file.originFileObj) };
    }
    const r = await add.run(
      { caseId, title: v.title.trim(), body: v.body?.trim() ?? '', file: upload, supersedes: previous?.id },
      { success: previous ? `已保存“${v.title}”的第 ${previous.version + 1} 版` : `已添加“${v.title}”` },
    );
    if (r.ok) {
      onDone();
      onClose();
    }
  };

  return (
    <Modal
      open
      width={640}
      title={previous ? `新版本 — ${previous.title}（第 ${previous.version + 1} 版）` : '添加记录'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ loading: add.pending }}
    >
      {previous && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="原记录不会被修改或删除，保存后标为“已有新版本”，两版都保留在案卷中。" />
      )}
      <Segmented
        value={kind}
        onChange={(v) => setKind(v as 'text' | 'attachment')}
        options={[
          { value: 'text', label: '文字记录' },
          { value: 'attachment', label: '上传附件' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ title: previous?.title ?? '', body: previous?.kind === 'text' ? previous.body : '' }}
      >
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写记录标题' }]}>
          <Input maxLength={120} placeholder="例如：现场检查笔录、询问笔录（第一次）" />
        </Form.Item>
        {kind === 'text' ? (
          <Form.Item name="body" label="内容" rules={[{ required: true, whitespace: true, message: '请填写记录内容' }]}>
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={100000} />
          </Form.Item>
        ) : (
          <>
            <Form.Item label="文件" required help={fileError ?? '可上传 PDF、JPG、PNG、DOC、DOCX、WPS、TXT，单个文件不超过 50 MB'} validateStatus={fileError ? 'error' : undefined}>
              <Upload
                accept={ACCEPT}
                maxCount={1}
                beforeUpload={(f) => {
                  const ext = f.name.slice(f.name.lastIndexOf('.')).toLowerCase();
                  if (!ATTACHMENT_TYPES[ext]) setFileError(`不支持的文件类型“${ext}”`);
                  else if (f.size > MAX_BYTES) setFileError(`文件 ${formatBytes(f.size)}，超过 50 MB`);
                  else setFileError(null);
                  return false;
                }}
                fileList={file ? [file] : []}
                onChange={({ fileList }) => setFile(fileList.at(-1) ?? null)}
                onRemove={() => {
                  setFile(null);
                  setFileError(null);
                }}
              >
                <Button icon={<UploadOutlined />}>选择文件</Button>
              </Upload>
            </Form.Item>
            <Form.Item name="body" label="说明（可选）">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
