import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';

/** A value shown as text with 编辑; editing shows an input with 保存 / 取消 in place. */
export function EditableText({ value, label, editable, multiline, maxLength, required, onSave }: {
  value: string;
  label: string;
  editable: boolean;
  multiline?: boolean;
  maxLength?: number;
  required?: boolean;
  onSave: (v: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (draft === null) {
    return (
      <Flex gap={8} align="flex-start">
        <div style={{ flex: 1, minWidth: 0 }}>
          {value ? <p className="sx-pre">{value}</p> : <Typography.Text type="secondary">未填写</Typography.Text>}
        </div>
        {editable && (
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setDraft(value)} aria-label={`编辑${label}`}>
            编辑
          </Button>
        )}
      </Flex>
    );
  }

  const save = async () => {
    setPending(true);
    const done = await onSave(draft.trim());
    setPending(false);
    if (done) setDraft(null);
  };
  const empty = required && !draft.trim();
  return (
    <Flex vertical gap={6}>
      {multiline ? (
        <Input.TextArea aria-label={label} value={draft} onChange={(e) => setDraft(e.target.value)} autoSize={{ minRows: 4, maxRows: 16 }} maxLength={maxLength} autoFocus />
      ) : (
        <Input aria-label={label} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={maxLength} onPressEnter={save} autoFocus status={empty ? 'error' : undefined} />
      )}
      <Flex gap={8}>
        <Button size="small" type="primary" loading={pending} disabled={empty} onClick={save}>
          保存
        </Button>
        <Button size="small" onClick={() => setDraft(null)} disabled={pending}>
          取消
        </Button>
        {empty && <Typography.Text type="danger">请填写{label}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
