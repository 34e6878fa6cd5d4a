import { Alert, Button, Checkbox, DatePicker, Descriptions, Form, Input } from 'antd';
import type { MediaDetail } from '../../../shared/media-types.js';
import type { Officer } from '../../../shared/types.js';
import { formatDateTime } from '../../../shared/logic/text.js';
import { dayjs, type Dayjs } from '../../lib/dates.js';
import { applyFieldErrors } from '../../lib/field-errors.js';
import { useCommand } from '../../lib/use-api.js';
import { CaseSearchSelect } from './CaseSearchSelect.js';
import { CollectorSelect } from './CollectorSelect.js';
import { MatterSelect } from './MatterSelect.js';
import { useAvMatters } from './use-av-matters.js';

interface Values {
  caseId?: number | null;
  captureTime?: Dayjs | null;
  place?: string;
  collectors?: number[];
  proof?: string;
  matter?: string;
  important?: boolean;
}

/** The form's first values: the saved annotation, or (never annotated) the suggestion. */
function initialValues(d: MediaDetail): Values {
  const p = d.prefill;
  if (d.annotated) {
    return {
      captureTime: d.captureTime ?? p.captureTime ? dayjs(d.captureTime ?? p.captureTime!) : null,
      place: d.place,
      collectors: d.collectors.map((c) => c.id),
      proof: d.proof,
      matter: d.matter || undefined,
      important: d.important,
    };
  }
  return {
    // One candidate case is a safe suggestion; several are offered in the list, not chosen.
    caseId: d.cases.length === 0 && p.caseCandidates.length === 1 ? p.caseCandidates[0].id : undefined,
    captureTime: p.captureTime ? dayjs(p.captureTime) : null,
    place: p.place,
    collectors: p.collectors,
    proof: '',
    matter: p.matter || undefined,
    important: p.important,
  };
}

/** 标注: case, capture time, place, collectors, what it proves; prefilled, saved with media.annotate. */
export function AnnotationForm({ d, officers, onSaved }: { d: MediaDetail; officers: Officer[]; onSaved: (d: MediaDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const linked = new Set(d.cases.map((c) => c.id));
  const candidates = d.prefill.caseCandidates.filter((c) => !linked.has(c.id));
  const annotate = useCommand('media.annotate');
  const { matters } = useAvMatters();

  const submit = async (v: Values) => {
    const r = await annotate.run(
      {
        id: d.id,
        caseId: v.caseId ?? undefined,
        captureTime: v.captureTime ? v.captureTime.toISOString() : null,
        place: v.place?.trim() ?? '',
        collectors: v.collectors ?? [],
        proof: v.proof?.trim() ?? '',
        matter: v.matter ?? '',
        important: !!v.important,
      },
      { success: v.caseId ? '标注已保存，并已关联到案件' : '标注已保存', quietError: true },
    );
    if (r.ok) {
      form.setFieldValue('caseId', undefined);
      onSaved(r.value);
    } else if (!applyFieldErrors(form, r.error)) {
      form.setFields([{ name: 'proof', errors: [r.error.message] }]);
    }
  };

  return (
    <>
      {!d.annotated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="已根据文件名、记录仪使用人、定位和当天在办案件预填，请核对后保存"
        />
      )}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={initialValues(d)} onFinish={submit} disabled={d.purged}>
        <Form.Item
          name="caseId"
          label={d.cases.length ? '关联到其他案件' : '关联案件'}
          extra={candidates.length ? `推荐：${candidates.slice(0, 2).map((c) => `${c.caseNo}（${c.reason}）`).join('；')}${candidates.length > 2 ? ` 等 ${candidates.length} 件，见下拉列表` : ''}` : undefined}
        >
          <CaseSearchSelect candidates={candidates} />
        </Form.Item>
        <Form.Item name="matter" label="音像记录事项">
          <MatterSelect matters={matters} />
        </Form.Item>
        <Form.Item name="captureTime" label="拍摄时间">
          <DatePicker showTime format="YYYY-MM-DD HH:mm:ss" style={{ width: '100%' }} placeholder="选择拍摄时间" />
        </Form.Item>
        <Form.Item name="place" label="拍摄地点">
          <Input maxLength={200} placeholder="例如：船山区永兴镇石洞村三组" />
        </Form.Item>
        <Form.Item name="collectors" label="采集人">
          <CollectorSelect officers={officers} />
        </Form.Item>
        <Form.Item name="proof" label="证明对象" rules={[{ required: true, whitespace: true, message: '请填写这段音像记录能证明什么' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder="例如：当事人在林地内擅自修建房屋的现场情况" />
        </Form.Item>
        <Form.Item name="important" valuePropName="checked">
          <Checkbox>标为重要（如现场冲突、关键证据）</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={annotate.pending} block>
          保存标注
        </Button>
      </Form>
    </>
  );
}

/** The annotation as text, for those who may watch but not annotate (reviewers, the head). */
export function AnnotationView({ d, matterLabel }: { d: MediaDetail; matterLabel: (k: string) => string }) {
  if (!d.annotated) return <Alert type="warning" showIcon title="尚未标注" description="执法人员尚未说明这段音像记录证明什么。" />;
  return (
    <Descriptions size="small" column={1} styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label="音像记录事项">{d.matter ? matterLabel(d.matter) : '—'}</Descriptions.Item>
      <Descriptions.Item label="拍摄时间">{d.captureTime ?? d.recordedAt ? formatDateTime((d.captureTime ?? d.recordedAt)!) : '—'}</Descriptions.Item>
      <Descriptions.Item label="拍摄地点">{d.place || '—'}</Descriptions.Item>
      <Descriptions.Item label="采集人">{d.collectors.map((c) => c.name).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label="证明对象">{d.proof || '—'}</Descriptions.Item>
      <Descriptions.Item label="标注时间">{d.annotatedAt ? formatDateTime(d.annotatedAt) : '—'}</Descriptions.Item>
    </Descriptions>
  );
}
