import { Alert, Button, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/result.js';
import type { AnnualCounts, AnnualManual } from '../../../shared/supervision-types.js';
import { formatDateTime } from '../../../shared/logic/text.js';
import { fieldErrors } from '../../lib/field-errors.js';
import { useCommand } from '../../lib/use-api.js';

const FIELDS: { key: keyof AnnualCounts; label: string }[] = [
  { key: 'received', label: '收到（件）' },
  { key: 'upheld', label: '维持' },
  { key: 'revoked', label: '撤销' },
  { key: 'changed', label: '变更' },
  { key: 'confirmedIllegal', label: '确认违法' },
  { key: 'other', label: '其他' },
];
const KINDS = [
  { key: 'reconsideration', label: '行政复议' },
  { key: 'litigation', label: '行政诉讼' },
] as const;

type FormValues = Pick<AnnualManual, 'reconsideration' | 'litigation' | 'note'>;

/** 行政复议、行政诉讼: figures the program cannot know, entered by hand (report.annualManual.save). */
export function ManualFiguresForm({ year, manual, editable, onSaved }: { year: number; manual: AnnualManual; editable: boolean; onSaved: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const save = useCommand('report.annualManual.save');
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    form.setFieldsValue({ reconsideration: manual.reconsideration, litigation: manual.litigation, note: manual.note });
    setError(null);
  }, [manual, form]);

  const submit = async (v: FormValues) => {
    setError(null);
    const r = await save.run({ year, ...v, note: v.note ?? '' }, { success: `${year} 年度复议诉讼数据已保存`, quietError: true });
    if (r.ok) onSaved();
    else setError(r.error);
  };
  // "reconsideration: 合计不能超过…" → "行政复议：合计不能超过…".
  const errorText = (e: AppError) => {
    const fields = fieldErrors(e);
    if (!fields.length) return e.message;
    return fields.map((f) => `${KINDS.find((k) => f.field.startsWith(k.key))?.label ?? '填报内容'}：${f.message}`).join('；');
  };

  return (
    <Form form={form} onFinish={submit} disabled={!editable}>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={[...KINDS]}
        columns={[
          { title: '类别', dataIndex: 'label', width: 100 },
          ...FIELDS.map((f) => ({
            title: f.label,
            key: f.key,
            render: (_v: unknown, k: (typeof KINDS)[number]) => (
              <Form.Item name={[k.key, f.key]} noStyle rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} max={1_000_000} precision={0} aria-label={`${k.label}${f.label.replace('（件）', '')}`} style={{ width: '100%' }} />
              </Form.Item>
            ),
          })),
        ]}
      />
      <Form.Item name="note" style={{ marginTop: 12 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} placeholder="说明（例如被撤销、确认违法的案件及整改情况）" aria-label="复议诉讼说明" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.pending} className="sx-no-print">
          保存复议诉讼数据
        </Button>
      )}
      <Typography.Text type="secondary" style={{ marginLeft: editable ? 12 : 0 }} className="sx-no-print">
        {manual.updatedAt ? `最后由 ${manual.updatedBy ?? ''} 于 ${formatDateTime(manual.updatedAt)} 填报。` : '尚未填报。'}
        维持、撤销、变更、确认违法和其他的合计不能超过收到的件数。
      </Typography.Text>
    </Form>
  );
}
