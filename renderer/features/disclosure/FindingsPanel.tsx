// The redaction review: every field with its findings highlighted, undo by click, mask by
// selection (disclosure.setFindings with the full sets of manual masks and kept values).
import { Alert, Button, Card, Form, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DisclosureDetail, FindingView } from '../../../shared/disclosure-types.js';
import { FINDING_KINDS, FINDING_KIND_LABELS, type FindingKind } from '../../../shared/logic/redact/index.js';
import { useCommand } from '../../lib/use-api.js';
import { RedactedText, type TextSelection } from './RedactedText.js';
import { isTableCell, TableFindings } from './TableFindings.js';

const KEPT_SHOWN = 12;

type Mask = { field: string; start: number; end: number; kind: string; replacement?: string };

const manualMasks = (d: DisclosureDetail): Mask[] =>
  d.fields.flatMap((f) =>
    f.findings.filter((x) => x.source === 'manual').map((x) => ({ field: f.key, start: x.start, end: x.end, kind: x.kind, replacement: x.replacement })),
  );

export function FindingsPanel({ item, editable, onChange }: { item: DisclosureDetail; editable: boolean; onChange: (d: DisclosureDetail) => void }) {
  const setFindings = useCommand('disclosure.setFindings');
  const [adding, setAdding] = useState<TextSelection | null>(null);
  const [kind, setKind] = useState<FindingKind>('person-name');
  const [showAllKept, setShowAllKept] = useState(false);

  const save = async (masks: Mask[], kept: string[], success: string) => {
    const r = await setFindings.run({ id: item.id, masks, kept }, { success });
    if (r.ok) onChange(r.value);
  };

  const undo = (field: string, f: FindingView) => {
    if (f.source === 'manual') {
      const masks = manualMasks(item).filter((m) => !(m.field === field && m.start === f.start && m.end === f.end));
      return save(masks, item.kept, '已撤销人工脱敏标记');
    }
    return save(manualMasks(item), [...new Set([...item.kept, f.text])], `已撤销脱敏：“${f.text}”将原样公开`);
  };

  const filled = item.fields.filter((f) => f.original.trim() !== '');
  const total = filled.reduce((n, f) => n + f.findings.length, 0);
  const cells = filled.filter((f) => isTableCell(f.key));
  // A notice's section is shown under its own heading; the heading is listed apart only when it has findings.
  const byKey = new Map(filled.map((f) => [f.key, f]));
  const sectionText = (key: string) => /^sections\.(\d+)\.heading$/.exec(key)?.[1];
  const fields = filled.filter((f) => {
    if (isTableCell(f.key)) return false;
    const i = sectionText(f.key);
    return i === undefined || f.findings.length > 0 || !byKey.has(`sections.${i}.text`);
  });
  const labelOf = (f: (typeof filled)[number]) => {
    const i = /^sections\.(\d+)\.text$/.exec(f.key)?.[1];
    const heading = i === undefined ? undefined : byKey.get(`sections.${i}.heading`);
    return heading && heading.findings.length === 0 ? heading.original : f.label;
  };

  return (
    <Card
      size="small"
      title={`脱敏审查（共 ${total} 处）`}
      extra={editable ? <Typography.Text type="secondary">点击高亮处撤销脱敏；选中文字可添加脱敏标记</Typography.Text> : null}
    >
      {!item.check.ok && <Alert type="error" showIcon title={item.check.message} style={{ marginBottom: 12 }} />}
      {item.staleMasks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`修改内容后，以下人工标记已不再匹配而被移除：${item.staleMasks.map((m) => `“${m.text}”`).join('、')}`}
        />
      )}
      {fields.map((f) => (
        <div key={f.key} style={{ marginBottom: 12 }} data-testid={`field-${f.key}`}>
          <Typography.Text strong>{labelOf(f)}</Typography.Text>
          {f.findings.length > 0 && <Tag style={{ marginLeft: 8 }} color="orange">{f.findings.length} 处脱敏</Tag>}
          <RedactedText field={f} editable={editable} onUndo={(x) => undo(f.key, x)} onSelect={setAdding} />
        </div>
      ))}
      {item.notice?.table && cells.length > 0 && (
        <TableFindings columns={item.notice.table.columns} cells={cells} editable={editable} onUndo={undo} onSelect={setAdding} />
      )}
      {item.kept.length > 0 && (
        <Space wrap style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">已决定原样公开：</Typography.Text>
          {(showAllKept ? item.kept : item.kept.slice(0, KEPT_SHOWN)).map((k) => (
            <Tag
              key={k}
              closable={editable}
              onClose={(e) => {
                e.preventDefault();
                void save(manualMasks(item), item.kept.filter((x) => x !== k), `已恢复对“${k}”的脱敏`);
              }}
            >
              {k}
            </Tag>
          ))}
          {!showAllKept && item.kept.length > KEPT_SHOWN && (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setShowAllKept(true)}>等共 {item.kept.length} 项，全部显示</Button>
          )}
        </Space>
      )}
      <Modal
        title="添加脱敏标记"
        open={!!adding}
        okText="添加"
        cancelText="取消"
        confirmLoading={setFindings.pending}
        onCancel={() => setAdding(null)}
        onOk={async () => {
          if (!adding) return;
          await save([...manualMasks(item), { field: adding.field, start: adding.start, end: adding.end, kind }], item.kept, '已添加脱敏标记');
          setAdding(null);
        }}
      >
        <Form layout="vertical">
          <Form.Item label="选中的文字">
            <Typography.Text code>{adding?.text}</Typography.Text>
          </Form.Item>
          <Form.Item label="信息类型">
            <Select
              value={kind}
              onChange={setKind}
              options={FINDING_KINDS.map((k) => ({ value: k, label: FINDING_KIND_LABELS[k] }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
