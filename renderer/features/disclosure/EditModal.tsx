// 修改 a draft (disclosure.update) or 更正 a published item (disclosure.correct, with 更正说明).
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { DisclosureDetail, NoticeTable, ResultFields } from '../../../shared/disclosure-types.js';
import { PARTY_TYPES, PARTY_TYPE_LABELS, RESULT_LABELS, isResultKind } from '../../../shared/disclosure-domain.js';
import { fromDay, toDay } from '../../lib/dates.js';
import { useCommand } from '../../lib/use-api.js';
import { PastedTable } from './notice/PastedTable.js';

type Mode = 'update' | 'correct';

const TEXT_FIELDS: [keyof ResultFields, string, number][] = [
  ['violation', '违法行为类型', 2],
  ['facts', '主要事实', 5],
  ['basis', '依据', 2],
  ['content', '决定内容', 3],
];

export function EditModal({ item, mode, open, onClose, onSaved }: { item: DisclosureDetail; mode: Mode; open: boolean; onClose: () => void; onSaved: (d: DisclosureDetail) => void }) {
  const [form] = Form.useForm();
  const update = useCommand('disclosure.update');
  const correct = useCommand('disclosure.correct');
  const r = item.result;
  const labels = isResultKind(item.kind) ? RESULT_LABELS[item.kind] : null;
  // A pasted table replaces the notice's table (the roster and the annual report are generated, not pasted).
  const tableEditable = !!item.notice && item.kind !== 'roster' && item.kind !== 'annual';
  const [table, setTable] = useState<{ value: NoticeTable | null; error: string | null }>({ value: null, error: null });

  const initial = {
    title: item.title,
    ...(r ? { ...r, decidedOn: toDay(r.decidedOn), validUntil: toDay(r.validUntil) } : {}),
    sections: item.notice?.sections ?? [],
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is missing
    const result = r
      ? {
          partyName: v.partyName, partyType: v.partyType, creditCode: v.creditCode, legalRep: v.legalRep, decisionNo: v.decisionNo,
          category: v.category, violation: v.violation, facts: v.facts, basis: v.basis, content: v.content,
          fine: v.fine ?? null, confiscation: v.confiscation ?? null,
          decidedOn: fromDay(v.decidedOn) ?? '', validUntil: fromDay(v.validUntil) ?? '', authority: v.authority,
        }
      : undefined;
    if (table.error) return;
    const caption = item.notice?.table?.caption ?? '';
    const notice = item.notice ? { sections: v.sections ?? [], ...(table.value ? { table: { ...table.value, caption } } : {}) } : undefined;
    const res =
      mode === 'update'
        ? await update.run({ id: item.id, title: v.title, result, notice }, { success: '已保存' })
        : await correct.run({ id: item.id, note: v.note, title: v.title, result, notice }, { success: (d) => `已生成更正稿（第 ${d.version} 版），请提交审核` });
    if (res.ok) {
      onSaved(res.value);
      onClose();
    }
  };

  return (
    <Modal
      title={mode === 'update' ? '修改公示内容' : '更正已发布的公示事项'}
      open={open}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>取消</Button>,
        <Button key="ok" type="primary" loading={update.pending || correct.pending} onClick={submit}>
          {mode === 'update' ? '保存' : '生成更正稿'}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        {mode === 'correct' && (
          <Form.Item name="note" label="更正说明" rules={[{ required: true, whitespace: true, message: '请填写更正说明' }]}>
            <Input.TextArea rows={2} maxLength={1000} placeholder="例如：原公示罚款金额有误，更正为 5000 元" />
          </Form.Item>
        )}
        <Form.Item name="title" label="标题">
          <Input maxLength={200} />
        </Form.Item>
        {r && labels && (
          <>
            <Form.Item name="partyName" label="当事人名称"><Input maxLength={100} /></Form.Item>
            <Form.Item name="partyType" label="当事人类型">
              <Select options={PARTY_TYPES.map((p) => ({ value: p, label: PARTY_TYPE_LABELS[p] }))} />
            </Form.Item>
            <Form.Item name="creditCode" label="统一社会信用代码"><Input maxLength={18} /></Form.Item>
            <Form.Item name="legalRep" label="法定代表人（负责人）"><Input maxLength={40} /></Form.Item>
            <Form.Item name="decisionNo" label={labels.no}><Input maxLength={80} /></Form.Item>
            <Form.Item name="category" label={labels.category}><Input maxLength={200} /></Form.Item>
            {TEXT_FIELDS.map(([k, label, rows]) => (
              <Form.Item key={k} name={k} label={k === 'content' ? labels.content : label}>
                <Input.TextArea rows={rows} />
              </Form.Item>
            ))}
            <Form.Item name="fine" label="罚款金额（元）"><InputNumber min={0} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="confiscation" label="没收金额（元）"><InputNumber min={0} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="decidedOn" label={labels.date}><DatePicker format="YYYY-MM-DD" /></Form.Item>
            <Form.Item name="validUntil" label="有效期至"><DatePicker format="YYYY-MM-DD" /></Form.Item>
            <Form.Item name="authority" label={labels.authority}><Input maxLength={100} /></Form.Item>
          </>
        )}
        {tableEditable && (
          <Form.Item label="表格内容" extra={item.notice?.table ? `现有表格 ${item.notice.table.columns.length} 列、${item.notice.table.rows.length} 行；粘贴新表格将整体替换，不粘贴则保留` : '可从 Excel 复制表格粘贴，第一行为列名'}>
            <PastedTable caption="" onChange={(value, error) => setTable({ value, error })} />
          </Form.Item>
        )}
        {item.notice && (
          <Form.List name="sections">
            {(fields) =>
              fields.map((f) => (
                <div key={f.key}>
                  <Form.Item name={[f.name, 'heading']} label={`第 ${f.name + 1} 段小标题`}><Input maxLength={100} /></Form.Item>
                  <Form.Item name={[f.name, 'text']} label={`第 ${f.name + 1} 段正文`}><Input.TextArea rows={4} /></Form.Item>
                </div>
              ))
            }
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
